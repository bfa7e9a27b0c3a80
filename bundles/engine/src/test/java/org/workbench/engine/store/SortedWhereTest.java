package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditions on dotted keys answered as row-id sets, and pages sorted by a dotted key taken from the sort key's
 * index, and pages in the default order from the index by start time (ties, runs without the key, pages past the numeric values): every page is the slice of the whole order
 * that the plain SQL (the same condition under {@code not not}, which keeps it in SQL) gives.
 */
class SortedWhereTest {
    @TempDir
    static Path results;
    private static RunStore store;

    @BeforeAll
    static void runs() throws Exception {
        double[] scales = {0.1, 0.2, 0.3, 0.2, 0.1, 0.3, 0.2, 0.4, 0.1, 0.2, 0.3, 0.5};
        for (int i = 0; i < scales.length; i++) {
            FakeRuns.single(results, i % 2 == 0 ? "even" : "odd", "r" + i, scales[i], 0.01 * (i % 5),
                    String.format("2026-02-%02dT00:00:00Z", 1 + i % 4), false);
        }
        FakeRuns.sweep(results, "sweep", "s", new TreeMap<>(Map.of(0.1, 0.02, 0.3, 0.03, 2.0, 0.04)),
                "2026-02-09T00:00:00Z");
        store = RunStore.open(StoreLocation.of(results, Map.of()).url(), new Properties());
        StoreSync.sync(store, results);
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    @Test
    void sortedPagesOfRowIdSetsAreSlicesOfTheWholeOrder() throws Exception {
        List<String> wheres = List.of("prior.scale < 0.35", "prior.use = 'laplace' and prior.scale <= 0.3",
                "results.testMse.map >= 0.01 and prior.scale > 0.1", "prior.scale < 1 and experiment = 'even'",
                "no.such.key = 1");
        List<String> sorts = List.of("", "prior.scale", "-prior.scale", "-results.lambda", "results.testMse.map",
                "-results.testMse.map");
        for (String where : wheres) {
            for (String sort : sorts) {
                QueryAnswer whole = store.query(new RunQuery("not not (" + where + ")", sort, List.of(), 100, 0));
                List<String> all = names(whole);
                for (int limit = 1; limit <= 3; limit += 2) {
                    for (int offset = 0; offset <= all.size(); offset += limit + 1) {
                        QueryAnswer page = store.query(new RunQuery(where, sort, List.of("prior.scale"), limit, offset));
                        assertEquals(all.subList(offset, Math.min(all.size(), offset + limit)), names(page),
                                where + " sorted " + sort + ", limit " + limit + ", offset " + offset);
                        assertEquals(whole.total(), page.total(), where);
                    }
                }
            }
        }
    }

    @Test
    void theSortKeysTiesAreBrokenAsInTheWholeOrder() throws Exception {
        QueryAnswer page = store.query(new RunQuery("prior.scale = 0.2", "-prior.scale", List.of(), 2, 1));
        assertEquals(4, page.total());
        // the four runs tie on prior.scale: newest first, then by run
        assertEquals(List.of("even/r6", "odd/r1"), names(page));
        assertTrue(store.query(new RunQuery("prior.scale = 0.2", "-prior.scale", List.of(), 2, 4)).rows().isEmpty());
    }

    private static List<String> names(QueryAnswer answer) {
        return answer.rows().stream()
                .map(r -> r.experiment() + "/" + r.runId() + (r.point() == 0 ? "" : "#" + r.point())).toList();
    }
}
