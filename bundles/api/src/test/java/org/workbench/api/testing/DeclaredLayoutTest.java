package org.workbench.api.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.workbench.api.ComponentContext;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.ResultTree;
import org.workbench.api.Role;
import org.workbench.api.Task;
import org.workbench.api.TaskProvider;
import org.workbench.api.result.Chart;
import org.workbench.api.result.ResultLayout;
import org.workbench.api.result.Series;
import org.workbench.api.result.Table;

class DeclaredLayoutTest {
    private static TaskProvider declaring(ResultLayout layout) {
        return new TaskProvider() {
            @Override
            public List<Role<?>> roles() {
                return List.of();
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }

            @Override
            public Task create(Parameters parameters, ComponentContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ResultLayout layout() {
                return layout;
            }
        };
    }

    private static ResultTree run() {
        ResultTree r = new ResultTree().put("estimate", 3.1);
        r.append("trace", new ResultTree().put("samples", 10L).put("estimate", 3.2));
        return r;
    }

    @Test
    void aLayoutOfWrittenKeysPasses() {
        DeclaredLayout.assertMatch(declaring(ResultLayout.of(new Chart("estimate", "", "trace", "samples", "", "",
                List.of(Series.of("estimate", "estimate")))).with(new Table("summary", "", "", List.of(Series.of("estimate", "e"))))),
                List.of(run()));
    }

    @Test
    void aLayoutNamingKeysNeverWrittenFailsNamingThem() {
        AssertionError e = assertThrows(AssertionError.class, () -> DeclaredLayout.assertMatch(declaring(ResultLayout.of(
                new Chart("estimate", "", "trace", "samples", "", "", List.of(Series.of("error", "error"))))
                .with(new Table("epochs", "", "epochs", List.of(Series.of("seconds", "s"))))), List.of(run())));
        assertTrue(e.getMessage().contains("chart 'estimate': no object of 'trace' has a number at 'error'")
                && e.getMessage().contains("table 'epochs': no run has a list of objects at 'epochs'"), e.getMessage());
        assertThrows(AssertionError.class, () -> DeclaredLayout.assertMatch(declaring(ResultLayout.NONE), List.of(run())));
    }
}
