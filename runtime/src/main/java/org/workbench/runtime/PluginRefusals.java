package org.workbench.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What FileInstall says about the plugins folder, caught from its log (it logs to
 * {@code java.util.logging} logger {@value #LOGGER} when the framework property
 * {@code felix.fileinstall.log.default} is {@code jul}). A jar that the framework refuses to
 * install (a bad {@code Bundle-ManifestVersion}, a header it cannot parse, a duplicate import, a
 * symbolic name and version that another bundle has, an extension bundle...) is recorded with the
 * framework's reason, so that start-up does not wait for it and {@code list} says why; anything
 * else FileInstall reports about this folder is one line on standard error instead of a stack
 * trace on standard output.
 */
final class PluginRefusals extends Handler implements AutoCloseable {
    static final String LOGGER = "fileinstall";
    private static final String FAILED_INSTALL = "Failed to install artifact: ";
    private final Path folder;
    /** Held: the log manager keeps loggers only weakly, and a new one would come without this handler. */
    private final Logger logger = Logger.getLogger(LOGGER);
    private final Map<Path, String> refused = new ConcurrentHashMap<>();

    private PluginRefusals(Path folder) {
        this.folder = folder;
    }

    /** Listens to FileInstall's log for {@code folder} until {@link #close()}. */
    static PluginRefusals listen(Path folder) {
        PluginRefusals r = new PluginRefusals(folder.toAbsolutePath().normalize());
        r.logger.setUseParentHandlers(false);
        r.logger.addHandler(r);
        return r;
    }

    /** The framework's reason for refusing {@code jar} at its last attempt, or {@code null}. */
    String reason(Path jar) {
        return refused.get(jar.toAbsolutePath().normalize());
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        if (message == null) {
            return;
        }
        if (message.startsWith(FAILED_INSTALL)) {
            Path jar;
            try {
                jar = Path.of(message.substring(FAILED_INSTALL.length()).trim()).toAbsolutePath().normalize();
            } catch (RuntimeException e) {
                return;
            }
            if (folder.equals(jar.getParent())) {
                refused.put(jar, because(record.getThrown()));
            }
            return;
        }
        if (message.contains(folder.toString()) && record.getLevel().intValue() >= Level.WARNING.intValue()) {
            System.err.println("plugins: " + message + (record.getThrown() == null ? "" : ": " + because(record.getThrown())));
        }
    }

    /** The messages of an exception and its causes, without the framework's generic wrapper. */
    static String because(Throwable thrown) {
        if (thrown == null) {
            return "refused by the framework";
        }
        StringBuilder b = new StringBuilder();
        for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (m.equals("Could not create bundle object.") || b.indexOf(m) >= 0) {
                continue;
            }
            b.append(b.length() == 0 ? "" : ": ").append(m);
        }
        return b.length() == 0 ? thrown.toString() : b.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
