package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class EntryRowsTest {
    /** Problem 4's numbers table: epochs 1, 2 and the last three. */
    private static final String TABLE = """
            ## Numbers

            | epoch | test accuracy |
            |---|---|
            | {{results.epochs.0.epoch}} | {{results.epochs.0.testAccuracy:2}} |
            | {{results.epochs.1.epoch}} | {{results.epochs.1.testAccuracy:2}} |
            | {{results.epochs.-3.epoch}} | {{results.epochs.-3.testAccuracy:2}} |
            | {{results.epochs.-2.epoch}} | {{results.epochs.-2.testAccuracy:2}} |
            | {{results.epochs.-1.epoch}} | {{results.epochs.-1.testAccuracy:2}} |

            Accuracy {{results.epochs.-1.testAccuracy:2}}.""";

    private static JsonObject run(int epochs) {
        JsonArray a = new JsonArray();
        IntStream.rangeClosed(1, epochs).forEach(e -> {
            JsonObject o = new JsonObject();
            o.addProperty("epoch", e);
            o.addProperty("testAccuracy", 0.5 + e / 100.0);
            a.add(o);
        });
        JsonObject results = new JsonObject();
        results.add("epochs", a);
        JsonObject doc = new JsonObject();
        doc.add("results", results);
        return doc;
    }

    private static List<String> epochColumn(Placeholders.Filled f) {
        return f.text().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| epoch"))
                .map(l -> l.split("\\|")[1].strip()).toList();
    }

    @Test
    void everyEpochOnceWhateverTheRunsLength() {
        for (int n = 1; n <= 7; n++) {
            Placeholders.Filled f = Placeholders.filled(TABLE, run(n));
            List<String> expected = n <= 5 ? IntStream.rangeClosed(1, n).mapToObj(Integer::toString).toList()
                    : List.of("1", "2", Integer.toString(n - 2), Integer.toString(n - 1), Integer.toString(n));
            assertEquals(expected, epochColumn(f), n + " epochs");
            assertEquals(List.of(), f.notes(), "a left-out row leaves no dash behind");
            assertEquals(true, f.text().contains("|---|---|") && f.text().endsWith("Accuracy 0.5" + n + "."), f.text());
        }
    }

    @Test
    void tenEpochsShowOneTwoAndTheLastThree() {
        assertEquals(List.of("1", "2", "8", "9", "10"), epochColumn(Placeholders.filled(TABLE, run(10))));
    }

    @Test
    void aTableReadFromTheStartOnlyKeepsItsDashRows() {
        JsonObject doc = JsonParser.parseString("""
                {"points": [{"seed": 1, "results": {"epochs": [{"a": 1}, {"a": 2}]}}]}""").getAsJsonObject();
        Placeholders.Filled f = Placeholders.filled("""
                | seed | first | last |
                |---|---|---|
                | {{points.0.seed}} | {{points.0.results.epochs.0.a}} | {{points.0.results.epochs.-1.a}} |
                | {{points.1.seed}} | {{points.1.results.epochs.0.a}} | {{points.1.results.epochs.-1.a}} |""", doc);
        assertEquals(4, f.text().lines().count(), f.text());
        assertEquals(true, f.text().contains("| 1 | 1 | 2 |"), f.text());
        assertEquals(true, f.text().contains("| — | — | — |"), "points is read from the start only: " + f.text());
    }

    @Test
    void withoutARunNothingIsLeftOut() {
        assertEquals(11, Placeholders.filled(TABLE, null).text().lines().count());
    }
}
