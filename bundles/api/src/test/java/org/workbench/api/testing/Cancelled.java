package org.workbench.api.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.function.Executable;

/**
 * For components with a long loop and no progress reporter (samplers): called on a thread whose run
 * was cancelled (interrupted), the work stops with a {@link CancellationException} that says so and
 * keeps the thread's interrupt status (docs/plugin-guide.md, "Cancelling").
 */
public final class Cancelled {
    private Cancelled() {
    }

    /** Runs {@code work} on this thread, interrupted, and checks that it stops as a cancelled run's component must. */
    public static void stopsWhenInterrupted(Executable work) {
        Thread.currentThread().interrupt();
        try {
            CancellationException e = assertThrows(CancellationException.class, work);
            assertTrue(e.getMessage() != null && e.getMessage().contains("cancelled"), String.valueOf(e.getMessage()));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is kept");
        } finally {
            Thread.interrupted();
        }
    }
}
