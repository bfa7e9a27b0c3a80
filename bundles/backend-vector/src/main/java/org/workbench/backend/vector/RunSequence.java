package org.workbench.backend.vector;

import java.util.List;

/**
 * A run's float products in the order it does them, in segments with how often an epoch repeats each:
 * what {@link RunMeasurement} times candidate sets of plans on. {@link #problem4} is the shipped
 * problem 4 descriptor's: a 784-256-10 network trained in batches of 256 on 60,000 images (234 full
 * batches and one of 96), then the test set's 10,000 images in chunks of 1024 (nine, and one of 784),
 * for 10 epochs. A training step is the first layer's forward product, the second's, the second's
 * weight gradient and input gradient, and the first's weight gradient (the first layer's input gradient
 * is not formed).
 *
 * @param segments the segments in the order a run does them
 * @param epochs   how many epochs a run has
 */
record RunSequence(List<Segment> segments, int epochs) {
    /** One product: {@code c (m x n) = op(a) op(b)} with an inner dimension {@code k}. */
    record Product(boolean transA, boolean transB, int m, int n, int k) {
        long multiplyAdds() {
            return (long) m * n * k;
        }
    }

    /**
     * Products a run does one after another, {@code perEpoch} times an epoch; timed {@code repeat} times in a row
     * (a short segment's time per repetition is its time over the repeats).
     */
    record Segment(String name, List<Product> products, int perEpoch, int repeat) {
    }

    static RunSequence problem4() {
        return new RunSequence(List.of(step("training step of 256", 256, 234, 3), step("last training batch of 96", 96, 1, 1),
                test("test chunk of 1024", 1024, 9), test("last test chunk of 784", 784, 1)), 10);
    }

    private static Segment step(String name, int rows, int perEpoch, int repeat) {
        return new Segment(name, List.of(
                new Product(false, true, rows, 256, 784),  // H = X W1^T
                new Product(false, true, rows, 10, 256),   // Y = H W2^T
                new Product(true, false, 10, 256, rows),   // dW2 = G2^T H
                new Product(false, false, rows, 256, 10),  // dH = G2 W2
                new Product(true, false, 256, 784, rows)), // dW1 = G1^T X
                perEpoch, repeat);
    }

    private static Segment test(String name, int rows, int perEpoch) {
        return new Segment(name, List.of(new Product(false, true, rows, 256, 784), new Product(false, true, rows, 10, 256)),
                perEpoch, 1);
    }
}
