package org.workbench.executor.hazelcast;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.workbench.api.execution.Executor;
import org.workbench.api.execution.Unit;
import org.workbench.api.execution.UnitCallback;
import org.workbench.api.execution.UnitRunner;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.exception.TargetNotMemberException;

/**
 * Runs units on a cluster's members. As a coordinator it joins as a lite member (it holds no data
 * and runs nothing), offers the jars its units pin, and hands each member at most as many units as
 * it has slots; a unit whose member leaves runs again on another, and a member that lacks a pinned
 * bundle (and could not fetch it) is passed over for that unit. As a worker ({@link #serve}) it is
 * a full member that runs the units sent to it, and the units those fan out in turn go through a
 * second executor service, so a point that waits for its units never holds a thread they need.
 *
 * <p>Trust: every unit goes out with a fresh nonce under the secret's MAC ({@link UnitCall}); an
 * answer counts only when its MAC verifies, it names the unit and nonce it answers, and the member's
 * hashes of the pinned bundles are the pins'. A member that refuses a unit for trust (its bundle
 * differs) or whose answer is refused is passed over for the rest of the call, with one note on
 * standard error naming it; its units run on the other members.
 */
final class ClusterExecutor implements Executor {
    private static final int MAX_RERUNS = 5;
    private final ClusterSettings settings;
    private final String service;
    private HazelcastInstance instance;
    private final boolean owned;
    private final Trust trust;

    ClusterExecutor(ClusterSettings settings) {
        this(settings, ClusterSettings.POINTS, null);
    }

    private ClusterExecutor(ClusterSettings settings, String service, HazelcastInstance instance) {
        this.settings = settings;
        this.service = service;
        this.instance = instance;
        this.owned = instance == null;
        this.trust = new Trust(settings.envelope(), new SeenNonces(),
                settings.hashes() != null ? settings.hashes() : pin -> Optional.empty(), new TrustLog(System.err));
    }

    static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    @Override
    public String serve(UnitRunner runner) {
        Map<String, Object> context = new HashMap<>();
        context.put(UnitCall.RUNNER, runner);
        context.put(UnitCall.TRUST, settings.hashes() != null ? trust
                : new Trust(trust.envelope(), trust.seen(), runner::sha256, trust.log()));
        instance = start(settings.config(false, context));
        instance.getUserContext().put(UnitCall.NESTED, new ClusterExecutor(settings, ClusterSettings.UNITS, instance));
        return address(instance.getCluster().getLocalMember());
    }

    /**
     * Starts the member from a thread of the JVM's top thread group, so that Hazelcast's own threads
     * belong to no run (a run's thread group is interrupted, and its threads stopped, when it is
     * cancelled or times out).
     */
    private static HazelcastInstance start(com.hazelcast.config.Config config) {
        ThreadGroup top = Thread.currentThread().getThreadGroup();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        HazelcastInstance[] started = new HazelcastInstance[1];
        RuntimeException[] failed = new RuntimeException[1];
        Thread t = new Thread(top, () -> {
            try {
                started[0] = Hazelcast.newHazelcastInstance(config);
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        }, "workbench-cluster-start");
        t.setContextClassLoader(ClusterExecutor.class.getClassLoader());
        t.start();
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return started[0];
    }

    @Override
    public void execute(List<Unit> units, UnitRunner runner, UnitCallback callback) throws InterruptedException {
        if (units.isEmpty()) {
            return;
        }
        if (instance == null) {
            if (settings.join().isEmpty()) {
                for (Unit u : units) {
                    callback.failed(u, "the hazelcast executor needs members to join: --join HOST:PORT,...", null);
                }
                return;
            }
            instance = start(settings.config(true, Map.of()));
        }
        new Schedule(units, runner, callback).run();
    }

    /** One call of {@link #execute}: the queue of units, the slots in use, the answers coming back. */
    private final class Schedule {
        private final Deque<Unit> queue;
        private final List<Unit> units;
        private final UnitCallback callback;
        private final UnitRunner runner;
        private boolean offered;
        private final Map<UUID, Integer> busy = new HashMap<>();
        private final Map<String, Map<UUID, String>> refused = new HashMap<>();
        private final Map<String, Integer> reruns = new HashMap<>();
        private final Map<UUID, String> distrusted = new HashMap<>();
        private final BlockingQueue<Runnable> answers = new LinkedBlockingQueue<>();
        private int running;

        Schedule(List<Unit> units, UnitRunner runner, UnitCallback callback) {
            this.queue = new ArrayDeque<>(units);
            this.runner = runner;
            this.units = units;
            this.callback = callback;
        }

        void run() throws InterruptedException {
            IExecutorService executor = instance.getExecutorService(service);
            long lastMember = System.nanoTime();
            while (!queue.isEmpty() || running > 0) {
                List<Member> members = workers();
                if (!members.isEmpty()) {
                    lastMember = System.nanoTime();
                }
                dispatch(executor, members);
                if (running == 0 && !queue.isEmpty()) {
                    if (members.isEmpty() && System.nanoTime() - lastMember > TimeUnit.SECONDS.toNanos(settings.waitSeconds())) {
                        failAll("no cluster member to run it: none joined cluster '" + settings.cluster() + "' at "
                                + String.join(",", settings.join()) + " within " + settings.waitSeconds() + " s"
                                + (settings.envelope().keyed() ? " (members with another secret file, or none, cannot be"
                                        + " joined)" : ""));
                        return;
                    }
                    if (!members.isEmpty()) {
                        failUnrunnable(members);
                    }
                }
                Runnable answer = answers.poll(100, TimeUnit.MILLISECONDS);
                while (answer != null) {
                    answer.run();
                    answer = answers.poll();
                }
            }
        }

        private List<Member> workers() {
            List<Member> out = new ArrayList<>();
            for (Member m : instance.getCluster().getMembers()) {
                if (!m.isLiteMember() && !m.localMember()) {
                    out.add(m);
                }
            }
            if (!instance.getCluster().getLocalMember().isLiteMember()) {
                out.add(instance.getCluster().getLocalMember());
            }
            return out;
        }

        private int slots(Member m) {
            try {
                return Math.max(1, Integer.parseInt(m.getAttribute(ClusterSettings.SLOTS)));
            } catch (RuntimeException e) {
                return 1;
            }
        }

        private void dispatch(IExecutorService executor, List<Member> members) {
            for (Iterator<Unit> it = queue.iterator(); it.hasNext();) {
                Unit unit = it.next();
                Member target = null;
                int load = Integer.MAX_VALUE;
                for (Member m : members) {
                    int used = busy.getOrDefault(m.getUuid(), 0);
                    if (used < slots(m) && used < load && !distrusted.containsKey(m.getUuid())
                            && !refused.getOrDefault(unit.id(), Map.of()).containsKey(m.getUuid())) {
                        target = m;
                        load = used;
                    }
                }
                if (target == null) {
                    continue;
                }
                it.remove();
                send(executor, unit, target);
            }
        }

        private void send(IExecutorService executor, Unit unit, Member target) {
            UUID uuid = target.getUuid();
            String member = address(target);
            busy.merge(uuid, 1, Integer::sum);
            running++;
            String nonce = SeenNonces.fresh();
            boolean repositoryOffered = offered;
            try {
                UnitCall call = new UnitCall(unit, address(instance.getCluster().getLocalMember()), nonce,
                        settings.envelope());
                executor.submitToMember(call, target, new ExecutionCallback<String>() {
                    @Override
                    public void onResponse(String response) {
                        answers.add(() -> answered(unit, uuid, member, nonce, repositoryOffered, Answer.parse(response)));
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        answers.add(() -> lost(unit, uuid, member, t));
                    }
                });
            } catch (RuntimeException e) {
                answers.add(() -> lost(unit, uuid, member, e));
            }
        }

        private void release(UUID uuid) {
            busy.merge(uuid, -1, Integer::sum);
            running--;
        }

        private void answered(Unit unit, UUID uuid, String member, String nonce, boolean repositoryOffered,
                Answer answer) {
            release(uuid);
            Optional<String> untrusted = AnswerCheck.untrusted(answer, unit, nonce, settings.envelope());
            if (untrusted.isPresent()) {
                distrust(unit, uuid, member, "refused the answer of member " + member + " to unit " + unit.id() + ": "
                        + untrusted.get() + "; the unit runs elsewhere", member + " answer");
                return;
            }
            switch (answer.status()) {
                case Answer.OK -> callback.finished(unit, answer.body(), member);
                case Answer.MISSING -> {
                    if (!repositoryOffered) {
                        offerRepository();
                        queue.addFirst(unit);
                        return;
                    }
                    refused.computeIfAbsent(unit.id(), k -> new LinkedHashMap<>()).put(uuid,
                            member + ": " + answer.body());
                    queue.addFirst(unit);
                }
                case Answer.REFUSED -> distrust(unit, uuid, member, "member " + member + " refused unit " + unit.id()
                        + ": " + answer.body() + "; its units run elsewhere", member + " refused");
                default -> callback.failed(unit, answer.body(), member);
            }
        }

        /**
         * Puts the repository of every unit's pinned jars into the cluster's map, once per call (a member
         * reads the index of its unit's pins and fetches the jar it lacks through it). When it cannot be
         * made, members that lack a bundle say so and its units run where the bundle is.
         */
        private void offerRepository() {
            if (offered) {
                return;
            }
            offered = true;
            try {
                IMap<String, byte[]> map = instance.getMap(ClusterSettings.REPOSITORY);
                ClusterRepository.offer(map, runner, units);
            } catch (Exception e) {
                trust.log().note("repository", "could not offer the repository of the pinned bundles to members"
                        + " that lack one: " + e.getMessage());
            }
        }

        /** Passes over {@code member} for the rest of this call, says so once, and queues the unit again. */
        private void distrust(Unit unit, UUID uuid, String member, String note, String key) {
            trust.log().note(key, note);
            distrusted.put(uuid, member + ": " + note);
            refused.computeIfAbsent(unit.id(), k -> new LinkedHashMap<>()).put(uuid, member + ": " + note);
            queue.addFirst(unit);
        }

        private void lost(Unit unit, UUID uuid, String member, Throwable t) {
            release(uuid);
            Throwable cause = t;
            while (cause.getCause() != null && !(cause instanceof MemberLeftException)) {
                cause = cause.getCause();
            }
            boolean memberGone = t instanceof MemberLeftException || cause instanceof MemberLeftException
                    || t instanceof TargetNotMemberException || t instanceof HazelcastInstanceNotActiveException
                    || instance.getCluster().getMembers().stream().noneMatch(m -> m.getUuid().equals(uuid));
            int count = reruns.merge(unit.id(), 1, Integer::sum);
            if (memberGone && count <= MAX_RERUNS) {
                queue.addFirst(unit);
                return;
            }
            callback.failed(unit, (memberGone ? "its members kept leaving (" + count + " tries)" : t.toString()), member);
        }

        /** Units that every present member refused: nobody here can run them. */
        private void failUnrunnable(List<Member> members) {
            for (Iterator<Unit> it = queue.iterator(); it.hasNext();) {
                Unit unit = it.next();
                Map<UUID, String> no = new LinkedHashMap<>(refused.getOrDefault(unit.id(), Map.of()));
                distrusted.forEach(no::putIfAbsent);
                if (members.stream().allMatch(m -> no.containsKey(m.getUuid()))) {
                    it.remove();
                    callback.failed(unit, "no member can run it: " + String.join("; ", no.values()), null);
                }
            }
        }

        private void failAll(String reason) {
            while (!queue.isEmpty()) {
                callback.failed(queue.poll(), reason, null);
            }
        }
    }

    @Override
    public void close() {
        if (owned && instance != null) {
            instance.shutdown();
            instance = null;
        }
    }
}
