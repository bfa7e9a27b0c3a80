package org.workbench.backend.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of helper threads that split the parts of one job with the calling thread, without
 * allocating or starting a thread per call. Parts are claimed one at a time from a shared counter
 * that also carries the job's generation, so a helper that wakes late never takes a part of a
 * later job, and the caller does every part nobody else claimed (a descheduled helper delays the
 * job by at most the part it holds). Between jobs helpers spin briefly (products in a training
 * step come a fraction of a millisecond apart), then park; a helper idle for {@link #IDLE_EXIT_NANOS}
 * ends, and the next job starts a new one, so an abandoned team leaves no thread behind.
 * One caller at a time.
 */
final class Workers {
    /** The work of one job: part {@code p} of its parts, run by {@code thread} (0 = the caller, 1.. the helpers); parts must be independent. */
    interface Job {
        void part(int p, int thread);
    }

    static final long SPIN_NANOS = 200_000;
    static final long IDLE_EXIT_NANOS = 2_000_000_000L;

    private final Helper[] helpers;
    /** The most parts a job may have. */
    static final int MAX_PARTS = 0xFFFF;
    /**
     * The job's generation (high 32 bits), its number of parts (next 16) and the next unclaimed part
     * (low 16), in one word: a claim checks all three at once, so a helper that read an older
     * generation can never take a part of a newer job with the older job's count.
     */
    private final AtomicLong ticket = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    /** The current job; stable from a successful claim until its part is done (the caller waits for that). */
    private volatile Job job;

    Workers(int threads) {
        helpers = new Helper[Math.max(0, threads - 1)];
    }

    /** The number of threads, the caller included, that a job is split over. */
    int threads() {
        return helpers.length + 1;
    }

    /** Runs parts {@code 0..count-1} (at most {@link #MAX_PARTS}) of {@code work} over the team; returns when every part is done. */
    void run(Job work, int count) {
        if (count > MAX_PARTS) {
            throw new IllegalArgumentException("a job has at most " + MAX_PARTS + " parts, got " + count);
        }
        if (count <= 1 || helpers.length == 0) {
            for (int p = 0; p < count; p++) {
                work.part(p, 0);
            }
            return;
        }
        job = work;
        done.set(0);
        long generation = (ticket.get() >>> 32) + 1;
        ticket.set(generation << 32 | (long) count << 16);
        for (int h = 0; h < helpers.length; h++) {
            Helper helper = helpers[h];
            if (helper == null || !helper.alive) {
                helper = new Helper(h, generation - 1);
                helpers[h] = helper;
                helper.start();
            } else if (helper.parked) {
                LockSupport.unpark(helper);
            }
        }
        work(generation, 0);
        int spins = 0;
        while (done.get() < count) {
            if (++spins > 1_000) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
        job = null;
    }

    /** Claims and runs parts of job {@code generation} until none is left. */
    private void work(long generation, int thread) {
        while (true) {
            long t = ticket.get();
            if (t >>> 32 != generation) {
                return;
            }
            int count = (int) (t >>> 16) & MAX_PARTS;
            int p = (int) t & MAX_PARTS;
            if (p >= count) {
                return;
            }
            if (ticket.compareAndSet(t, t + 1)) {
                job.part(p, thread);
                done.incrementAndGet();
            }
        }
    }

    private final class Helper extends Thread {
        volatile boolean alive = true;
        volatile boolean parked;
        private final int thread;
        private long seen;

        Helper(int index, long seen) {
            super("vector-backend-" + (index + 1));
            setDaemon(true);
            this.thread = index + 1;
            this.seen = seen;
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                long generation = ticket.get() >>> 32;
                if (generation != seen) {
                    seen = generation;
                    work(generation, thread);
                    idleSince = System.nanoTime();
                    continue;
                }
                long idle = System.nanoTime() - idleSince;
                if (idle < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (idle > IDLE_EXIT_NANOS) {
                    alive = false;
                    return;
                } else {
                    parked = true;
                    if (ticket.get() >>> 32 == seen) {
                        LockSupport.parkNanos(this, 100_000_000L);
                    }
                    parked = false;
                }
            }
        }
    }
}
