package org.workbench.runtime;

import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The framework's and Declarative Services' log lines, in the workbench's words: which bundle
 * (and its jar), which provider, what went wrong and what to do, on one line, instead of
 * {@code ERROR : bundle org.example.x:1.0.0 (32)[org.example.X(5)] : Error during instantiation of
 * the implementation object} and a stack trace.
 *
 * <p>Declarative Services (Felix SCR) writes its log, when no OSGi log service runs, as one
 * {@code System.err.println} of a {@link StringWriter} holding the line and the stack trace;
 * {@link #install} puts a {@link PrintStream} in front of standard error that turns exactly those
 * into {@link #scr our message} and passes everything else through unchanged. The framework's own
 * log goes through {@link FrameworkLog}, given to Felix as its logger.
 */
final class FrameworkMessages {
    /** SCR's line: level, bundle symbolic name, version, id, optional [component(id)], message. */
    private static final Pattern SCR = Pattern.compile(
            "^(ERROR|WARN|INFO|DEBUG|AUDIT|TRACE)\\s*: bundle (\\S+):(\\S+) \\((\\d+)\\)(?:\\[([^\\]]*?)(?:\\((\\d+)\\))?\\])? : (.*)$");
    private final BundleContext context;
    private final PrintStream raw;

    private FrameworkMessages(BundleContext context, PrintStream raw) {
        this.context = context;
        this.raw = raw;
    }

    /** Puts the translation in front of standard error until {@link #close}; returns the handle. */
    static FrameworkMessages install(BundleContext context) {
        FrameworkMessages m = new FrameworkMessages(context, System.err);
        System.setErr(m.new ScrLines(m.raw));
        return m;
    }

    /** Standard error as it was before {@link #install}. */
    void close() {
        if (System.err instanceof ScrLines) {
            System.setErr(raw);
        }
    }

    /**
     * Our line for one SCR log record (its first line, then its stack trace), or {@code null} when
     * the text is not an SCR record.
     */
    String scr(String text) {
        int nl = text.indexOf('\n');
        String first = (nl < 0 ? text : text.substring(0, nl)).strip();
        Matcher m = SCR.matcher(first);
        if (!m.matches()) {
            return null;
        }
        String level = m.group(1);
        long bundleId = Long.parseLong(m.group(4));
        String component = m.group(5);
        String message = m.group(7).strip();
        String cause = cause(nl < 0 ? "" : text.substring(nl + 1));
        String what;
        String todo;
        if (message.startsWith("Error during instantiation of the implementation object")) {
            what = "its component could not be created: its constructor threw " + cause;
            todo = "fix the plugin's constructor";
        } else if (message.contains("activate method has thrown an exception")) {
            what = "its component's activate method threw " + cause;
            todo = "fix the plugin's activate method";
        } else if (message.startsWith("Could not load implementation object class")) {
            what = "its component class " + message.substring(message.lastIndexOf(' ') + 1) + " is not in the bundle";
            todo = "rebuild the plugin";
        } else {
            what = "Declarative Services says: " + message + (cause.isEmpty() ? "" : ": " + cause);
            todo = "check the plugin's component description (OSGI-INF)";
        }
        return ("ERROR".equals(level) ? "error: " : "warning: ") + subject(bundleId, m.group(2), m.group(3), component)
                + ": " + what + "; " + todo + advice(bundleId);
    }

    /** "plugin bundle org.example.x 1.0.0 [32] (plugins/x.jar), provider prior 'x'". */
    private String subject(long bundleId, String name, String version, String component) {
        Bundle b = bundle(bundleId);
        Path jar = b == null ? null : PluginJarPath.of(b.getLocation());
        String provider = component == null ? null : provider(bundleId, component);
        boolean builtIn = b != null && b.getLocation().startsWith("reference:");
        return (builtIn ? "bundle " : "plugin bundle ") + name + " " + version + " [" + bundleId + "]"
                + (jar == null || builtIn ? "" : " (" + jar + ")")
                + (provider != null ? ", provider " + provider : component == null ? "" : ", component " + component);
    }

    private String advice(long bundleId) {
        Bundle b = bundle(bundleId);
        Path jar = b == null ? null : PluginJarPath.of(b.getLocation());
        return jar == null || b.getLocation().startsWith("reference:") ? ""
                : ", or remove " + jar.getFileName() + " from the plugins folder; runs that do not use it are not affected";
    }

    private Bundle bundle(long id) {
        try {
            return context.getBundle(id);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** The provider ("prior 'x'") that the component registers, from its service properties. */
    private String provider(long bundleId, String component) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null,
                    "(component.name=" + component.replaceAll("([\\\\*()])", "\\\\$1") + ")");
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                Bundle b = ref.getBundle();
                Object kind = ref.getProperty("workbench.kind");
                Object name = ref.getProperty("workbench.name");
                if (b != null && b.getBundleId() == bundleId && kind != null && name != null) {
                    return kind + " '" + name + "'";
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return null;
        }
        return null;
    }

    /** The root cause in a stack trace's text: its last "Caused by:" line, else its first line. */
    static String cause(String trace) {
        String found = "";
        for (String line : trace.split("\n")) {
            String l = line.strip();
            if (found.isEmpty() && !l.isEmpty() && !l.startsWith("at ")) {
                found = l;
            }
            if (l.startsWith("Caused by: ")) {
                found = l.substring("Caused by: ".length());
            }
        }
        return found;
    }

    /** Standard error with SCR's records translated. */
    private final class ScrLines extends PrintStream {
        ScrLines(PrintStream out) {
            super(out, true);
        }

        @Override
        public void println(Object x) {
            if (x instanceof StringWriter) {
                String ours = scr(x.toString());
                if (ours != null) {
                    super.println(ours);
                    return;
                }
            }
            super.println(x);
        }
    }

    /**
     * The framework's log (Felix prints errors to standard output by default, where the path of a
     * run's {@code result.json} goes): one line on standard error, naming the bundle and its jar.
     */
    static final class FrameworkLog extends org.apache.felix.framework.Logger {
        @Override
        protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
            if (level > getLogLevel()) {
                return;
            }
            Path jar = bundle == null ? null : PluginJarPath.of(bundle.getLocation());
            String who = bundle == null ? "the framework"
                    : "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]"
                            + (jar == null ? "" : " (" + jar + ")");
            String cause = throwable == null ? "" : ": " + PluginRefusals.because(throwable);
            System.err.println((level <= LOG_ERROR ? "error: " : "warning: ") + "framework: " + who + ": " + msg + cause);
        }
    }

    /** The jar file a bundle location names, or {@code null}. */
    static final class PluginJarPath {
        private PluginJarPath() {
        }

        static Path of(String location) {
            String l = location == null ? "" : location;
            if (l.startsWith("reference:")) {
                l = l.substring("reference:".length());
            }
            if (!l.startsWith("file:")) {
                return null;
            }
            try {
                return Path.of(java.net.URI.create(l));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
