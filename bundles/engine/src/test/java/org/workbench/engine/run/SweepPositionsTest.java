package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.workbench.engine.descriptor.SweepAxis;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * Where a point's values first occur along their axes (whose point's seed a component's stream
 * takes): the position {@code values.indexOf(value)} finds, for every point, found without a scan
 * of the axis per point (which made a sweep's cost grow with the square of its points).
 */
class SweepPositionsTest {
    private static List<JsonElement> values(String json) {
        List<JsonElement> out = new ArrayList<>();
        JsonParser.parseString(json).getAsJsonArray().forEach(out::add);
        return out;
    }

    @Test
    void eachValueFirstOccursWhereIndexOfFindsIt() {
        List<JsonElement> v = values("[1, 2, 1.0, \"a\", \"a\", \"1\", {\"x\":1,\"y\":2}, {\"y\":2,\"x\":1}, -0.0, 0, true, "
                + "\"true\", true, [1,2], [1,2], null, 3.00, 3, 1e0, 2]");
        int[] first = SweepPositions.firstOccurrences(v);
        for (int i = 0; i < v.size(); i++) {
            assertEquals(v.indexOf(v.get(i)), first[i], "value " + i + ": " + v.get(i));
        }
    }

    @Test
    void aPointsPositionAlongEachAxisIsFoundFromItsCartesianIndex() {
        SweepAxis a = new SweepAxis("data", "n", values("[10, 20, 10]"), "$.sweep['data.n']");
        SweepAxis b = SweepAxis.seed(values("[5, 6, 7, 6]"), "$.sweep.seed");
        SweepAxis c = new SweepAxis("prior", "scale", values("[1]"), "$.sweep['prior.scale']");
        SweepPositions positions = SweepPositions.of(List.of(a, b, c));
        int index = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(a.values().indexOf(a.values().get(i)), positions.firstAt(index, 0));
                assertEquals(b.values().indexOf(b.values().get(j)), positions.firstAt(index, 1));
                assertEquals(0, positions.firstAt(index, 2));
                index++;
            }
        }
    }
}
