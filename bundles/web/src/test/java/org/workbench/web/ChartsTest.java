package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A finished run's training curves mark the hot swaps its provenance records. */
class ChartsTest {
    private static JsonObject run(String swaps) {
        return JsonParser.parseString("{\"provenance\":{\"swaps\":" + swaps + "}}").getAsJsonObject();
    }

    @Test
    void aSwapAtAnEpochIsMarkedBetweenThatEpochAndTheOneBefore() {
        JsonObject doc = run("[{\"role\":\"optimizer\",\"fromVersion\":\"1.0.0\",\"toVersion\":\"1.1.0\","
                + "\"at\":\"epoch 13\"},{\"role\":\"loss\",\"at\":\"epoch 2\"}]");
        assertEquals(List.of(12.5, 1.5), Charts.swapMarks(doc, "epoch"));
    }

    @Test
    void swapsAtOtherSafePointsOrWithoutOneMarkNothing() {
        assertEquals(List.of(), Charts.swapMarks(run("[{\"at\":\"tau 0.5\"},{\"role\":\"optimizer\"}]"), "epoch"));
        assertEquals(List.of(), Charts.swapMarks(JsonParser.parseString("{}").getAsJsonObject(), "epoch"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLogAxisLeavesOutTheZeroPointWithTheNoteThePngCarries() {
        JsonObject doc = JsonParser.parseString("{\"points\":["
                + "{\"set\":{\"data.n\":0},\"results\":{\"predictive\":{\"variance\":5.0}}},"
                + "{\"set\":{\"data.n\":1},\"results\":{\"predictive\":{\"variance\":1.8}}},"
                + "{\"set\":{\"data.n\":10},\"results\":{\"predictive\":{\"variance\":1.1}}}],"
                + "\"provenance\":{\"effectiveDescriptor\":{\"plots\":[{\"name\":\"variance-vs-n\",\"x\":\"data.n\","
                + "\"y\":[\"predictive.variance\"],\"logX\":true}]}}}").getAsJsonObject();
        var chart = Charts.of(doc).get(0);
        assertEquals(List.of(1.0, 10.0), chart.get("x"));
        var series = (List<java.util.Map<String, Object>>) chart.get("series");
        assertEquals(List.of(1.8, 1.1), series.get(0).get("y"));
        assertEquals("1 point at x = 0 left out: the x axis is logarithmic", chart.get("note"));
        assertEquals("n (log scale; 0 left out)", chart.get("xLabel"));
        assertEquals("predictive variance Var(x | D)", series.get(0).get("label"));
    }

    /** The layout that train-classifier declares, as result.json carries it. */
    static final String TRAINING_LAYOUT = "{\"charts\":[{\"id\":\"loss\",\"title\":\"Loss\",\"list\":\"epochs\","
            + "\"x\":\"epoch\",\"xLabel\":\"epoch\",\"yLabel\":\"cross-entropy loss\",\"series\":["
            + "{\"key\":\"trainLoss\",\"label\":\"train loss\",\"unit\":\"nats\",\"digits\":4},"
            + "{\"key\":\"testLoss\",\"label\":\"test loss\",\"unit\":\"nats\",\"digits\":4}]},"
            + "{\"id\":\"accuracy\",\"title\":\"Accuracy\",\"list\":\"epochs\",\"x\":\"epoch\",\"xLabel\":\"epoch\","
            + "\"yLabel\":\"accuracy\",\"series\":[{\"key\":\"trainAccuracy\",\"label\":\"train accuracy\",\"unit\":\"\","
            + "\"digits\":4},{\"key\":\"testAccuracy\",\"label\":\"test accuracy\",\"unit\":\"\",\"digits\":4}]}],"
            + "\"tables\":[],\"draws\":[]}";

    @Test
    void trainingCurvesComeFromTheDeclaredLayoutAsTheyDidFromTheTasksKeys() {
        String epochs = "[{\"epoch\":1,\"trainLoss\":0.5,\"trainAccuracy\":0.8,\"testAccuracy\":0.79},"
                + "{\"epoch\":2,\"trainLoss\":0.4,\"trainAccuracy\":0.85,\"testAccuracy\":0.81}]";
        JsonObject doc = JsonParser.parseString("{\"task\":\"train-classifier\",\"results\":{\"epochs\":" + epochs
                + "},\"layout\":" + TRAINING_LAYOUT + ",\"provenance\":{\"swaps\":[{\"at\":\"epoch 2\"}]}}").getAsJsonObject();
        // what the pages drew when Charts knew train-classifier's keys (before the layout)
        String before = "[{\"title\":\"Loss\",\"xLabel\":\"epoch\",\"yLabel\":\"cross-entropy loss\",\"logX\":false,"
                + "\"logY\":false,\"x\":[1.0,2.0],\"series\":[{\"label\":\"train loss\",\"y\":[0.5,0.4]}],\"marks\":[1.5],"
                + "\"integerX\":true,\"id\":\"loss\"},{\"title\":\"Accuracy\",\"xLabel\":\"epoch\",\"yLabel\":\"accuracy\","
                + "\"logX\":false,\"logY\":false,\"x\":[1.0,2.0],\"series\":[{\"label\":\"train accuracy\",\"y\":[0.8,0.85]},"
                + "{\"label\":\"test accuracy\",\"y\":[0.79,0.81]}],\"marks\":[1.5],\"integerX\":true,\"id\":\"accuracy\"}]";
        assertEquals(before, Json.SAFE.toJson(Charts.of(doc)));
        doc.remove("layout");
        // without a layout (a run written before the key) the same curves are read from the series themselves,
        // grouped by their last word, with no task's keys known
        String inferred = "[{\"title\":\"Loss by epoch\",\"xLabel\":\"epoch\",\"yLabel\":\"loss\",\"logX\":false,"
                + "\"logY\":false,\"x\":[1.0,2.0],\"series\":[{\"label\":\"training loss\",\"y\":[0.5,0.4]}],\"marks\":[1.5],"
                + "\"integerX\":true,\"id\":\"epochs-loss\"},{\"title\":\"Accuracy by epoch\",\"xLabel\":\"epoch\","
                + "\"yLabel\":\"accuracy\",\"logX\":false,\"logY\":false,\"x\":[1.0,2.0],\"series\":[{\"label\":"
                + "\"training accuracy\",\"y\":[0.8,0.85]},{\"label\":\"test accuracy\",\"y\":[0.79,0.81]}],\"marks\":[1.5],"
                + "\"integerX\":true,\"id\":\"epochs-accuracy\"}]";
        assertEquals(inferred, Json.SAFE.toJson(Charts.of(doc)));
        doc.add("layout", JsonParser.parseString("{\"charts\":[{\"id\":\"Bad\"}]}"));
        assertEquals(List.of(), Charts.of(doc), "a layout no reader can follow draws nothing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anyTaskGetsTheChartsItDeclaresWithItsLabelsAndUnits() {
        JsonObject doc = JsonParser.parseString("{\"task\":\"coin-flips\",\"results\":{\"trace\":{\"steps\":["
                + "{\"flips\":10,\"estimate\":0.6},{\"flips\":20,\"estimate\":0.55}]}},\"layout\":{\"charts\":[{"
                + "\"id\":\"estimate\",\"title\":\"Estimate\",\"list\":\"trace.steps\",\"x\":\"flips\",\"xLabel\":\"flips\","
                + "\"yLabel\":\"\",\"series\":[{\"key\":\"estimate\",\"label\":\"estimate\",\"unit\":\"probability\","
                + "\"digits\":4}]}],\"tables\":[],\"draws\":[]}}").getAsJsonObject();
        List<java.util.Map<String, Object>> charts = Charts.of(doc);
        assertEquals(1, charts.size());
        assertEquals(List.of(10.0, 20.0), charts.get(0).get("x"));
        assertEquals("probability", charts.get(0).get("yLabel"));
        var series = (List<java.util.Map<String, Object>>) charts.get(0).get("series");
        assertEquals(List.of(0.6, 0.55), series.get(0).get("y"));
        assertEquals("estimate", charts.get(0).get("id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSweepOverProvidersHasOnePointPerCategoryOnANamedAxis() {
        JsonObject doc = JsonParser.parseString("{\"points\":["
                + "{\"set\":{\"prior.use\":\"laplace\"},\"results\":{\"map\":2.0}},"
                + "{\"set\":{\"prior.use\":\"gaussian\"},\"results\":{\"map\":1.0}},"
                + "{\"set\":{\"prior.use\":\"laplace\"},\"results\":{\"map\":3.0}}],"
                + "\"provenance\":{\"effectiveDescriptor\":{\"plots\":[{\"name\":\"map-by-prior\",\"x\":\"prior.use\","
                + "\"y\":[\"map\"],\"logX\":true}]}}}").getAsJsonObject();
        var chart = Charts.of(doc).get(0);
        assertEquals(List.of("laplace", "gaussian"), chart.get("categories"));
        assertEquals(List.of(0.0, 0.0, 1.0), chart.get("x"), "each point at its category, in order");
        var series = (List<java.util.Map<String, Object>>) chart.get("series");
        assertEquals(List.of(2.0, 3.0, 1.0), series.get(0).get("y"));
        assertEquals(false, chart.get("logX"), "a named axis is not logarithmic");
    }

    @Test
    void componentObjectsAreNamedByProviderAndNumbersKeepANumericAxis() {
        assertEquals(List.of("laplace (scale = 0.5)", "gaussian"), Charts.categories(List.of(
                JsonParser.parseString("{\"use\":\"laplace\",\"with\":{\"scale\":0.5}}"),
                JsonParser.parseString("{\"use\":\"gaussian\"}"))));
        assertEquals(null, Charts.categories(List.of(JsonParser.parseString("1"), JsonParser.parseString("10"))));
    }
}
