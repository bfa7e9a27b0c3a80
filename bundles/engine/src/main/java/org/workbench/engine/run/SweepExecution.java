package org.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.workbench.api.execution.Unit;
import org.workbench.engine.output.LargeValues;
import org.workbench.api.execution.UnitCallback;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The points of one run through its executor: the points already kept by an interrupted run are
 * read back, the others run (in this JVM, or on members from their pinned descriptor), and each
 * finished point is kept at once. Records which member ran each point and why a point failed.
 */
final class SweepExecution {
    private final Plan plan;
    private final SweepFolder folder;
    private final RunOptions options;
    private final PointRun pointRun;
    private final PointOutcome[] outcomes;
    private final String[] members;
    private final Map<Integer, String> failures = new ConcurrentHashMap<>();
    private final Map<Integer, Throwable> thrown = new ConcurrentHashMap<>();

    SweepExecution(Plan plan, SweepFolder folder, RunOptions options, PointRun pointRun) {
        this.plan = plan;
        this.folder = folder;
        this.options = options;
        this.pointRun = pointRun;
        this.outcomes = new PointOutcome[plan.points().size()];
        this.members = new String[outcomes.length];
    }

    void run() throws IOException, InterruptedException {
        for (Map.Entry<Integer, JsonObject> e : folder.finishedPoints().entrySet()) {
            int i = e.getKey();
            if (i < outcomes.length) {
                outcomes[i] = PointRecord.read(e.getValue(), plan.points().get(i));
                members[i] = PointRecord.member(e.getValue());
            }
        }
        UnitPayloads payloads = options.remote() ? new UnitPayloads(plan, options.jars()) : null;
        InProcessUnits here = new InProcessUnits(options.jars());
        FanOut fanOut = new FanOut(options.executor(), payloads, folder, options.jars());
        List<Unit> units = new ArrayList<>();
        for (PlanPoint p : plan.points()) {
            if (outcomes[p.index()] != null) {
                continue;
            }
            Unit unit = payloads != null ? payloads.point(p) : new Unit(UnitPayloads.pointId(p.index()), "", List.of());
            String relative = plan.swept() ? "points/" + p.index() + "/" : "";
            Path pointFolder = folder.folder().resolve(relative);
            here.register(unit, () -> {
                try {
                    PointOutcome o = pointRun.run(plan, p, pointFolder, relative, fanOut, Checkpoints.of(folder, p.index()));
                    return PointRecord.write(o, LocalExecutor.MEMBER, null).toString();
                } catch (Exception | Error e) {
                    thrown.put(p.index(), e);
                    throw e;
                }
            });
            units.add(unit);
        }
        options.executor().execute(units, here, new UnitCallback() {
            @Override
            public void finished(Unit unit, String result, String member) {
                int i = index(unit);
                try {
                    JsonObject record = JsonParser.parseString(result).getAsJsonObject();
                    PointRecord.unpackFiles(record, folder.folder(), plan.swept() ? "points/" + i + "/" : "");
                    record.addProperty("member", member);
                    folder.savePoint(i, record);
                    outcomes[i] = PointRecord.read(record, plan.points().get(i));
                    members[i] = member;
                } catch (IOException | RuntimeException e) {
                    failures.put(i, "its result could not be kept: " + e);
                }
            }

            @Override
            public void failed(Unit unit, String reason, String member) {
                failures.put(index(unit), reason + (member == null || member.equals(LocalExecutor.MEMBER) ? ""
                        : " (on member " + member + ")"));
            }
        });
    }

    private static int index(Unit unit) {
        return Integer.parseInt(unit.id().substring(unit.id().lastIndexOf('/') + 1));
    }

    /** The finished points, in sweep order. */
    List<PointOutcome> finished() {
        List<PointOutcome> out = new ArrayList<>();
        for (PointOutcome o : outcomes) {
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    Map<Integer, String> failures() {
        return new TreeMap<>(failures);
    }

    /** What to throw when nothing can be published: the first failure as it was thrown here, if it was. */
    RunFailure failure() {
        int first = failures().keySet().stream().findFirst().orElse(0);
        Throwable t = thrown.get(first);
        if (t instanceof RunFailure f) {
            return f;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        String reason = failures.getOrDefault(first, "no point finished");
        return new RunFailure(plan.swept() ? "every point failed; point " + first + " " + plan.points().get(first).set()
                + ": " + reason : reason, t);
    }

    String failureSummary() {
        Map<Integer, String> f = failures();
        int first = f.keySet().iterator().next();
        return f.size() + " of " + outcomes.length + " points failed (the others are kept, marked partial); point "
                + first + " " + plan.points().get(first).set() + ": " + f.get(first);
    }

        /** Where the points ran and which of them failed, for {@link ResultDocument#build}. */
    ExecutionRecord record() {
        JsonObject executor = new JsonObject();
        executor.addProperty("kind", options.kind());
        if (plan.swept()) {
            JsonObject byPoint = new JsonObject();
            for (int i = 0; i < members.length; i++) {
                if (members[i] != null) {
                    byPoint.addProperty(Integer.toString(i), members[i]);
                }
            }
            executor.add("members", byPoint);
        } else if (members[0] != null) {
            executor.addProperty("member", members[0]);
        }
        return new ExecutionRecord(executor, failures());
    }
}
