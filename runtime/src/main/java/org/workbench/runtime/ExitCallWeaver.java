package org.workbench.runtime;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.weaving.WeavingException;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;
import org.workbench.runtime.guard.ExitRefusal;

/**
 * Refuses {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in bundles' code, on
 * every Java version and without a security manager: as each class of a bundle is loaded, its calls
 * of those methods (and method references to them) are rewritten into calls of {@link ExitRefusal},
 * which throws a {@code PluginExitRefused} naming the bundle; the run that made the call fails and the
 * runtime goes on. Woven: every bundle that does not come from the distribution (the plugins folder,
 * the shell's installs, bundles fetched from a cluster member), whatever it calls itself, and the
 * workbench's own bundles in the distribution. Left as they are: the system bundle, the third-party
 * libraries and framework infrastructure that the distribution ships (Felix, Gson, picocli, the
 * {@code lib-*} wrappers, Hazelcast, Jetty...), and the engine, which alone may end the process (a run
 * that cannot be stopped in-process).
 *
 * <p>A class whose bytes do not contain {@code exit} or {@code halt} is not parsed at all, so the
 * hook costs a byte scan per class. Not covered: a call through reflection or a method handle looked
 * up by name, and native code; {@code run --isolate} runs such code in a child JVM instead.
 */
final class ExitCallWeaver implements WeavingHook {
    /** The workbench's own bundles: the distribution's bundles that are woven. */
    static final String OWN = "org.workbench.";
    /** The distribution's bundles under {@link #OWN} that are not: the engine and the wrapped libraries. */
    static final List<String> OWN_EXEMPT = List.of("org.workbench.engine", "org.workbench.lib-");
    private static final byte[] EXIT = "exit".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HALT = "halt".getBytes(StandardCharsets.US_ASCII);
    private final Path distribution;
    private final Map<Long, Boolean> woven = new ConcurrentHashMap<>();
    /** Whether the hook's CPU time is measured too ({@code WORKBENCH_TIMING}, see {@link Timing}). */
    private static final boolean MEASURED = System.getenv("WORKBENCH_TIMING") != null;
    private static final java.lang.management.ThreadMXBean THREADS = MEASURED
            ? java.lang.management.ManagementFactory.getThreadMXBean() : null;
    private final java.util.concurrent.atomic.LongAdder nanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder cpuNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder scanned = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder rewritten = new java.util.concurrent.atomic.LongAdder();

    /** @param distribution the distribution's folder, whose bundles are woven only when they are the workbench's own */
    ExitCallWeaver(Path distribution) {
        this.distribution = distribution.toAbsolutePath().normalize();
    }

    @Override
    public void weave(WovenClass wovenClass) {
        long t0 = System.nanoTime();
        long cpu0 = MEASURED ? THREADS.getCurrentThreadCpuTime() : 0;
        try {
            check(wovenClass);
        } catch (WeavingException e) {
            throw e;
        } catch (RuntimeException e) {
            // never let the framework blacklist the hook (what it does to a hook that throws anything else)
            throw new WeavingException("cannot check " + wovenClass.getClassName() + " for exit calls: " + e, e);
        } finally {
            nanos.add(System.nanoTime() - t0);
            if (MEASURED) {
                cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu0);
            }
        }
    }

    /** What the hook did so far, for {@code WORKBENCH_TIMING}. */
    String summary() {
        return String.format("exit-call weaving: %d classes scanned, %d rewritten, %.1f ms (%.1f ms of CPU)", scanned.sum(),
                rewritten.sum(), nanos.sum() / 1e6, cpuNanos.sum() / 1e6);
    }

    private void check(WovenClass wovenClass) {
        Bundle bundle = wovenClass.getBundleWiring().getBundle();
        if (!woven.computeIfAbsent(bundle.getBundleId(), id -> woven(bundle, distribution))) {
            return;
        }
        if (wovenClass.getClassName().startsWith(ExitRefusal.PACKAGE + ".")) {
            // a bundle's own copy of the refusal's package would win over the dynamic import of the real one
            throw new WeavingException("bundle " + bundle.getSymbolicName() + " carries " + wovenClass.getClassName()
                    + ", a class of the workbench's own exit guard: refused");
        }
        byte[] bytes = wovenClass.getBytes();
        scanned.increment();
        if (!contains(bytes, EXIT) && !contains(bytes, HALT)) {
            return;
        }
        byte[] woven;
        try {
            woven = rewrite(bytes);
        } catch (RuntimeException e) {
            // a class this ASM cannot read (a newer class file version) that may call exit: refused, never loaded unguarded
            throw new WeavingException("cannot check " + wovenClass.getClassName() + " of bundle " + bundle.getSymbolicName()
                    + " for System.exit/Runtime.halt calls: " + e, e);
        }
        if (woven != null) {
            rewritten.increment();
            wovenClass.setBytes(woven);
            wovenClass.getDynamicImports().add(ExitRefusal.PACKAGE);
        }
    }

    /** Whether a bundle's classes are woven: see the class comment. */
    static boolean woven(Bundle bundle, Path distribution) {
        if (bundle.getBundleId() == 0) {
            return false;
        }
        if (!from(bundle.getLocation(), distribution)) {
            return true;
        }
        String name = bundle.getSymbolicName();
        return name != null && name.startsWith(OWN) && OWN_EXEMPT.stream().noneMatch(name::startsWith);
    }

    /** Whether a bundle location ({@code reference:file:/...}) names a jar inside the distribution's folder. */
    static boolean from(String location, Path distribution) {
        if (location == null || !location.startsWith("reference:file:")) {
            return false;
        }
        try {
            return Path.of(URI.create(location.substring("reference:".length()))).toAbsolutePath().normalize()
                    .startsWith(distribution);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return false;
        }
    }

    /** The class with its exit calls rewritten, or {@code null} when it makes none. */
    static byte[] rewrite(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new Calls(super.visitMethod(access, name, descriptor, signature, exceptions), changed);
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : null;
    }

    /** Rewrites one method's calls; each replacement has the stack effect of the call it replaces. */
    private static final class Calls extends MethodVisitor {
        private final boolean[] changed;

        Calls(MethodVisitor next, boolean[] changed) {
            super(Opcodes.ASM9, next);
            this.changed = changed;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String replacement = replacement(opcode == Opcodes.INVOKESTATIC, owner, name, descriptor);
            if (replacement != null) {
                changed[0] = true;
                super.visitMethodInsn(Opcodes.INVOKESTATIC, ExitRefusal.INTERNAL_NAME, name, replacement, false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(value instanceof Handle h ? handle(h) : value);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] args = arguments.clone();
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Handle h) {
                    args[i] = handle(h);
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, args);
        }

        /** A method reference ({@code System::exit}, {@code runtime::halt}) to one of the calls, redirected. */
        private Handle handle(Handle h) {
            boolean isStatic = h.getTag() == Opcodes.H_INVOKESTATIC;
            if (!isStatic && h.getTag() != Opcodes.H_INVOKEVIRTUAL) {
                return h;
            }
            String replacement = replacement(isStatic, h.getOwner(), h.getName(), h.getDesc());
            if (replacement == null) {
                return h;
            }
            changed[0] = true;
            return new Handle(Opcodes.H_INVOKESTATIC, ExitRefusal.INTERNAL_NAME, h.getName(), replacement, false);
        }
    }

    /** The descriptor of {@link ExitRefusal}'s method for a call, or {@code null} when the call is not an exit. */
    static String replacement(boolean isStatic, String owner, String name, String descriptor) {
        if (!descriptor.equals("(I)V")) {
            return null;
        }
        if (isStatic && owner.equals("java/lang/System") && name.equals("exit")) {
            return "(I)V";
        }
        if (!isStatic && owner.equals("java/lang/Runtime") && (name.equals("exit") || name.equals("halt"))) {
            return "(Ljava/lang/Runtime;I)V";
        }
        return null;
    }

    /** Whether {@code needle} occurs in {@code bytes}. */
    static boolean contains(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0, last = bytes.length - needle.length; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
