package org.workbench.engine.output;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * A piece of a run's work done beside the current thread (an SVG while the PNG is drawn, one plot
 * while another is), on a thread of the current thread's group, so that cancelling the run reaches
 * it ({@link RunThread} interrupts, and at last stops, the run's group), and always awaited, so that
 * it cannot go on writing into a folder that its run is removing. A thread of the JVM's common pool
 * would do neither: it belongs to no run.
 *
 * @param <T> what the work gives
 */
public final class Beside<T> {
    private final Thread thread;
    private T result;
    private Throwable failure;

    private Beside(String name, Callable<T> work) {
        thread = new Thread(Thread.currentThread().getThreadGroup(), () -> {
            try {
                result = work.call();
            } catch (Throwable t) {
                failure = t;
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts {@code work} on a thread named {@code name} of the current thread's group. */
    public static <T> Beside<T> start(String name, Callable<T> work) {
        Beside<T> b = new Beside<>(name, work);
        b.thread.start();
        return b;
    }

    /**
     * Waits until the work has ended, even when this thread is interrupted meanwhile (the interrupt
     * is kept for the caller): a cancelled run is exactly when the wait matters.
     */
    public void await() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits ({@link #await()}) and gives the work's result, or throws what it threw. */
    public T result() throws IOException {
        await();
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IOException(failure);
        }
        return result;
    }
}
