package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

class PlotLabelsTest {
    private final PlotLabels tau = new PlotLabels(JsonParser.parseString("{\"points\":[{\"set\":{\"prior.scale\":0.1}},"
            + "{\"set\":{\"prior.scale\":0.5}}],\"provenance\":{\"effectiveDescriptor\":{\"plots\":[{\"name\":\"study-test-mse\","
            + "\"title\":\"Test MSE\",\"x\":\"prior.scale\",\"xLabel\":\"prior scale τ\"}]}}}").getAsJsonObject());

    @Test
    void aSweepPointsPlotIsCaptionedWithItsValuesAsTheAxisNamesThem() {
        assertEquals("τ = 0.5", tau.point("points/1/study-test-mse.png"));
        assertEquals("Test MSE — τ = 0.1", tau.caption("points/0/study-test-mse.png"));
        assertEquals("Test MSE", tau.caption("study-test-mse.png"));
        assertEquals("", tau.point("study-test-mse.png"));
    }

    @Test
    void aSeedReadsAsSeedAndAnUnnamedPathByItsLastPart() {
        PlotLabels seeds = new PlotLabels(JsonParser.parseString("{\"points\":[{\"set\":{\"seed\":181,\"data.trainLimit\":600}}]}")
                .getAsJsonObject());
        assertEquals("seed 181, data.trainLimit = 600", seeds.point("points/0/train-loss.png"));
        assertEquals("train-loss", seeds.caption("train-loss.png"));
    }

    @Test
    void aSweepOverProvidersIsLabelledByProvider() {
        PlotLabels priors = new PlotLabels(JsonParser.parseString("{\"points\":[{\"set\":{\"prior.use\":\"laplace\","
                + "\"data.n\":10}},{\"set\":{\"prior\":{\"use\":\"laplace\",\"with\":{\"scale\":0.5}}}}]}").getAsJsonObject());
        assertEquals("prior laplace, n = 10", priors.point("points/0/p.png"));
        assertEquals("prior laplace (scale = 0.5)", priors.point("points/1/p.png"));
    }

    @Test
    void aRecordedTitleNamesThePlotAsDrawn() {
        PlotLabels recorded = new PlotLabels(JsonParser.parseString("{\"points\":[{\"set\":{\"seed\":181}}],"
                + "\"plots\":[{\"name\":\"training\",\"title\":\"Training and test loss by epoch — seed 181\",\"point\":0,"
                + "\"files\":[\"points/0/training.png\",\"points/0/training.svg\"]},{\"name\":\"curves\",\"title\":\"Curves\","
                + "\"files\":[\"curves.png\"]}]}").getAsJsonObject());
        assertEquals("Training and test loss by epoch — seed 181", recorded.caption("points/0/training.png"));
        assertEquals("Curves", recorded.caption("curves.png"));
        assertEquals("seed 181", recorded.point("points/0/training.png"));
        assertEquals("other", recorded.caption("other.png"), "a file no plot lists keeps its name");
    }

    @Test
    void aRunWrittenBeforePlotsWereRecordedTakesTheTitleOfItsLayoutsChartOfTheSameName() {
        // train-classifier before plots were recorded: accuracy.png drawn as "Accuracy", the chart 'accuracy' the same
        PlotLabels old = new PlotLabels(JsonParser.parseString("{\"points\":[{\"set\":{\"seed\":181}}],"
                + "\"layout\":{\"charts\":[{\"id\":\"loss\",\"title\":\"Loss\",\"list\":\"epochs\",\"x\":\"epoch\","
                + "\"series\":[{\"key\":\"trainLoss\",\"label\":\"train\"}]},{\"id\":\"accuracy\",\"title\":\"Accuracy\",\"list\":\"epochs\","
                + "\"x\":\"epoch\",\"series\":[{\"key\":\"testAccuracy\",\"label\":\"test\"}]}]}}").getAsJsonObject());
        assertEquals("Accuracy — seed 181", old.caption("points/0/accuracy.png"));
        assertEquals("Accuracy", old.caption("accuracy.png"));
        assertEquals("training — seed 181", old.caption("points/0/training.png"), "no chart of that name: its file name");
    }
}
