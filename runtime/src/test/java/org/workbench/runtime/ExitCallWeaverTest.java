package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;
import org.workbench.runtime.guard.PluginExitRefused;

/** The weaving hook's rewrite on real class files: every form of exit call throws instead of ending the JVM. */
class ExitCallWeaverTest {
    /** A class as a plugin might write it. */
    static final class Exits {
        static void exit() {
            System.exit(3);
        }

        static void runtimeExit() {
            Runtime.getRuntime().exit(5);
        }

        static void halt() {
            Runtime.getRuntime().halt(4);
        }

        static void reference() {
            IntConsumer exit = System::exit;
            exit.accept(6);
        }

        static void boundReference() {
            IntConsumer halt = Runtime.getRuntime()::halt;
            halt.accept(7);
        }

        static int harmless() {
            return "exit".length();
        }
    }

    /** No exit call at all. */
    static final class Quiet {
        static int value() {
            return 1;
        }
    }

    @Test
    void everyFormOfExitIsRefusedNamingTheCall() throws Exception {
        Class<?> woven = woven(Exits.class);
        refused(woven, "exit", "System.exit(3)");
        refused(woven, "runtimeExit", "Runtime.exit(5)");
        refused(woven, "halt", "Runtime.halt(4)");
        refused(woven, "reference", "System.exit(6)");
        refused(woven, "boundReference", "Runtime.halt(7)");
        Method harmless = woven.getDeclaredMethod("harmless");
        harmless.setAccessible(true);
        assertEquals(4, harmless.invoke(null), "the rest of the class is unchanged");
    }

    @Test
    void aClassWithoutExitCallsIsLeftAsItIs() throws IOException {
        assertNull(ExitCallWeaver.rewrite(bytes(Quiet.class)));
        assertNotNull(ExitCallWeaver.rewrite(bytes(Exits.class)));
    }

    @Test
    void pluginsAreWovenWhereverTheyComeFromTheDistributionOnlyForItsOwnBundles() {
        java.nio.file.Path dist = java.nio.file.Path.of("/opt/wb/dist");
        assertEquals(true, ExitCallWeaver.from("reference:file:/opt/wb/dist/bundles/gson-2.15.0.jar", dist));
        assertEquals(false, ExitCallWeaver.from("reference:file:/opt/wb/plugins/evil.jar", dist));
        assertEquals(false, ExitCallWeaver.from("reference:file:/opt/wb/dist/../plugins/evil.jar", dist));
        assertEquals(false, ExitCallWeaver.from("file:/opt/wb/plugins/evil.jar", dist));
        assertEquals(false, ExitCallWeaver.from("workbench-fetched:org.example@1.0.0#ab12", dist));
        assertEquals(true, ExitCallWeaver.woven(bundle(5, "org.apache.felix.scr", "file:/opt/wb/plugins/evil.jar"), dist),
                "a plugin is woven whatever it calls itself");
        assertEquals(false, ExitCallWeaver.woven(bundle(5, "org.apache.felix.scr",
                "reference:file:/opt/wb/dist/bundles/org.apache.felix.scr-2.2.18.jar"), dist));
        assertEquals(false, ExitCallWeaver.woven(bundle(6, "com.google.gson",
                "reference:file:/opt/wb/dist/bundles/gson-2.15.0.jar"), dist));
        assertEquals(false, ExitCallWeaver.woven(bundle(7, "org.workbench.engine",
                "reference:file:/opt/wb/dist/bundles/engine-1.0.0.jar"), dist));
        assertEquals(true, ExitCallWeaver.woven(bundle(8, "org.workbench.prior-gaussian",
                "reference:file:/opt/wb/dist/bundles/prior-gaussian-1.0.0.jar"), dist));
        assertEquals(false, ExitCallWeaver.woven(bundle(0, "org.apache.felix.framework", "System Bundle"), dist));
    }

    @Test
    void aPluginsOwnCopyOfTheGuardIsRefused() {
        org.osgi.framework.Bundle plugin = bundle(9, "org.example.sly", "reference:file:/opt/wb/plugins/sly.jar");
        Object wiring = java.lang.reflect.Proxy.newProxyInstance(ExitCallWeaverTest.class.getClassLoader(),
                new Class<?>[] {org.osgi.framework.wiring.BundleWiring.class}, (proxy, method, args) -> plugin);
        org.osgi.framework.hooks.weaving.WovenClass fake = (org.osgi.framework.hooks.weaving.WovenClass)
                java.lang.reflect.Proxy.newProxyInstance(ExitCallWeaverTest.class.getClassLoader(),
                new Class<?>[] {org.osgi.framework.hooks.weaving.WovenClass.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleWiring" -> wiring;
                    case "getClassName" -> "org.workbench.runtime.guard.ExitRefusal";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        org.osgi.framework.hooks.weaving.WeavingException e = assertThrows(
                org.osgi.framework.hooks.weaving.WeavingException.class,
                () -> new ExitCallWeaver(java.nio.file.Path.of("/opt/wb/dist")).weave(fake));
        assertTrue(e.getMessage().contains("org.example.sly") && e.getMessage().contains("refused"), e.getMessage());
    }

    /** A bundle as far as the hook asks: its id, symbolic name and location. */
    private static org.osgi.framework.Bundle bundle(long id, String name, String location) {
        return (org.osgi.framework.Bundle) java.lang.reflect.Proxy.newProxyInstance(ExitCallWeaverTest.class.getClassLoader(),
                new Class<?>[] {org.osgi.framework.Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> name;
                    case "getLocation" -> location;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void refused(Class<?> woven, String method, String call) throws Exception {
        Method m = woven.getDeclaredMethod(method);
        m.setAccessible(true);
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> m.invoke(null));
        PluginExitRefused refusal = assertInstanceOf(PluginExitRefused.class, e.getCause());
        assertEquals("plugin " + Exits.class.getName() + " called " + call + "; the workbench refuses it",
                refusal.getMessage());
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName().isEmpty() ? null
                : type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    /** {@code type} rewritten and defined afresh in a loader of its own. */
    private static Class<?> woven(Class<?> type) throws IOException, ClassNotFoundException {
        byte[] rewritten = ExitCallWeaver.rewrite(bytes(type));
        ClassLoader loader = new ClassLoader(ExitCallWeaverTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(type.getName())) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> c = findLoadedClass(name);
                        return c != null ? c : defineClass(name, rewritten, 0, rewritten.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        return Class.forName(type.getName(), true, loader);
    }
}
