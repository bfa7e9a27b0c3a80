package org.workbench.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A command's output held back while the launcher may still ask the command again ({@link Launcher#execute}
 * at a start that left bundles unstarted): written to the real streams (standard error first) when the
 * answer stands, dropped when the command is asked again, and shown by a shutdown hook when a signal
 * ends the JVM while the command runs.
 */
final class HeldOutput implements AutoCloseable {
    private final PrintStream realOut;
    private final PrintStream realErr;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream heldOut;
    private final PrintStream heldErr;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread onExit = new Thread(this::show, "workbench-held-output");

    HeldOutput(PrintStream realOut, PrintStream realErr) {
        this.realOut = realOut;
        this.realErr = realErr;
        this.heldOut = new PrintStream(out, true, encoding("stdout"));
        this.heldErr = new PrintStream(err, true, encoding("stderr"));
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** The stream the command writes its standard output to. */
    PrintStream out() {
        return heldOut;
    }

    /** The stream the command writes its standard error to. */
    PrintStream err() {
        return heldErr;
    }

    /** Writes what was held to the real streams, once. */
    void show() {
        if (done.compareAndSet(false, true)) {
            synchronized (err) {
                realErr.write(err.toByteArray(), 0, err.size());
            }
            realErr.flush();
            synchronized (out) {
                realOut.write(out.toByteArray(), 0, out.size());
            }
            realOut.flush();
        }
    }

    /** Drops what was held: the command is asked again. */
    void drop() {
        done.set(true);
    }

    /** Stops holding: the shutdown hook is removed (a JVM already shutting down runs it). */
    @Override
    public void close() {
        heldOut.close();
        heldErr.close();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook shows the output
        }
    }

    /** The charset of {@code System.out} or {@code System.err} ({@code stream}: "stdout", "stderr"), as the JDK chose it. */
    private static Charset encoding(String stream) {
        String name = System.getProperty(stream + ".encoding", System.getProperty("sun." + stream + ".encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
