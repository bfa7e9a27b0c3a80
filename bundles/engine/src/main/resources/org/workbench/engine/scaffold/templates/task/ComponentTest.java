package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.Parameters;
import org.workbench.api.ResultTree;
import org.workbench.api.testing.DeclaredLayout;
import org.workbench.api.testing.DeclaredResultKeys;
import org.workbench.api.testing.TestTaskContext;

class {{exampleClass}}Test {
    @TempDir
    Path folder;

    private ResultTree run(long seed, long samples, int checkpoints) throws Exception {
        TestTaskContext context = new TestTaskContext(seed, Parameters.of(Map.of()), folder);
        new {{exampleClass}}(samples, checkpoints).run(context);
        return context.results();
    }

    @Test
    void theEstimateIsWithinFourStandardErrorsOfPi() throws Exception {
        ResultTree r = run(7, 200_000, 4);
        assertEquals(200_000L, ((Number) r.get("samples")).longValue());
        assertTrue(Math.abs(r.number("estimate") - Math.PI) < 4 * r.number("stderr"), r.toString());
        assertEquals(4, ((List<?>) r.get("trace")).size());
    }

    @Test
    void aSeedRepeatsTheRun() throws Exception {
        assertEquals(run(11, 1000, 2).number("estimate"), run(11, 1000, 2).number("estimate"));
    }

    @Test
    void itWritesTheKeysItDeclaresAndTheLayoutNamesOnlyThose() throws Exception {
        List<ResultTree> runs = List.of(run(3, 1000, 5));
        DeclaredResultKeys.assertMatch(new {{className}}Provider(), runs);
        DeclaredLayout.assertMatch(new {{className}}Provider(), runs);
    }
}
