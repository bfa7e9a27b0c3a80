package org.workbench.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.workbench.api.result.Chart;
import org.workbench.api.result.Draws;
import org.workbench.api.result.ResultLayout;
import org.workbench.api.result.Series;
import org.workbench.api.result.Table;

/** {@code describe} says how a task's results are shown. */
class LayoutLinesTest {
    @Test
    void oneLinePerChartTableAndDraws() {
        ResultLayout layout = ResultLayout.of(new Chart("loss", "Loss", "epochs", "epoch", "epoch", "",
                List.of(Series.of("trainLoss", "train loss").unit("nats"))))
                .with(new Table("summary", "", "", List.of(Series.of("estimate", "estimate"))))
                .with(new Draws("draws.json", "w", List.of(Series.of("diagnostics.rhat", "R-hat"))));
        assertEquals(List.of("chart loss: train loss (nats) (trainLoss) against epoch over results.epochs",
                "table summary: estimate (estimate), one row",
                "draws draws.json (per coordinate w1, w2, ...): R-hat (diagnostics.rhat)"), LayoutLines.of(layout));
        assertEquals(List.of(), LayoutLines.of(ResultLayout.NONE));
    }
}
