package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.workbench.api.ResultTree;

import com.google.gson.JsonObject;

/**
 * A point's plots travel in its record (from a cluster member, and into the kept points a resumed
 * sweep reads), so that its titles reach {@code result.json}; a record kept before plots were recorded
 * reads as a point without them.
 */
class PointRecordPlotsTest {
    private static final PlanPoint POINT = new PlanPoint(3, Map.of(), 7, null, Map.of());

    @Test
    void thePlotsAndTheirTitlesSurviveTheRecord() throws Exception {
        DrawnPlot loss = new DrawnPlot("training", "Training and test loss by epoch — seed 184",
                List.of("points/3/training.png", "points/3/training.svg"));
        PointOutcome o = new PointOutcome(POINT, new ResultTree().put("x", 1.0), List.copyOf(loss.files()), Map.of(),
                List.of(), 5, List.of(), List.of(), List.of(loss));
        assertEquals(List.of(loss), PointRecord.read(PointRecord.write(o, "local", null), POINT).plots());
    }

    @Test
    void aRecordKeptBeforePlotsWereRecordedHasNone() throws Exception {
        PointOutcome o = new PointOutcome(POINT, new ResultTree().put("x", 1.0), List.of("points/3/a.png"), Map.of(),
                List.of(), 5, List.of(), List.of());
        JsonObject record = PointRecord.write(o, "local", null);
        record.remove("plots");
        assertEquals(List.of(), PointRecord.read(record, POINT).plots());
    }
}
