package org.workbench.runtime.guard;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * What a bundle's {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} become once the
 * runtime's weaving hook has rewritten them (each method has the stack effect of the call it
 * replaces, the {@code Runtime} receiver taken as the first argument): a {@link PluginExitRefused}
 * naming the calling bundle. The hook adds this package to the woven class's dynamic imports; the
 * framework's system bundle exports it.
 */
public final class ExitRefusal {
    /** This package, as woven classes import it. */
    public static final String PACKAGE = "org.workbench.runtime.guard";
    /** This class in the JVM's internal form, as woven calls name it. */
    public static final String INTERNAL_NAME = "org/workbench/runtime/guard/ExitRefusal";
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private ExitRefusal() {
    }

    /** In place of {@code System.exit(status)}. */
    public static void exit(int status) {
        throw refusal("System.exit", status);
    }

    /** In place of {@code runtime.exit(status)}. */
    public static void exit(Runtime runtime, int status) {
        throw refusal("Runtime.exit", status);
    }

    /** In place of {@code runtime.halt(status)}. */
    public static void halt(Runtime runtime, int status) {
        throw refusal("Runtime.halt", status);
    }

    private static PluginExitRefused refusal(String call, int status) {
        // the frame below refusal and the public method: the woven class (or a lambda of it)
        Class<?> caller = WALKER.walk(frames -> frames.skip(2).findFirst().map(StackWalker.StackFrame::getDeclaringClass)
                .orElse(ExitRefusal.class));
        return new PluginExitRefused(who(caller), call, status);
    }

    /** "org.example.faulty 1.0.0", the symbolic name and version of the class's bundle, or the class's name. */
    static String who(Class<?> caller) {
        Bundle bundle = FrameworkUtil.getBundle(caller);
        return bundle == null ? caller.getName() : bundle.getSymbolicName() + " " + bundle.getVersion();
    }
}
