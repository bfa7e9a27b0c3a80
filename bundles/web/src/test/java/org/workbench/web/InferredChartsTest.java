package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.workbench.api.result.Chart;
import org.workbench.api.result.Series;

import com.google.gson.JsonParser;

/** A run without a layout is charted from its lists of records: x the field that counts them, a chart per kind of series. */
class InferredChartsTest {
    @Test
    void aStepFieldIsTheXAndTheOtherNumbersAreGroupedByTheirLastWord() {
        List<Chart> charts = InferredCharts.of(JsonParser.parseString("{\"testAccuracy\":0.8,\"epochs\":["
                + "{\"epoch\":1,\"trainLoss\":0.6,\"testLoss\":0.62,\"trainAccuracy\":0.7,\"seconds\":1.2,\"note\":\"warm-up\"},"
                + "{\"epoch\":2,\"trainLoss\":0.5,\"testLoss\":null,\"trainAccuracy\":0.8,\"seconds\":1.1,\"note\":\"\"}]}"));
        assertEquals(List.of("epochs-loss", "epochs-accuracy", "epochs-seconds"), charts.stream().map(Chart::id).toList());
        Chart loss = charts.get(0);
        assertEquals("Loss by epoch", loss.title());
        assertEquals("epochs", loss.list());
        assertEquals("epoch", loss.x());
        assertEquals(List.of(Series.of("trainLoss", "training loss"), Series.of("testLoss", "test loss")), loss.series());
    }

    @Test
    void withoutAStepFieldTheFirstRisingNumberIsTheX() {
        List<Chart> charts = InferredCharts.of(JsonParser.parseString("{\"path\":[{\"w\":3,\"tau\":0.1},{\"w\":1,\"tau\":0.5},"
                + "{\"w\":0,\"tau\":2}]}"));
        assertEquals(1, charts.size());
        assertEquals("tau", charts.get(0).x());
        assertEquals("W by tau", charts.get(0).title());
    }

    @Test
    void listsWithNothingToCountOrNoRecordsGiveNoChart() {
        assertEquals(List.of(), InferredCharts.of(JsonParser.parseString("{\"path\":[{\"w\":3},{\"w\":1}],"
                + "\"one\":[{\"epoch\":1,\"loss\":2}],\"matrix\":[[1,2],[3,4]],\"mean\":1.5}")));
        assertEquals(List.of(), InferredCharts.of(null));
    }
}
