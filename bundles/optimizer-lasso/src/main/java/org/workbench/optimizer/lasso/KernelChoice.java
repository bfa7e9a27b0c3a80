package org.workbench.optimizer.lasso;

import java.util.function.Supplier;

/**
 * Which {@link LassoKernels} a solve runs on, given its number of rows n (the length of every dot
 * product and axpy). The numbers are the same on every route, bit for bit; only the speed differs.
 */
interface KernelChoice {
    /**
     * The solvers' choice: {@link VectorKernels} from {@value Fastest#VECTOR_FROM_ROWS} rows where
     * the JVM has {@code jdk.incubator.vector} (started with {@code --add-modules
     * jdk.incubator.vector}, the framework exporting the package, as the workbench's launcher
     * does) and vectors of 4 doubles or more, else {@link ScalarKernels}.
     */
    KernelChoice FASTEST = new Fastest();

    /** New kernels for a solve with {@code rows} rows. */
    LassoKernels forRows(int rows);

    /** The choice in words, e.g. {@code vector (4 doubles) from 512 rows, scalar below}, or {@code scalar}. */
    String describe();

    /** Always the kernels that {@code kernels} makes (tests force a route with it). */
    static KernelChoice always(Supplier<LassoKernels> kernels) {
        return new KernelChoice() {
            @Override
            public LassoKernels forRows(int rows) {
                return kernels.get();
            }

            @Override
            public String describe() {
                return kernels.get().route();
            }
        };
    }

    /**
     * {@link #FASTEST}. Below {@value #VECTOR_FROM_ROWS} rows the scalar kernels are used even where
     * the vector ones could be: the homework's problems (12 to 100 rows) are solved in a JVM that
     * has just started, where the vector API's first operations cost some 60 ms of class loading
     * and run interpreted until C2 compiles them (measured: 200 solves of 30 x 10 problems by both
     * solvers in a fresh JVM, 0.13 s scalar against 0.22 s vector; one 100 x 10 problem, 0.02 s
     * against 0.11-0.14 s), while their columns are short enough for the scalar loops to cost little.
     */
    final class Fastest implements KernelChoice {
        /** Rows from which the vector kernels are used, where the JVM has them. */
        static final int VECTOR_FROM_ROWS = 512;

        private Fastest() {
        }

        @Override
        public LassoKernels forRows(int rows) {
            return rows >= VECTOR_FROM_ROWS && Vector.AVAILABLE ? new VectorKernels() : new ScalarKernels();
        }

        @Override
        public String describe() {
            return Vector.AVAILABLE ? new VectorKernels().route() + " from " + VECTOR_FROM_ROWS + " rows, scalar below"
                    : new ScalarKernels().route();
        }

        /** Whether the vector kernels work here, found out on first use (looking costs some 10 ms). */
        private static final class Vector {
            static final boolean AVAILABLE = available();

            private static boolean available() {
                if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                    return false;
                }
                try {
                    return VectorKernels.usable();
                } catch (LinkageError notWired) {
                    // the bundle's optional import of the package is not wired: the scalar kernels do
                    return false;
                }
            }
        }
    }
}
