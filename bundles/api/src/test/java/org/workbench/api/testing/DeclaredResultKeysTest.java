package org.workbench.api.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
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

class DeclaredResultKeysTest {
    private static TaskProvider declaring(String... keys) {
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
            public List<String> resultKeys() {
                return List.of(keys);
            }
        };
    }

    private static final ResultTree WRITTEN = new ResultTree().put("a.b", 1.0).put("g.W1", new double[] {1})
            .undefined("r", "0/0").append("epochs", new ResultTree().put("loss", 1.0));

    @Test
    void patternsMatchDottedKeysListFieldsAndAnythingBelow() {
        DeclaredResultKeys.assertMatch(declaring("a.b", "g.*", "r", "epochs[].loss"), List.of(WRITTEN));
        assertTrue(DeclaredResultKeys.matches("g.*", "g.batch.x"));
        assertFalse(DeclaredResultKeys.matches("g.*", "g"));
        assertFalse(DeclaredResultKeys.matches("a.b", "a.b.c"));
    }

    @Test
    void aKeyWrittenButNotDeclaredOrDeclaredButNeverWrittenFails() {
        AssertionError missing = assertThrows(AssertionError.class,
                () -> DeclaredResultKeys.assertMatch(declaring("a.b", "g.*", "r"), List.of(WRITTEN)));
        assertTrue(missing.getMessage().contains("written but not declared: [epochs[].loss]"), missing.getMessage());
        AssertionError stale = assertThrows(AssertionError.class, () -> DeclaredResultKeys.assertMatch(
                declaring("a.b", "g.*", "r", "epochs[].loss", "a.c"), List.of(WRITTEN)));
        assertTrue(stale.getMessage().contains("declared but never written: [a.c]"), stale.getMessage());
    }
}
