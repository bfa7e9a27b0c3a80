package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.workbench.engine.catalog.ProviderEntry;

/**
 * Names the providers whose code a stack trace is in: each plan component's provider class lives
 * in its bundle's implementation package, and the component objects it creates live there too, so
 * a frame in that package is the component at work. Used to say which provider hung, overflowed the
 * stack or ran out of memory.
 */
final class Culprits {
    private Culprits() {
    }

    /** "prior 'sleepy' 1.0.0 (bundle test.sleepy)" for every provider found in {@code traces}, innermost first. */
    static List<String> in(Plan plan, List<StackTraceElement[]> traces) {
        List<ProviderEntry> entries = new ArrayList<>();
        entries.add(plan.task());
        plan.everyComponent().forEach(c -> entries.add(c.entry()));
        Set<String> found = new LinkedHashSet<>();
        for (StackTraceElement[] trace : traces) {
            for (StackTraceElement frame : trace) {
                for (ProviderEntry e : entries) {
                    String pkg = packageOf(e);
                    if (pkg != null && frame.getClassName().startsWith(pkg + ".")
                            && frame.getClassName().indexOf('.', pkg.length() + 1) < 0) {
                        found.add(e.label() + " (bundle " + e.bundle() + ")");
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** The providers named by {@code error}'s stack trace, or the task when none is. */
    static String of(Plan plan, Throwable error) {
        List<String> names = in(plan, List.<StackTraceElement[]>of(error.getStackTrace()));
        List<String> named = names.isEmpty()
                ? List.of(plan.task().label() + " (bundle " + plan.task().bundle() + ")") : names;
        return named.get(0);
    }

    /** The runtime's refusal of an exit call: "... called System.exit(3) ...", with the call and its status. */
    private static final Pattern EXIT_CALL = Pattern.compile("(System\\.exit|Runtime\\.exit|Runtime\\.halt)\\(-?\\d+\\)");

    /**
     * A run failure naming the provider that tried to end the runtime, when {@code e} (or a cause
     * of it) is the runtime's refusal of {@code System.exit}, {@code Runtime.exit} or
     * {@code Runtime.halt} (a {@link SecurityException} thrown by the code its weaving hook put in
     * place of the call); else {@code null}.
     */
    static RunFailure exitRefused(Plan plan, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher call = t instanceof SecurityException && t.getMessage() != null ? EXIT_CALL.matcher(t.getMessage()) : null;
            if (call != null && call.find()) {
                return new RunFailure(of(plan, t) + " tried to end the runtime (" + call.group()
                        + "); refused: its run was stopped, and the runtime goes on", null);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String packageOf(ProviderEntry e) {
        try {
            return e.provider().getClass().getPackageName();
        } catch (RuntimeException gone) {
            return null;
        }
    }
}
