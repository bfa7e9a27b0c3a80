package org.workbench.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.workbench.api.Workbench;
import org.workbench.engine.run.ActiveRuns;
import org.workbench.engine.run.IncompleteFolders;

/**
 * {@code run --isolate} (or {@code "isolate": true} in a descriptor): the run of one descriptor in a
 * child JVM of the same distribution, which runs {@code run FILE} with the same options and writes
 * to the same streams, so its output, result folder and exit status are a normal run's. The parent
 * holds the time limit and can always end the child, whatever its plugins do: at the limit, or when
 * the run is cancelled, the child is killed ({@code destroyForcibly}, with any process it started),
 * its unfinished folder removed (or kept when it holds finished points for {@code --resume}), and
 * the run fails (exit 1). A child crash (a plugin's native code, a JVM error) fails that run alone.
 *
 * <p>The child is started with the launcher's command line ({@value #SERVICE}), which carries this
 * process's id; a child never isolates again, and ends when this process ends.
 */
final class IsolatedRun {
    /** The launcher's service that makes a child JVM's command line, a {@code Function<List<String>, List<String>>}. */
    static final String SERVICE = "(workbench.service=child-runtime)";
    /** The system property the launcher sets in a child JVM: the parent's process id. */
    static final String PARENT = "workbench.parent";
    /**
     * The environment variable naming the file a child creates when its run starts: the run's time
     * limit counts from then, as an in-process run's does from its start (not the JVM's).
     */
    static final String STARTED = "WORKBENCH_ISOLATED_RUN_STARTED";
    /** How long a child may take to start its run before its time limit counts anyway. */
    private static final Duration START_ALLOWANCE = Duration.ofSeconds(60);
    /** How long a cancelled child may take to clean up after SIGTERM before it is killed. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(20);

    private final CommandContext context;
    private final ActiveRuns active;

    IsolatedRun(CommandContext context) {
        this.context = context;
        this.active = context.activeRuns();
    }

    /** Whether this JVM is the child of an isolated run (which runs in place). */
    static boolean inChild() {
        return System.getProperty(PARENT) != null;
    }

    /**
     * Runs {@code file} in a child JVM.
     *
     * @param options    the run's options as the child takes them (no {@code --isolate}, no {@code --timeout})
     * @param limit      the run's time limit, or {@code null}
     * @param experiment the folder the run writes under ({@code out/<name>})
     * @return the run's exit status
     */
    int run(Path file, List<String> options, Duration limit, Path out, Path experiment) {
        PrintStream err = context.err();
        Function<List<String>, List<String>> command = childCommand();
        if (command == null) {
            err.println("run failed: " + file + ": --isolate needs the workbench's launcher, which starts the child JVM;"
                    + " this runtime offers none");
            return Workbench.FAILED;
        }
        List<String> args = new ArrayList<>(List.of("run", file.toString()));
        args.addAll(options);
        boolean ownStreams = context.out() == System.out && context.err() == System.err;
        ProcessBuilder builder = new ProcessBuilder(command.apply(args));
        Path started;
        try {
            started = Files.createTempFile("workbench-isolated-", ".started");
            Files.delete(started);
        } catch (IOException e) {
            err.println("run failed: " + file + ": could not prepare the child JVM for --isolate: " + e);
            return Workbench.FAILED;
        }
        builder.environment().put(STARTED, started.toString());
        if (ownStreams) {
            // the child writes to the terminal itself: its progress bars and messages are a normal run's
            builder.inheritIO();
        }
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            err.println("run failed: " + file + ": could not start the child JVM for --isolate: " + e.getMessage());
            return Workbench.FAILED;
        }
        List<Thread> pumps = ownStreams ? List.of()
                : List.of(pump(child.getInputStream(), context.out()), pump(child.getErrorStream(), err));
        Thread caller = Thread.currentThread();
        Runnable cancel = caller::interrupt;
        if (active != null) {
            active.add(cancel);
        }
        String stopped;
        try {
            stopped = await(child, limit, started);
        } finally {
            if (active != null) {
                active.remove(cancel);
            }
            try {
                Files.deleteIfExists(started);
            } catch (IOException ignored) {
                // a leftover empty file in the temporary folder
            }
        }
        pumps.forEach(IsolatedRun::joinQuietly);
        if (stopped == null) {
            int status = child.exitValue();
            if (status == Workbench.OK || status == Workbench.FAILED || status == Workbench.INVALID) {
                return status;
            }
            stopped = "the isolated run's JVM (pid " + child.pid() + ") ended with status " + status
                    + (status > 128 ? " (signal " + (status - 128) + ")" : "");
        }
        err.println("run failed: " + file + ": " + stopped + cleanUp(out, experiment, child.pid()));
        return Workbench.FAILED;
    }

    /**
     * Waits for the child; returns why it was ended, or {@code null} when it ended by itself. The
     * limit counts from the start of the child's run (when it creates {@code started}), or from
     * {@link #START_ALLOWANCE} after the child's start if its run has not started by then.
     */
    private static String await(Process child, Duration limit, Path started) {
        long spawned = System.nanoTime();
        long deadline = limit == null ? Long.MAX_VALUE : spawned + START_ALLOWANCE.toNanos() + limit.toNanos();
        boolean running = false;
        try {
            while (child.isAlive()) {
                if (!running && limit != null && Files.exists(started)) {
                    running = true;
                    deadline = Math.min(deadline, System.nanoTime() + limit.toNanos());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    kill(child);
                    return "timed out after " + seconds(limit) + " (--timeout or the descriptor's \"timeout\"); the "
                            + "isolated run's JVM (pid " + child.pid() + ") was killed";
                }
                child.waitFor(Math.min(left, running || limit == null ? TimeUnit.SECONDS.toNanos(1)
                        : TimeUnit.MILLISECONDS.toNanos(20)), TimeUnit.NANOSECONDS);
            }
            return null;
        } catch (InterruptedException e) {
            // cancelled: the child says so and cleans up itself (SIGTERM), unless it takes too long
            child.destroy();
            boolean ended = waitUninterruptibly(child, CANCEL_GRACE);
            if (!ended) {
                kill(child);
            }
            Thread.currentThread().interrupt();
            return "cancelled; the isolated run's JVM (pid " + child.pid() + ") was " + (ended ? "stopped" : "killed");
        }
    }

    /** Kills the child and whatever it started, and waits until it is gone. */
    private static void kill(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        waitUninterruptibly(child, Duration.ofSeconds(30));
    }

    private static boolean waitUninterruptibly(Process child, Duration d) {
        long end = System.nanoTime() + d.toNanos();
        boolean interrupted = false;
        try {
            while (child.isAlive() && System.nanoTime() < end) {
                try {
                    child.waitFor(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return !child.isAlive();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Removes the ended child's unfinished folder, as the next run would; says where the finished
     * points are when it kept them for {@code --resume}.
     */
    private static String cleanUp(Path out, Path experiment, long pid) {
        IncompleteFolders.removeStale(out);
        Collection<Path> kept = new ArrayList<>();
        if (Files.isDirectory(experiment)) {
            try (Stream<Path> runs = Files.list(experiment)) {
                runs.filter(p -> p.getFileName().toString().endsWith("-pid" + pid)).forEach(kept::add);
            } catch (IOException ignored) {
                // nothing to say about it
            }
        }
        return kept.isEmpty() ? "; nothing was written" : "; the finished points are kept in " + kept.iterator().next()
                + ": run the same command with --resume to finish them";
    }

    /** In a child: says that its run starts now (see {@link #STARTED}). */
    static void runStarts() {
        String started = System.getenv(STARTED);
        if (started != null && inChild()) {
            try {
                Files.writeString(Path.of(started), "");
            } catch (IOException | RuntimeException e) {
                // the parent then counts the limit from its allowance
            }
        }
    }

    /** The launcher's child command line, or {@code null} outside the workbench's launcher. */
    @SuppressWarnings("unchecked")
    private static Function<List<String>, List<String>> childCommand() {
        Bundle bundle = FrameworkUtil.getBundle(IsolatedRun.class);
        BundleContext bc = bundle == null ? null : bundle.getBundleContext();
        if (bc == null) {
            return null;
        }
        try {
            for (ServiceReference<Function> ref : bc.getServiceReferences(Function.class, SERVICE)) {
                Function<List<String>, List<String>> f = bc.getService(ref);
                if (f != null) {
                    return f;
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    private static Thread pump(InputStream from, PrintStream to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (from) {
                for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException ended) {
                // the child was killed
            }
        }, "workbench-isolated-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }
}
