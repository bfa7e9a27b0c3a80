package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.workbench.engine.input.InvalidInputException;

/** The query language: a table of expressions with the rows they answer, and of faulty ones with their messages. */
class WhereQueryTest {
    @TempDir
    static Path results;
    private static RunStore store;

    @BeforeAll
    static void runs() throws Exception {
        FakeRuns.single(results, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        FakeRuns.single(results, "p2-5", "b", 0.5, 0.02, "2026-01-02T00:00:00Z", true);
        FakeRuns.single(results, "p1-1", "c", 2.0, 0.3, "2026-01-03T00:00:00Z", false);
        TreeMap<Double, Double> points = new TreeMap<>(Map.of(0.1, 0.05, 1.0, 0.01));
        FakeRuns.sweep(results, "p2-5-sweep", "d", points, "2026-01-04T00:00:00Z");
        RunAnnotations.retag(results.resolve("p2-5/a"), List.of("final"), List.of());
        RunAnnotations.note(results.resolve("p1-1/c"), "Odd Result: check the data");
        store = RunStore.open(StoreLocation.of(results, Map.of()).url(), new Properties());
        StoreSync.sync(store, results);
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    static Stream<Arguments> expressions() {
        return Stream.of(
                Arguments.of("", "p2-5-sweep/d#1 p2-5-sweep/d#2 p1-1/c p2-5/b p2-5/a"),
                Arguments.of("experiment = 'p2-5'", "p2-5/b p2-5/a"),
                Arguments.of("prior.scale < 0.5", "p2-5-sweep/d#1 p2-5/a"),
                Arguments.of("prior.scale <= 0.5", "p2-5-sweep/d#1 p2-5/b p2-5/a"),
                Arguments.of("prior.scale >= 1 and results.testMse.map < 0.1", "p2-5-sweep/d#2"),
                Arguments.of("experiment = 'p2-5' and prior.scale < 0.5 and results.testMse.map > 0.03", "p2-5/a"),
                Arguments.of("tag = 'final'", "p2-5/a"),
                Arguments.of("tag != 'final' and experiment = 'p2-5'", "p2-5/b"),
                Arguments.of("not experiment = 'p2-5' and not experiment = 'p2-5-sweep'", "p1-1/c"),
                Arguments.of("homework = false", "p2-5/b"),
                Arguments.of("note ~ 'odd result'", "p1-1/c"),
                Arguments.of("experiment ~ 'SWEEP'", "p2-5-sweep/d#1 p2-5-sweep/d#2"),
                Arguments.of("prior.use = 'laplace' and likelihood.variance = 1", "p2-5-sweep/d#1 p2-5-sweep/d#2 p1-1/c p2-5/b p2-5/a"),
                Arguments.of("prior.version != '1.0.0'", ""),
                Arguments.of("results.converged = true", "p1-1/c p2-5/b p2-5/a"),
                Arguments.of("(prior.scale = 0.1 or prior.scale = 2) and status = 'ok'", "p2-5-sweep/d#1 p1-1/c p2-5/a"),
                Arguments.of("task.replications = 200 AND duration > 1000 OR tag = 'none'", "p2-5-sweep/d#1 p2-5-sweep/d#2 p1-1/c p2-5/b p2-5/a"),
                Arguments.of("started >= '2026-01-03'", "p2-5-sweep/d#1 p2-5-sweep/d#2 p1-1/c"),
                Arguments.of("results.lambda > 1.5", "p2-5/b p2-5/a"),
                Arguments.of("results.w > 0", ""),
                Arguments.of("no.such.key = 1", ""),
                Arguments.of("run = 'it''s'", ""),
                Arguments.of("seed = 8", "p2-5-sweep/d#2"),
                Arguments.of("seed = 2505", "p1-1/c p2-5/b p2-5/a"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("expressions")
    void answers(String where, String expected) throws Exception {
        QueryAnswer answer = store.query(new RunQuery(where, null, List.of(), 100, 0));
        assertEquals(expected, names(answer));
        assertEquals(answer.rows().size(), answer.total());
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("prior.scale << 0.5", "at position 14: expected a value"),
                Arguments.of("prior.scale 0.5", "at position 13: expected an operator (=, !=, <, <=, >, >=, ~) after 'prior.scale'"),
                Arguments.of("experiment = p2", "at position 14: expected a value"),
                Arguments.of("experiment = 'p2", "at position 14: the text starting here has no closing '"),
                Arguments.of("colour = 'red'", "at position 1: no key 'colour'; a key is one of experiment, run,"),
                Arguments.of("prior.scale < 0.5 and", "at position 22: expected a key"),
                Arguments.of("(tag = 'a'", "at position 11: expected ')'"),
                Arguments.of("tag = 'a' tag = 'b'", "at position 11: expected 'and', 'or' or the end, got 'tag'"),
                Arguments.of("homework = 'yes'", "'homework' is true or false"),
                Arguments.of("duration > 'long'", "'duration' is a number"),
                Arguments.of("status = ok", "text needs quotes: 'ok'"),
                Arguments.of("prior.scale ~ 1", "'~' (contains) needs a quoted text"),
                Arguments.of("results.converged < true", "true and false compare only with = and !="),
                Arguments.of("prior..scale = 1", "is not a key"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("faults")
    void faultsNamePositionAndWhatIsValid(String where, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> WhereParser.parse(where));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("--where \"" + where + "\": at position"), e.getMessage());
    }

    @Test
    void sortsByAKeyWithMissingValuesLast() throws Exception {
        assertEquals("p2-5-sweep/d#1 p2-5/a p2-5/b p2-5-sweep/d#2 p1-1/c",
                names(store.query(new RunQuery("", "prior.scale", List.of(), 100, 0))));
        assertEquals("p1-1/c p2-5-sweep/d#1 p2-5/a p2-5/b p2-5-sweep/d#2",
                names(store.query(new RunQuery("", "-results.testMse.map", List.of(), 100, 0))));
        assertEquals("p1-1/c p2-5/b p2-5/a p2-5-sweep/d#1 p2-5-sweep/d#2",
                names(store.query(new RunQuery("", "experiment", List.of(), 100, 0))));
    }

    @Test
    void pagesAndColumns() throws Exception {
        QueryAnswer page = store.query(new RunQuery("", "prior.scale", List.of("prior.scale", "results.testMse.map",
                "prior.use", "no.such"), 2, 1));
        assertEquals(5, page.total());
        assertEquals("p2-5/a p2-5/b", names(page));
        assertEquals(Map.of("prior.scale", 0.1, "results.testMse.map", 0.04, "prior.use", "laplace"),
                page.rows().get(0).values());
        QueryAnswer sweep = store.query(new RunQuery("experiment = 'p2-5-sweep'", "prior.scale",
                List.of("prior.scale", "results.testMse.map"), 10, 0));
        assertEquals(1.0, sweep.rows().get(1).values().get("prior.scale"));
        assertEquals(0.01, sweep.rows().get(1).values().get("results.testMse.map"));
        assertEquals("prior.scale=1.0", sweep.rows().get(1).label());
        assertEquals(List.of("final"), store.query(new RunQuery("run = 'a'", null, List.of(), 10, 0)).rows().get(0).tags());
    }

    @Test
    void badSortKeyIsInvalidInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> store.query(new RunQuery("", "colour", List.of(), 10, 0)));
        assertTrue(e.getMessage().contains("--sort: no key 'colour'"), e.getMessage());
    }

    /** The default order's pages (newest runs first) are slices of the whole order, sweep points included. */
    @Test
    void defaultOrderPagesAreSlicesOfTheWholeOrder() throws Exception {
        QueryAnswer whole = store.query(new RunQuery("", null, List.of(), 100, 0));
        List<String> all = List.of(names(whole).split(" "));
        assertTrue(all.stream().anyMatch(n -> n.contains("#2")), "a sweep's points: " + all);
        QueryAnswer filtered = store.query(new RunQuery("not run = 'no such run'", null, List.of(), 100, 0));
        assertEquals(names(whole), names(filtered), "the same order through the general query");
        for (int limit = 1; limit <= 3; limit++) {
            for (int offset = 0; offset <= all.size(); offset++) {
                QueryAnswer page = store.query(new RunQuery("", null, List.of(), limit, offset));
                assertEquals(String.join(" ", all.subList(offset, Math.min(all.size(), offset + limit))), names(page),
                        "limit " + limit + ", offset " + offset);
                assertEquals(whole.total(), page.total());
            }
        }
    }

    private static String names(QueryAnswer answer) {
        return String.join(" ", answer.rows().stream()
                .map(r -> r.experiment() + "/" + r.runId() + (r.point() == 0 ? "" : "#" + r.point())).toList());
    }
}
