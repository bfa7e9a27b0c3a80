package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which conditions of a --where are answered as row-id sets, and how the sets combine. */
class RowIdPlanTest {
    @Test
    void theTopLevelAndsDottedKeysAreSetsTheRestStaysSql() throws Exception {
        RowIdPlan plan = RowIdPlan.of(WhereParser.parse(
                "prior.scale < 0.5 and (results.map > 1 or experiment = 'x') and status = 'ok' and seed = 3"));
        assertEquals(List.of("prior.scale", "seed"), plan.sets().stream().map(Where.Comparison::key).toList());
        Where.Junction rest = assertInstanceOf(Where.Junction.class, plan.rest());
        assertTrue(rest.all());
        assertEquals(2, rest.parts().size());
    }

    @Test
    void orAndNotKeepTheirDottedKeysInSql() throws Exception {
        assertTrue(RowIdPlan.of(WhereParser.parse("prior.scale < 0.5 or results.map > 1")).sets().isEmpty());
        assertTrue(RowIdPlan.of(WhereParser.parse("not prior.scale = 1")).sets().isEmpty());
        RowIdPlan alone = RowIdPlan.of(WhereParser.parse("prior.use = 'laplace'"));
        assertEquals(1, alone.sets().size());
        assertInstanceOf(Where.Everything.class, alone.rest());
        assertInstanceOf(Where.Everything.class, RowIdPlan.of(WhereParser.parse("")).rest());
    }

    @Test
    void setsAreSortedDistinctAndIntersect() {
        long[] a = RowIdSets.distinct(new long[] {5, -3, 9, 5, 1, 77}, 5);
        assertArrayEquals(new long[] {-3, 1, 5, 9}, a);
        assertArrayEquals(new long[] {1, 9}, RowIdSets.intersect(a, new long[] {-7, 1, 2, 9, 10}));
        assertArrayEquals(new long[0], RowIdSets.intersect(a, new long[0]));
    }
}
