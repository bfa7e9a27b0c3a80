package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Role;
import org.workbench.engine.schema.DescriptorSchema;

import com.google.gson.JsonObject;

class DescriptorSchemaTest {
    interface Labelled extends DataSource {
    }

    private static JsonObject schema() {
        FakeProviders registry = new FakeProviders();
        registry.add(Kinds.TASK, "labelled", "1.0.0", new FakeProviders.SumTaskProvider() {
            @Override
            public List<Role<?>> roles() {
                return List.of(Role.one("data", Kinds.DATA, Labelled.class),
                        Role.optional("extra", Kinds.DATA, DataSource.class));
            }
        });
        registry.add(Kinds.DATA, "labels", "1.0.0", new Provider<Labelled>() {
            @Override
            public List<Parameter> parameters() {
                return List.of(Parameter.string("mode", "how").withDefault("a").oneOf("a", "b"));
            }

            @Override
            public Labelled create(Parameters p, ComponentContext c) {
                return () -> Dataset.values(new double[] {1});
            }
        });
        registry.addBroken(Kinds.DATA, "broken", "1.0.0");
        return new DescriptorSchema(registry).build();
    }

    @Test
    void everyProviderIsDescribedWithItsParametersRangesChoicesAndDefaults() {
        JsonObject defs = schema().getAsJsonObject("$defs");
        JsonObject values = defs.getAsJsonObject("data.values");
        assertTrue(values.get("description").getAsString().contains("installed: 1.0.0, 1.2.0, 2.0.0"), values.toString());
        JsonObject noise = values.getAsJsonObject("properties").getAsJsonObject("with").getAsJsonObject("properties")
                .getAsJsonObject("noise");
        assertEquals("number", noise.get("type").getAsString());
        assertEquals(0, noise.get("minimum").getAsInt());
        assertEquals(0.0, noise.get("default").getAsDouble());
        JsonObject mode = defs.getAsJsonObject("data.labels").getAsJsonObject("properties").getAsJsonObject("with")
                .getAsJsonObject("properties").getAsJsonObject("mode");
        assertEquals("[\"a\",\"b\"]", mode.get("enum").toString());
        assertFalse(defs.has("data.broken"), "a provider that cannot be activated is left out");
    }

    @Test
    void aTypedRoleOffersOnlyTheProvidersThatFitAndRequiredRolesAreRequired() {
        JsonObject components = schema().getAsJsonObject("$defs").getAsJsonObject("task.labelled.components");
        String data = components.getAsJsonObject("properties").getAsJsonObject("data").toString();
        assertTrue(data.contains("#/$defs/data.labels") && !data.contains("#/$defs/data.values"), data);
        String extra = components.getAsJsonObject("properties").getAsJsonObject("extra").toString();
        assertTrue(extra.contains("#/$defs/data.labels") && extra.contains("#/$defs/data.values"), extra);
        assertEquals("[\"data\"]", components.get("required").toString());
        assertFalse(components.get("additionalProperties").getAsBoolean());
    }

    @Test
    void theTopLevelNamesTheTasksAndAcceptsSchemaAndTheDescriptorKeys() {
        JsonObject s = schema();
        assertEquals(DescriptorSchema.DIALECT, s.get("$schema").getAsString());
        JsonObject properties = s.getAsJsonObject("properties");
        for (String key : List.of("$schema", "format", "name", "title", "description", "seed", "task", "components",
                "sweep", "plots", "hotSwap", "swaps")) {
            assertTrue(properties.has(key), key);
        }
        String tasks = properties.getAsJsonObject("task").getAsJsonObject("properties").getAsJsonObject("use")
                .get("enum").toString();
        assertTrue(tasks.contains("\"sum\"") && tasks.contains("\"labelled\""), tasks);
        assertEquals(2, s.getAsJsonArray("allOf").size(), "one rule per task");
        JsonObject condition = s.getAsJsonArray("allOf").get(0).getAsJsonObject().getAsJsonObject("if");
        assertEquals("[\"task\"]", condition.get("required").toString(), "a rule applies only when the task is named");
    }
}
