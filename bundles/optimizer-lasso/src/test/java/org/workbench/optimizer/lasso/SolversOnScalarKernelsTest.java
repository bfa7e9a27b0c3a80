package org.workbench.optimizer.lasso;

/** The solvers on the scalar kernels, the route where the JVM lacks jdk.incubator.vector. */
class SolversOnScalarKernelsTest extends SolversContract {
    @Override
    LassoKernels kernels() {
        return new ScalarKernels();
    }
}
