package org.workbench.engine.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.workbench.api.Parameter;

import com.google.gson.JsonObject;

/** A {@code path} parameter that no file can have is invalid input naming the file and the JSON path. */
class ParameterBinderPathTest {
    private static final Path DESCRIPTOR = Path.of("/work/d.json");
    private static final List<Parameter> DECLARED = List.of(Parameter.path("path", "a CSV file"));

    private static InvalidInputException refused(String path) {
        JsonObject with = new JsonObject();
        with.addProperty("path", path);
        return assertThrows(InvalidInputException.class, () -> new ParameterBinder(DESCRIPTOR, Path.of("/work"))
                .bind(DECLARED, with, "$.components.data.with", "data 'csv' 1.0.0"));
    }

    @Test
    void aNulCharacterIsNamedWithItsPositionFileAndJsonPath() {
        InvalidInputException e = refused("data\u0000.csv");
        assertEquals("$.components.data.with.path", e.jsonPath());
        assertEquals("/work/d.json: $.components.data.with.path: data 'csv' 1.0.0: parameter 'path' holds the control "
                + "character \\u0000 at position 5 (NUL, which no file name can hold); give the path of a file, "
                + "relative to the descriptor's folder or absolute", e.report());
    }

    @Test
    void otherControlCharactersAndAnEmptyPathAreRefused() {
        assertEquals("$.components.data.with.path", refused("a\nb.csv").jsonPath());
        assertEquals("$.components.data.with.path", refused("").jsonPath());
    }

    @Test
    void aRelativePathResolvesAgainstTheDescriptorsFolder() throws Exception {
        JsonObject with = new JsonObject();
        with.addProperty("path", "sub/../data.csv");
        assertEquals(Path.of("/work/data.csv"), new ParameterBinder(DESCRIPTOR, Path.of("/work"))
                .bind(DECLARED, with, "$.components.data.with", "data 'csv' 1.0.0").path("path"));
    }
}
