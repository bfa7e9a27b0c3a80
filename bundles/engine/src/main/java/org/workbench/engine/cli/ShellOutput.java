package org.workbench.engine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An output stream for the Gogo shell that no interrupt can break. Gogo writes a command's output
 * through an interruptible channel, which closes for good when an interrupted thread writes to
 * it; Ctrl-C interrupts the command's thread, and cancelling a run interrupts the run's threads,
 * while both may be printing. Here writers only queue their bytes; one thread of this stream, which
 * nothing interrupts, writes them to the shell in order. {@link #flush} waits until what was queued
 * before it is on the shell (a command that ends the process says why first).
 */
final class ShellOutput extends OutputStream {
    private static final byte[] END = new byte[0];
    /** The longest a flush waits for the shell to take the bytes (a terminal that stopped reading). */
    private static final long FLUSH_WAIT_NS = TimeUnit.SECONDS.toNanos(5);
    private final OutputStream shell;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** Chunks queued, chunks a flush asks to see written, and chunks written and flushed (guarded by this). */
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong flushWanted = new AtomicLong();
    private long flushed;

    ShellOutput(OutputStream shell, String name) {
        this.shell = shell;
        this.writer = new Thread(this::drain, "workbench-shell-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void write(int b) {
        queue.add(new byte[] {(byte) b});
        queued.incrementAndGet();
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len > 0) {
            queue.add(Arrays.copyOfRange(b, off, off + len));
            queued.incrementAndGet();
        }
    }

    /** Waits, even when interrupted and at most a few seconds, until what was queued before is on the shell. */
    @Override
    public void flush() {
        long target = queued.get();
        flushWanted.accumulateAndGet(target, Math::max);
        long deadline = System.nanoTime() + FLUSH_WAIT_NS;
        boolean interrupted = false;
        synchronized (this) {
            for (long left = FLUSH_WAIT_NS; flushed < target && writer.isAlive() && left > 0; left = deadline - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then ends the writer thread; waits for it even when interrupted. */
    @Override
    public void close() {
        queue.add(END);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        try {
            long done = 0;
            long lastFlushed = 0;
            for (byte[] chunk = queue.take(); chunk != END; chunk = queue.take()) {
                shell.write(chunk);
                done++;
                long wanted = flushWanted.get();
                if (queue.isEmpty() || (wanted > lastFlushed && done >= wanted)) {
                    lastFlushed = done;
                    shell.flush();
                    synchronized (this) {
                        flushed = done;
                        notifyAll();
                    }
                }
            }
            shell.flush();
        } catch (InterruptedException | IOException e) {
            // the shell's stream is gone: nothing more can be shown
        }
    }
}
