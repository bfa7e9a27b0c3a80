package org.workbench.engine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An output stream for the Gogo shell that no interrupt can break. Gogo writes a command's output
 * through an interruptible channel, which closes for good when an interrupted thread writes to
 * it; Ctrl-C interrupts the command's thread, and cancelling a run interrupts the run's threads,
 * while both may be printing. Here writers only queue their bytes; one thread of this stream, which
 * nothing interrupts, writes them to the shell in order.
 */
final class ShellOutput extends OutputStream {
    private static final byte[] END = new byte[0];
    private final OutputStream shell;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    ShellOutput(OutputStream shell, String name) {
        this.shell = shell;
        this.writer = new Thread(this::drain, "workbench-shell-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void write(int b) {
        queue.add(new byte[] {(byte) b});
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len > 0) {
            queue.add(Arrays.copyOfRange(b, off, off + len));
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
            for (byte[] chunk = queue.take(); chunk != END; chunk = queue.take()) {
                shell.write(chunk);
                if (queue.isEmpty()) {
                    shell.flush();
                }
            }
            shell.flush();
        } catch (InterruptedException | IOException e) {
            // the shell's stream is gone: nothing more can be shown
        }
    }
}
