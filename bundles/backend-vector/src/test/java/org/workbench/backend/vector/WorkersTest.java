package org.workbench.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/** Every part of every job runs exactly once, whatever the team size and however jobs follow each other. */
class WorkersTest {
    @Test
    void everyPartRunsOnceAcrossManyJobs() {
        for (int threads = 1; threads <= 3; threads++) {
            Workers workers = new Workers(threads);
            for (int job = 0; job < 2_000; job++) {
                int parts = 1 + job % 17;
                AtomicIntegerArray runs = new AtomicIntegerArray(parts);
                workers.run((p, thread) -> runs.incrementAndGet(p), parts);
                int[] seen = new int[parts];
                for (int p = 0; p < parts; p++) {
                    seen[p] = runs.get(p);
                }
                int[] once = new int[parts];
                Arrays.fill(once, 1);
                assertArrayEquals(once, seen, "job " + job + " on " + threads + " threads");
            }
        }
    }
}
