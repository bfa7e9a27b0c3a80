package org.workbench.optimizer.lasso;

/** The solvers on this JVM's vector kernels (the tests run with jdk.incubator.vector: see the pom). */
class SolversOnVectorKernelsTest extends SolversContract {
    @Override
    LassoKernels kernels() {
        return new VectorKernels();
    }
}
