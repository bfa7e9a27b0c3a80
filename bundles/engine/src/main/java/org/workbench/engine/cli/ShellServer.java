package org.workbench.engine.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.workbench.api.Workbench;
import org.workbench.engine.serve.WebWorkbench;

/**
 * {@code wb:serve} in the Gogo shell: the web workbench served from the shell's own runtime, in the
 * background, so that the shell stays usable and the runs it starts ({@code wb:run}) are the
 * runtime's runs in progress that the pages list in their header. {@code wb:serve [--port N] [--out DIR]
 * [--experiments DIR]} returns once the server answers (printing its address); {@code wb:serve stop}
 * ends it and closes the port. One server per runtime.
 */
final class ShellServer {
    /** The words of the line {@code serve} prints once it answers. */
    static final String SERVING = "serving the workbench on ";
    private static final long START_TIMEOUT_S = 120;
    private final Workbench workbench;
    private final WebWorkbench web;
    private Thread serving;
    private String url;

    ShellServer(Workbench workbench, WebWorkbench web) {
        this.workbench = workbench;
        this.web = web;
    }

    /** {@code wb:serve ARGS}: starts the server in the background, or {@code stop}s it; returns the exit status. */
    synchronized int serve(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && args[0].equals("stop")) {
            return stop(out, err);
        }
        if (serving != null && serving.isAlive()) {
            err.println("error: already serving on " + url + "; wb:serve stop ends it first");
            return Workbench.INVALID;
        }
        String[] full = new String[args.length + 1];
        full[0] = "serve";
        System.arraycopy(args, 0, full, 1, args.length);
        StartupOutput startupOut = new StartupOutput(null);
        StartupOutput startupErr = new StartupOutput(System.err);
        AtomicInteger status = new AtomicInteger(Workbench.OK);
        Thread t = new Thread(() -> {
            try {
                status.set(workbench.execute(full, new PrintStream(startupOut, true, StandardCharsets.UTF_8),
                        new PrintStream(startupErr, true, StandardCharsets.UTF_8)));
            } finally {
                startupOut.started.complete(null);
            }
        }, "workbench-shell-serve");
        t.setDaemon(true);
        t.start();
        String line;
        try {
            line = startupOut.started.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) { // Ctrl-C while it starts: it stops again
            Thread.currentThread().interrupt();
            web.stop();
            return Workbench.FAILED;
        } catch (ExecutionException | TimeoutException e) {
            web.stop();
            err.println("failed: the web workbench did not start within " + START_TIMEOUT_S + " s");
            return Workbench.FAILED;
        }
        if (line == null) { // it ended without serving: a bad option, a port in use, --help
            joinQuietly(t);
            out.print(startupOut.buffered());
            err.print(startupErr.buffered());
            return status.get();
        }
        serving = t;
        url = line.substring(line.indexOf(SERVING) + SERVING.length()).split(" ")[0];
        out.println(line.replace("Ctrl-C stops", "wb:serve stop stops it"));
        err.print(startupErr.buffered());
        startupErr.release();
        return Workbench.OK;
    }

    private int stop(PrintStream out, PrintStream err) {
        if (serving == null || !serving.isAlive() || !web.stop()) {
            err.println("error: the web workbench is not being served from this shell (wb:serve starts it)");
            return Workbench.INVALID;
        }
        joinQuietly(serving);
        serving = null;
        out.println("stopped serving on " + url);
        return Workbench.OK;
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What {@code serve} writes while it starts, kept until the shell command returns (the shell's own
     * streams end with it); once released, later writes go to {@code after} (or nowhere). The line
     * saying where it serves completes {@link #started}.
     */
    private static final class StartupOutput extends OutputStream {
        final CompletableFuture<String> started = new CompletableFuture<>();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final OutputStream after;
        private boolean released;

        StartupOutput(OutputStream after) {
            this.after = after;
        }

        @Override
        public synchronized void write(int b) {
            if (released) {
                if (after != null) {
                    try {
                        after.write(b);
                    } catch (java.io.IOException ignored) {
                        // the console is gone: nothing to tell
                    }
                }
                return;
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (text.contains(SERVING)) {
                    started.complete(text);
                    return;
                }
                kept.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                line.write(b);
            }
        }

        synchronized String buffered() {
            return kept.toString(StandardCharsets.UTF_8) + line.toString(StandardCharsets.UTF_8);
        }

        synchronized void release() {
            released = true;
        }
    }
}
