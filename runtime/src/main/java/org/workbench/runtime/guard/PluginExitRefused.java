package org.workbench.runtime.guard;

/**
 * Thrown in place of {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} called by a
 * bundle's code: the workbench refuses to be ended by a plugin. A {@link SecurityException}, so that
 * the engine recognises it without sharing this class, and so that code written for a security
 * manager's refusal handles it the same way.
 */
public final class PluginExitRefused extends SecurityException {
    private static final long serialVersionUID = 1L;

    /**
     * @param who    the bundle (or, outside a bundle, the class) that made the call
     * @param call   {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}
     * @param status the status it asked for
     */
    PluginExitRefused(String who, String call, int status) {
        super("plugin " + who + " called " + call + "(" + status + "); the workbench refuses it");
    }
}
