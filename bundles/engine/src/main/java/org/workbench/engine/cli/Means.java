package org.workbench.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The mean test loss and accuracy of a sweep's point evaluations, and the accuracy's sample standard deviation. */
final class Means {
    private Means() {
    }

    /** {@code points}, {@code testLoss}, {@code testAccuracy}, {@code testAccuracySd} (0 for one point) of {@code evaluations}. */
    static JsonObject of(JsonArray evaluations) {
        int n = evaluations.size();
        double loss = 0;
        double accuracy = 0;
        for (JsonElement e : evaluations) {
            loss += e.getAsJsonObject().get("testLoss").getAsDouble();
            accuracy += e.getAsJsonObject().get("testAccuracy").getAsDouble();
        }
        loss /= n;
        accuracy /= n;
        double squares = 0;
        for (JsonElement e : evaluations) {
            double d = e.getAsJsonObject().get("testAccuracy").getAsDouble() - accuracy;
            squares += d * d;
        }
        JsonObject m = new JsonObject();
        m.addProperty("points", n);
        m.addProperty("testLoss", loss);
        m.addProperty("testAccuracy", accuracy);
        m.addProperty("testAccuracySd", n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0);
        return m;
    }
}
