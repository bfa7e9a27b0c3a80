package org.workbench.runtime;

import java.security.Permission;

/**
 * Keeps a component from ending the runtime: {@code System.exit} and {@code Runtime.halt} called
 * from a run's threads (the engine runs each run in a thread group named
 * {@value #RUN_GROUP_PREFIX}...) throw a {@link SecurityException} instead, which ends that run
 * alone (exit 1, naming the provider) while the shell, the web server or the command goes on.
 * Every other permission is granted without a check, so nothing else changes.
 *
 * <p>Java 17 still lets a program install a security manager at run time. It prints a four-line
 * deprecation warning for it on the standard error the JVM started with (a {@code System.setErr}
 * does not catch it), which {@code ./workbench} filters out. On a Java that no longer allows it
 * the guard is simply absent (a plugin's exit then ends the process).
 */
final class ExitGuard extends SecurityManager {
    /** The prefix of the engine's run thread groups (engine {@code run/RunThread}). */
    static final String RUN_GROUP_PREFIX = "workbench-run-";

    private ExitGuard() {
    }

    /** Installs the guard; returns whether it is in place. */
    @SuppressWarnings("removal")
    static boolean install() {
        try {
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void checkExit(int status) {
        for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
            if (g.getName().startsWith(RUN_GROUP_PREFIX)) {
                throw new SecurityException("System.exit(" + status + ") or Runtime.halt(" + status
                        + ") called during a run: refused, a component may not end the runtime");
            }
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything else is allowed, as without a security manager
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // as above
    }
}
