package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.workbench.api.result.Chart;
import org.workbench.api.result.Draws;
import org.workbench.api.result.ResultLayout;
import org.workbench.api.result.RunSummary;
import org.workbench.api.result.Table;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The published contract of {@code result.json}, checked on a real result: valid against the JSON Schema
 * that {@code schema} writes (with networknt's validator), readable by the API's read model
 * ({@link RunSummary}, {@link ResultLayout}), and every key its layout declares present in its results.
 */
final class ResultContract {
    private final Schema schema;

    private ResultContract(Schema schema) {
        this.schema = schema;
    }

    /** The contract of the schema file that {@code schema} wrote. */
    static ResultContract of(Path schemaFile) throws IOException {
        return new ResultContract(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(schemaFile), InputFormat.JSON));
    }

    /** The contract of the schema that {@code schema --result} of this launcher writes into {@code folder}. */
    static ResultContract of(Launcher launcher, Path folder) throws Exception {
        Path file = folder.resolve("result.schema.json");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = launcher.execute(new String[] { "schema", "--result", file.toString() },
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), new java.io.PrintStream(err, true));
        assertEquals(0, status, err.toString());
        return of(file);
    }

    /** The validator's messages for a JSON text (empty when it is valid). */
    List<String> errors(String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /** Checks one {@code result.json}, and returns its summary. */
    RunSummary check(Path result) throws IOException {
        String json = Files.readString(result);
        assertEquals(List.of(), errors(json), result + " against result.schema.json");
        Map<String, Object> doc = new Gson().fromJson(json, new TypeToken<Map<String, Object>>() { }.getType());
        RunSummary summary = RunSummary.of(doc);
        ResultLayout layout = summary.layout();
        for (Draws d : layout.draws()) {
            assertTrue(!Files.exists(result.resolveSibling(d.file())) || summary.artifacts().contains(d.file()),
                    result + ": draws file " + d.file() + " is not among the artifacts");
        }
        if (summary.swept()) {
            return summary;
        }
        Object results = doc.get("results");
        for (Chart c : layout.charts()) {
            List<?> rows = list(at(results, c.list()), result, c.list());
            for (Object row : rows) {
                assertTrue(at(row, c.x()) instanceof Number, result + ": chart " + c.id() + ": x " + c.x() + " in " + row);
                assertTrue(c.series().stream().anyMatch(s -> at(row, s.key()) instanceof Number),
                        result + ": chart " + c.id() + " has no number of its series in " + row);
            }
        }
        for (Table t : layout.tables()) {
            List<?> rows = t.overList() ? list(at(results, t.list()), result, t.list()) : List.of(results);
            for (Object row : rows) {
                t.columns().forEach(s -> assertTrue(row instanceof Map<?, ?> m && (at(m, s.key()) != null
                        || containsPath(m, s.key())), result + ": table " + t.id() + ": no " + s.key() + " in " + row));
            }
        }
        return summary;
    }

    private static List<?> list(Object value, Path result, String key) {
        assertTrue(value instanceof List<?>, result + ": the layout's list results." + key + " is not a list");
        return (List<?>) value;
    }

    private static boolean containsPath(Map<?, ?> m, String key) {
        int dot = key.lastIndexOf('.');
        Object parent = dot < 0 ? m : at(m, key.substring(0, dot));
        return parent instanceof Map<?, ?> p && p.containsKey(key.substring(dot + 1));
    }

    static Object at(Object root, String dotted) {
        Object node = root;
        for (String part : dotted.split("\\.")) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(part);
        }
        return node;
    }
}
