package org.workbench.backend.vector;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JIT warm-up, nothing else: from the backend's creation to its first product, a daemon thread runs
 * small float products of the forms training uses (X W^T over an inner dimension of 784, the
 * 10-wide one, G^T X with A^T read in place, G W, a last row panel of 4 rows) through a
 * {@link FloatGemm} of its own on one thread. Until C2 has compiled them, the SIMD kernels run in
 * the interpreter and in C1 code that boxes every vector: problem 4's first epoch took 1.0-1.1 s
 * against 0.2-0.3 s for the others. A task that asks for its backend before it loads its data
 * gives the compiles that time, on the core the loading leaves idle. The warm-up reads and writes
 * only its own arrays (the compiled code is shared, the packing buffers are not), so no result
 * changes. The first real product waits for it to finish compiling the kernels (at most
 * {@link #FIRST_PRODUCT_WAIT_MILLIS}), then stops it; it also stops at {@link #stop} or after
 * {@link #MAX_MILLIS} unless a product waits. One
 * per JVM: the compiled code serves every later backend.
 *
 * <p>Skipped when the environment has {@value #SKIP}. Started only where it can pay: at least two
 * cores, and a JIT with C2 (a run started on the quick JIT alone, {@code -XX:TieredStopAtLevel=1},
 * or interpreted, never compiles the kernels).
 */
final class KernelWarmUp {
    /** The environment variable that skips the warm-up, to measure it (it skips the start-up's graphics warm-up too). */
    static final String SKIP = "WORKBENCH_NO_WARM_UP";
    /** The longest a warm-up runs (C2 has compiled the kernels after about 0.3-0.5 s of them). */
    static final long MAX_MILLIS = 1500;
    /**
     * The products of one round: m, n, k and the forms (transA, transB) of problem 4's, small. Every
     * branch the kernels take in training is taken here too: a branch C2 never saw taken is compiled
     * as a trap, and taking it in training throws the compiled kernel away (measured: the 10-row
     * panel of dW2, left out, cost a recompile of kernel12 in the first epoch).
     */
    private static final int[][] PRODUCTS = {
        {28, 32, 784, 0, 1},  // forward X W^T, with a last row panel of 4 rows (kernel6)
        {24, 10, 256, 0, 1},  // the 10-wide forward product: tiles across C's right edge
        {24, 64, 256, 1, 0},  // dW1 = G^T X, A^T read in place
        {10, 64, 256, 1, 0},  // dW2: one row panel of 10 rows, packed, across C's lower edge
        {28, 64, 10, 0, 0},   // dX2 = G W
    };

    /** Whether this JVM started one already: the compiled code is the JVM's, one warm-up serves every later backend. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** The kernels {@link #compile} has run until compiled in this JVM, by class. */
    private static final java.util.Set<Class<?>> COMPILED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The kernels {@link #compile} waited for in vain for their whole budget in this JVM, by class: not waited for again. */
    private static final java.util.Set<Class<?>> GAVE_UP = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * The longest {@link #compile} runs one kernel, in the process's CPU time. Only {@code kernels --measure}
     * (or {@code WORKBENCH_KERNEL=measure}) waits for it, in a JVM doing nothing else: a kernel took about
     * 1.3 s with both cores of a Zen 5 busy (the former 1 s budget left every candidate out there).
     */
    static final long COMPILE_MAX_NANOS = 15_000_000_000L;
    /** The longest {@link #compile} waits for one kernel in wall time, however little CPU the process got. */
    static final long COMPILE_MAX_WALL_NANOS = 60_000_000_000L;
    /** The longest all calls of {@link #compile} in one JVM run together: past it, a kernel not compiled yet is not waited for. */
    static final long COMPILE_BUDGET_NANOS = 90_000_000_000L;
    /** What is left of {@link #COMPILE_BUDGET_NANOS}. */
    private static final java.util.concurrent.atomic.AtomicLong COMPILE_LEFT = new java.util.concurrent.atomic.AtomicLong(COMPILE_BUDGET_NANOS);
    /** The speed of a round of the {@link #PRODUCTS} from which a kernel counts as compiled by C2. */
    static final double COMPILED_GFLOPS = 10;

    private final Thread thread;
    private final List<MicroKernel> kernels;
    private final long maxMillis;
    private volatile boolean stopped;
    /** Whether the first product waits for the compiles ({@link #finishCompilingThenStop}): then they run past {@link #MAX_MILLIS}. */
    private volatile boolean finishing;
    /** Open once every kernel is compiled, or given up on. */
    private final java.util.concurrent.CountDownLatch compiling = new java.util.concurrent.CountDownLatch(1);
    /** The longest a backend's first product waits for the warm-up's compiles ({@link #finishCompilingThenStop}), in wall time. */
    static final long FIRST_PRODUCT_WAIT_MILLIS = 5_000;
    private volatile int rounds;

    private KernelWarmUp(List<MicroKernel> kernels, long maxMillis) {
        this.kernels = List.copyOf(kernels);
        this.maxMillis = maxMillis;
        thread = new Thread(this::run, "vector kernels JIT warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /**
     * A started warm-up where it can pay ({@link #worthwhile}) and none ran in this JVM before, else
     * null. Later backends (a sweep's points, the next run in the shell) find the kernels compiled,
     * and a warm-up beside a point that trains in parallel would take that point's core.
     */
    static KernelWarmUp startIfWorthwhile(List<MicroKernel> kernels) {
        if (System.getenv(SKIP) != null
                || !worthwhile(Runtime.getRuntime().availableProcessors(), ManagementFactory.getRuntimeMXBean().getInputArguments())
                || STARTED.getAndSet(true)) {
            return null;
        }
        return start(kernels, MAX_MILLIS);
    }

    /** Starts a warm-up of {@code kernels} unconditionally that runs at most {@code maxMillis} (tests). */
    static KernelWarmUp start(List<MicroKernel> kernels, long maxMillis) {
        KernelWarmUp warmUp = new KernelWarmUp(kernels, maxMillis);
        warmUp.thread.start();
        return warmUp;
    }

    /** Whether a warm-up can pay on {@code cores} cores in a JVM started with {@code jvmArguments}. */
    static boolean worthwhile(int cores, List<String> jvmArguments) {
        return cores >= 2 && hasC2(jvmArguments);
    }

    /** Whether a JVM started with {@code jvmArguments} compiles with C2 (not interpreted, not stopped at C1). */
    static boolean hasC2(List<String> jvmArguments) {
        for (String argument : jvmArguments) {
            boolean noC2 = argument.equals("-Xint")
                    || argument.startsWith("-XX:TieredStopAtLevel=") && !argument.endsWith("=4");
            if (noC2) {
                return false;
            }
        }
        return true;
    }

    /** Stops the warm-up after its current product (a few microseconds once compiled); does not wait for it. */
    void stop() {
        stopped = true;
    }

    /** Rounds completed so far. */
    int rounds() {
        return rounds;
    }

    /** Waits for the warm-up thread to end (tests). */
    void join() throws InterruptedException {
        thread.join();
    }

    /**
     * Called by the backend's first product: lets the warm-up finish compiling its kernels (past
     * {@link #MAX_MILLIS}, within {@link #compile}'s budgets), waits for that at most {@code millis} of
     * wall time, then stops it. Until C2 has compiled a kernel, a product runs it boxed, hundreds of
     * times slower; on two cores, a product on both threads would also take the core the C2 compiler
     * thread needs. Waiting costs the run nothing of what its products would have done meanwhile.
     */
    void finishCompilingThenStop(long millis) {
        finishing = true;
        try {
            compiling.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop();
        }
    }

    private void run() {
        Products products = new Products();
        long end = System.nanoTime() + maxMillis * 1_000_000;
        java.util.function.BooleanSupplier over = () -> stopped || System.nanoTime() > end;
        java.util.function.BooleanSupplier compileOver = () -> stopped || !finishing && System.nanoTime() > end;
        try {
            for (MicroKernel kernel : kernels) {
                compile(kernel, compileOver);
            }
        } finally {
            compiling.countDown();
        }
        // then rounds of every kernel until stopped or out of time (at least one unless stopped)
        do {
            for (int i = 0; i < kernels.size() && !stopped; i++) {
                products.run(new KernelPlan(kernels.get(i), 1), () -> stopped);
            }
            rounds++;
        } while (!over.getAsBoolean());
    }

    /**
     * Runs small products on {@code kernel} until C2 has compiled it, once per JVM, and says whether it
     * has: rounds of the {@link #PRODUCTS} until three in a row run at {@link #COMPILED_GFLOPS} or more
     * (the interpreter's and C1's code box every vector and stay far below: 1-5 GFLOP/s, against
     * 50-200 compiled), at most {@link #COMPILE_MAX_NANOS} of the process's CPU time a kernel and
     * {@link #COMPILE_BUDGET_NANOS} for all in a JVM, and {@link #COMPILE_MAX_WALL_NANOS} a kernel, or
     * until {@code stop}. So the planner times
     * compiled code, not the JIT; a kernel not compiled in time is left out of the timing.
     */
    static boolean compile(MicroKernel kernel, java.util.function.BooleanSupplier stop) {
        if (COMPILED.contains(kernel.getClass())) {
            return true;
        }
        if (GAVE_UP.contains(kernel.getClass())) {
            return false; // waited for its whole budget once in this JVM: measuring the next shape class does not wait again
        }
        Products products = new Products();
        KernelPlan plan = new KernelPlan(kernel, 1);
        // the budget is the process's CPU time (the compiler threads' included): on a machine loaded by
        // others, the JIT gets a core a fraction of the time, and wall time would give up before it has run
        long start = ProcessCpu.nanos();
        long wallEnd = System.nanoTime() + COMPILE_MAX_WALL_NANOS;
        long limit = Math.min(COMPILE_MAX_NANOS, COMPILE_LEFT.get());
        int fast = 0;
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        while (fast < 3 && ProcessCpu.nanos() - start < limit && System.nanoTime() < wallEnd && !stop.getAsBoolean()) {
            // the thread's CPU time: on a loaded machine, waiting for a core would read as slow code
            long t0 = cpu.getCurrentThreadCpuTime();
            products.run(plan, () -> false);
            double gflops = Products.FLOPS / Math.max(1, cpu.getCurrentThreadCpuTime() - t0);
            fast = gflops >= COMPILED_GFLOPS ? fast + 1 : 0;
        }
        COMPILE_LEFT.addAndGet(-(ProcessCpu.nanos() - start));
        if (fast < 3) {
            if (!stop.getAsBoolean()) {
                GAVE_UP.add(kernel.getClass());
            }
            return false;
        }
        COMPILED.add(kernel.getClass());
        return true;
    }

    /** One round's operands: the {@link #PRODUCTS}, on a {@link FloatGemm} of one thread of its own. */
    private static final class Products {
        private final FloatGemm gemm = new FloatGemm(new Workers(1));
        private final float[][] as = new float[PRODUCTS.length][];
        private final float[][] bs = new float[PRODUCTS.length][];
        private final float[][] cs = new float[PRODUCTS.length][];
        /** Floating-point operations in a round. */
        static final double FLOPS;

        static {
            double flops = 0;
            for (int[] s : PRODUCTS) {
                flops += 2.0 * s[0] * s[1] * s[2];
            }
            FLOPS = flops;
        }

        Products() {
            SplittableRandom random = new SplittableRandom(784);
            for (int p = 0; p < PRODUCTS.length; p++) {
                int[] s = PRODUCTS[p];
                as[p] = values(s[0] * s[2], random);
                bs[p] = values(s[2] * s[1], random);
                cs[p] = new float[s[0] * s[1]];
            }
        }

        void run(KernelPlan plan, java.util.function.BooleanSupplier stop) {
            for (int p = 0; p < PRODUCTS.length && !stop.getAsBoolean(); p++) {
                int[] s = PRODUCTS[p];
                gemm.multiply(as[p], s[3] == 1, bs[p], s[4] == 1, cs[p], s[0], s[1], s[2], plan);
            }
        }
    }

    private static float[] values(int size, SplittableRandom random) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) random.nextDouble(-1, 1);
        }
        return out;
    }
}
