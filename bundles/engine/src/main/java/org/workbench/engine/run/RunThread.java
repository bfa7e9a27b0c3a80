package org.workbench.engine.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Runs one run's body on a thread of its own, in a thread group of its own (the sweep's point
 * threads are created from it and join the group), so that the run can be bounded and cancelled
 * as a whole:
 * <ul>
 * <li>when {@code timeout} passes, the providers at work are read from the group's stacks, the
 * group is interrupted, and the run fails naming them;</li>
 * <li>when the calling thread is interrupted (Ctrl-C in the shell, the web page's cancel button,
 * {@link ActiveRuns#cancelAll}), the run is cancelled the same way.</li>
 * </ul>
 * A thread a component leaves running after the run is interrupted.
 * Either way the call returns only after the run's body has ended, and the body deletes its
 * temporary folder after its point threads have stopped, so nothing is left half-written. A
 * component that ignores interrupts is stopped after {@link #GRACE} by {@link Thread#stop()} on
 * Java 17 to 19, the last resort that lets the body's clean-up run. From Java 20 on a thread cannot
 * be stopped ({@code Thread.stop} throws): the run is then {@linkplain #abandoned abandoned} and fails
 * with an {@link UnstoppableRun}, after which the command ends the process (a run in a child JVM,
 * {@code run --isolate}, never needs any of this: its JVM is killed).
 */
final class RunThread {
    /** How long a cancelled run may take to stop by itself. */
    static final Duration GRACE = Duration.ofSeconds(5);
    /**
     * The groups of runs being stopped (cancelled or timed out): a run's body asks before it publishes,
     * since a component may swallow the interrupt that says so.
     */
    private static final java.util.Set<ThreadGroup> STOPPING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Whether this Java can stop a thread ({@code Thread.stop} throws from Java 20 on). */
    static final boolean CAN_STOP_THREADS = Runtime.version().feature() < 20;
    /** The thread groups of runs that ignored interruption where no thread can be stopped. */
    private static final java.util.Set<ThreadGroup> ABANDONED = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    private RunThread() {
    }

    /**
     * Whether the run of {@code group} was abandoned: it ignored interruption on a Java that cannot
     * stop threads, so its clean-up must not wait for it to end.
     */
    static boolean abandoned(ThreadGroup group) {
        return ABANDONED.contains(group);
    }

    interface Body<T> {
        T call() throws Exception;
    }

    static <T> T call(Plan plan, Duration timeout, ActiveRuns active, Body<T> body) throws RunFailure {
        ThreadGroup group = new ThreadGroup("workbench-run-" + plan.descriptor().name());
        // a daemon group is destroyed when its last thread ends, so runs leave no groups behind in a long-lived runtime
        group.setDaemon(true);
        Object[] outcome = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(group, () -> {
            try {
                outcome[0] = body.call();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "workbench-run");
        thread.setDaemon(true);
        Thread caller = Thread.currentThread();
        Runnable cancel = caller::interrupt;
        if (active != null) {
            active.add(cancel);
        }
        try {
            thread.start();
            String stopped = await(plan, thread, group, timeout);
            if (stopped != null && thread.isAlive()) {
                ABANDONED.add(group);
                throw new UnstoppableRun(stopped + "; a component ignores interruption, and Java "
                        + Runtime.version().feature() + " cannot stop a thread (Thread.stop is gone since Java 20)");
            }
            if (stopped != null) {
                // the body has ended (or was stopped): it knows whether finished work stayed for --resume
                throw new RunFailure(stopped + (failure[0] instanceof KeptWork kept ? "; the finished points are kept in "
                        + kept.folder() + ": run the same command with --resume to finish them" : "; nothing was written"),
                        null);
            }
            if (group.activeCount() > 0) {
                group.interrupt();
            }
        } finally {
            STOPPING.remove(group);
            if (active != null) {
                active.remove(cancel);
            }
        }
        if (failure[0] != null) {
            rethrow(failure[0]);
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome[0];
        return result;
    }

    /** Whether the calling thread's run is being stopped (cancelled or timed out): it must not publish. */
    static boolean stopping() {
        return Thread.currentThread().isInterrupted() || STOPPING.contains(Thread.currentThread().getThreadGroup());
    }

    /** Waits for the run; returns why it was stopped, or {@code null} when it ended by itself. */
    private static String await(Plan plan, Thread thread, ThreadGroup group, Duration timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        String reason = null;
        try {
            while (thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    List<String> culprits = Culprits.in(plan, stacks(group));
                    reason = "timed out after " + seconds(timeout) + " (--timeout or the descriptor's \"timeout\")"
                            + (culprits.isEmpty() ? "" : " while in " + String.join(", ", culprits))
                            + "; the run was stopped";
                    break;
                }
                TimeUnit.NANOSECONDS.timedJoin(thread, Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
        } catch (InterruptedException e) {
            List<String> culprits = Culprits.in(plan, stacks(group));
            reason = "cancelled" + (culprits.isEmpty() ? "" : " while in " + String.join(", ", culprits));
            Thread.currentThread().interrupt();
        }
        if (reason != null) {
            stop(thread, group);
        }
        return reason;
    }

    /**
     * Interrupts the run's threads, waits {@link #GRACE} for them, then stops those that ignore
     * interrupts where Java still can; where it cannot, returns with the run's thread alive.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread thread, ThreadGroup group) {
        boolean interrupted = Thread.interrupted();
        STOPPING.add(group);
        try {
            group.interrupt();
            joinUninterruptibly(thread, GRACE);
            if (thread.isAlive() && CAN_STOP_THREADS) {
                for (Thread t : threads(group)) {
                    if (t != thread) {
                        t.stop();
                    }
                }
                joinUninterruptibly(thread, GRACE);
                if (thread.isAlive()) {
                    thread.stop();
                    joinUninterruptibly(thread, GRACE);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void joinUninterruptibly(Thread thread, Duration d) {
        long end = System.nanoTime() + d.toNanos();
        while (thread.isAlive()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            } catch (InterruptedException e) {
                // keep waiting: the body must end before the caller may go on
            }
        }
    }

    private static List<Thread> threads(ThreadGroup group) {
        Thread[] all = new Thread[group.activeCount() + 16];
        int n = group.enumerate(all, true);
        List<Thread> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(all[i]);
        }
        return list;
    }

    private static List<StackTraceElement[]> stacks(ThreadGroup group) {
        List<StackTraceElement[]> stacks = new ArrayList<>();
        for (Thread t : threads(group)) {
            stacks.add(t.getStackTrace());
        }
        return stacks;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }

    private static void rethrow(Throwable t) throws RunFailure {
        if (t instanceof RunFailure f) {
            throw f;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new RunFailure(t.toString(), t);
    }
}
