package org.workbench.api.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The layout's JSON form reads back to the same layout, and a malformed one is refused naming its path. */
class ResultLayoutTest {
    static final ResultLayout LAYOUT = ResultLayout.of(
            new Chart("loss", "Loss", "epochs", "epoch", "epoch", "cross-entropy loss",
                    List.of(Series.of("trainLoss", "train loss").unit("nats"), Series.of("testLoss", "test loss"))))
            .with(new Table("epochs", "Per epoch", "epochs", List.of(Series.of("seconds", "time").unit("s"))))
            .with(new Draws("draws.json", "w", List.of(Series.of("diagnostics.ess", "bulk ESS").whole())));

    @Test
    void itsJsonFormReadsBackToTheSameLayout() {
        Map<String, Object> json = LAYOUT.toJson();
        assertEquals(List.of("charts", "tables", "draws"), List.copyOf(json.keySet()));
        assertEquals(LAYOUT, ResultLayout.fromJson(json));
        assertEquals(LAYOUT, ResultLayout.of(Map.of("name", "x", ResultLayout.KEY, json)));
        assertEquals(ResultLayout.NONE, ResultLayout.of(Map.of("name", "x")));
        assertTrue(ResultLayout.NONE.isEmpty());
        assertFalse(LAYOUT.isEmpty());
        assertTrue(LAYOUT.charts().get(0).integerX());
        assertEquals("time (s)", LAYOUT.tables().get(0).columns().get(0).labelWithUnit());
        assertEquals(Series.WHOLE, LAYOUT.draws().get(0).statistics().get(0).digits());
    }

    @Test
    void aMalformedLayoutIsRefusedNamingTheJsonPath() {
        Map<String, Object> chart = Map.of("id", "loss", "list", "epochs", "x", "epoch",
                "series", List.of(Map.of("label", "train loss")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultLayout.fromJson(Map.of("charts", List.of(chart))));
        assertEquals("layout.charts[0].series[0].key: missing; a string is needed", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResultLayout.fromJson(Map.of("tables", "none")));
        assertTrue(e.getMessage().startsWith("layout.tables: not an array"), e.getMessage());
    }

    @Test
    void declarationsThatNoReaderCouldFollowAreRefusedWhenMade() {
        Series s = Series.of("y", "y");
        assertThrows(IllegalArgumentException.class, () -> new Chart("Loss!", "", "epochs", "epoch", "", "", List.of(s)));
        assertThrows(IllegalArgumentException.class, () -> new Chart("loss", "", "epochs[]", "epoch", "", "", List.of(s)));
        assertThrows(IllegalArgumentException.class, () -> new Chart("loss", "", "epochs", "epoch", "", "", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Draws("../draws.json", "w", List.of()));
        Chart c = new Chart("a", "", "l", "x", "", "", List.of(s));
        assertThrows(IllegalArgumentException.class, () -> ResultLayout.of(c, c));
    }

    @Test
    void aRunSummaryReadsTheTopLevelKeysAndTheLayout() {
        Map<String, Object> doc = Map.of("name", "p4", "title", "MLP", "task", "train-classifier", "status", "ok",
                "seed", 7.0, "points", List.of(Map.of(), Map.of()), "artifacts", List.of("a.png"),
                "provenance", Map.of("startedAt", "2026-01-01T00:00:00Z", "durationMs", 12.0),
                ResultLayout.KEY, LAYOUT.toJson());
        RunSummary s = RunSummary.of(doc);
        assertEquals(new RunSummary("p4", "MLP", "train-classifier", "ok", 7, 2, List.of("a.png"),
                "2026-01-01T00:00:00Z", 12, LAYOUT), s);
        assertTrue(s.swept());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunSummary.of(Map.of("name", "p4", "status", "ok")));
        assertEquals("$.task: missing; a string is needed", e.getMessage());
    }
}
