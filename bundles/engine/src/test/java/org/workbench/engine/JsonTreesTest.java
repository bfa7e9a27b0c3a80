package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.workbench.api.ResultTree;
import org.workbench.engine.output.JsonTrees;
import org.workbench.engine.output.JsonValues;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class JsonTreesTest {
    @Test
    void aTreeThatTravelledAsTextWritesTheSameJsonAgain() {
        ResultTree epoch = new ResultTree().put("epoch", 1L).put("loss", 0.25);
        ResultTree t = new ResultTree().put("n", 3L).put("mean", 1.0).put("tiny", 1e-300).put("negativeZero", -0.0)
                .put("w", new double[] {1.0, -2.5, 3e10}).put("m", new double[][] {{1, 2}, {3, 4}})
                .put("ok", true).put("name", "x").putList("shapes", List.of("a", "b")).putList("sizes", List.of(1L, 2L))
                .undefined("mle", "no data").append("epochs", epoch).append("epochs", epoch)
                .put("nested.deep.value", 0.1 + 0.2);
        JsonObject json = JsonValues.tree(t);
        JsonObject again = JsonValues.tree(JsonTrees.tree(JsonParser.parseString(json.toString()).getAsJsonObject()));
        assertEquals(json.toString(), again.toString());
    }
}
