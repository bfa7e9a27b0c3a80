package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.catalog.Origin;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.ThirdParty;

import com.google.gson.JsonObject;

/**
 * {@code "origin": "built-in"} takes the distribution's providers only, whatever a plugin's version;
 * without it the highest version wins and a third-party provider is named and recorded.
 */
class BuiltInOnlyTest {
    @TempDir
    Path folder;

    /** The fake registry, where version 2.0.0 of data 'values' comes from a plugin jar. */
    private final ProviderSource source = new ProviderSource() {
        private final FakeProviders fake = new FakeProviders();

        @Override
        public List<ProviderEntry> entries() {
            return fake.entries();
        }

        @Override
        public Origin origin(ProviderEntry e) {
            return e.version().getMajor() >= 2 ? new Origin(false, "/plugins/values-2.jar", "ab12", "outside the distribution")
                    : Origin.UNCHECKED;
        }
    };

    private Plan plan(String origin, String version) throws Exception {
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1," + origin + "\"name\":\"x\",\"task\":{\"use\":"
                + "\"sum\"},\"components\":{\"data\":{\"use\":\"values\"" + version + ",\"with\":{\"values\":[1]}}}}");
        return new Planner(new ProviderResolver(source)).plan(new DescriptorParser().parse(file, List.of()));
    }

    @Test
    void builtInOnlyPassesOverAHigherPluginAndSaysSo() throws Exception {
        Plan p = plan("\"origin\":\"built-in\",", "");
        assertEquals("1.2.0", p.components().get("data").get(0).entry().version().toString());
        assertTrue(ThirdParty.uses(p, source).isEmpty());
        List<String> notes = ThirdParty.passedOver(p, source);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("data 'values' 2.0.0") && notes.get(0).contains("passed over"), notes.get(0));
    }

    @Test
    void withoutOriginThePluginWinsAndIsRecorded() throws Exception {
        Plan p = plan("", "");
        assertEquals("2.0.0", p.components().get("data").get(0).entry().version().toString());
        List<ThirdParty.Use> uses = ThirdParty.uses(p, source);
        assertEquals(1, uses.size());
        assertTrue(ThirdParty.notes(uses).get(0).startsWith("data: third-party code: data 'values' 2.0.0 from bundle"
                + " test.values 2.0.0 (/plugins/values-2.jar: outside the distribution)"), ThirdParty.notes(uses).get(0));
        JsonObject recorded = ThirdParty.json(uses).get(0).getAsJsonObject();
        assertEquals("data", recorded.get("role").getAsString());
        assertEquals("test.values", recorded.get("bundle").getAsString());
        assertEquals("2.0.0", recorded.get("version").getAsString());
        assertEquals("/plugins/values-2.jar", recorded.get("location").getAsString());
        assertTrue(ThirdParty.passedOver(p, source).isEmpty());
    }

    @Test
    void builtInOnlyRefusesWhenOnlyAPluginIsInRange() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> plan("\"origin\":\"built-in\",", ",\"version\":\"[2,3)\""));
        assertEquals("$.components.data.use", e.jsonPath());
        assertTrue(e.getMessage().contains("takes built-in providers only") && e.getMessage().contains("outside the"
                + " distribution") && e.getMessage().contains("--set origin=any"), e.getMessage());
    }

    @Test
    void anUnknownOriginIsInvalid() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> plan("\"origin\":\"plugins\",", ""));
        assertEquals("$.origin", e.jsonPath());
        assertTrue(e.getMessage().contains("\"built-in\"") && e.getMessage().contains("\"any\""), e.getMessage());
    }
}
