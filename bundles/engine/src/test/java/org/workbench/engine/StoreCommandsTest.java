package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.cli.CommandContext;
import org.workbench.engine.cli.Commands;
import org.workbench.engine.cli.Versions;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.ActiveRuns;
import org.workbench.engine.store.RunQuery;
import org.workbench.engine.store.RunStore;
import org.workbench.engine.store.StoreLocation;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** runs, tag, untag, note and --json on the command line, outside a framework. */
class StoreCommandsTest {
    @TempDir
    Path folder;

    record Outcome(int status, String out, String err) {
    }

    private Outcome execute(String... args) {
        Commands commands = new Commands(new CommandContext(new FakeProviders(), new XChartRenderer(), Map.of("java", "test"),
                new Versions("1", "1", "none"), false, List::of, new ActiveRuns(),
                org.workbench.engine.catalog.BundleJars.NONE, System.out, System.err), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = commands.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path descriptor(String name, String values) throws Exception {
        return TestFiles.descriptor(folder, name + ".json", "{\"format\":1,\"name\":\"" + name + "\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\"},\"components\":{\"data\":{\"use\":\"values\",\"version\":\"[1,1.1)\","
                + "\"with\":{\"values\":" + values + "}}}}");
    }

    private String results() {
        return folder.resolve("results").toString();
    }

    @Test
    void runsTagsNotesAndQueries() throws Exception {
        Outcome first = execute("run", descriptor("small", "[1,2]").toString(), "--out", results(), "--quiet", "--json");
        assertEquals(0, first.status(), first.err());
        JsonObject run = JsonParser.parseString(first.out()).getAsJsonObject();
        assertEquals(0, run.get("status").getAsInt());
        Path result = Path.of(run.getAsJsonArray("descriptors").get(0).getAsJsonObject().get("result").getAsString());
        assertTrue(Files.isRegularFile(result), first.out());
        assertTrue(execute("run", descriptor("large", "[10,20,30]").toString(), "--out", results(), "--quiet").status() == 0);

        Outcome all = execute("runs", "--out", results(), "--json", "--columns", "results.sum", "--sort", "results.sum");
        assertEquals(0, all.status(), all.err());
        JsonObject answer = JsonParser.parseString(all.out()).getAsJsonObject();
        assertEquals(2, answer.get("total").getAsInt());
        JsonArray rows = answer.getAsJsonArray("runs");
        assertEquals("small", rows.get(0).getAsJsonObject().get("experiment").getAsString());
        String runId = result.getParent().getFileName().toString();

        Outcome tag = execute("tag", "--out", results(), runId, "final", "paper");
        assertEquals(0, tag.status(), tag.err());
        assertEquals(List.of("final", "paper"), List.of(Files.readString(result.resolveSibling("tags.json"))
                .replaceAll("[\\[\\]\"\\s]", "").split(",")));
        assertEquals(0, execute("untag", "--out", results(), "small/" + runId, "paper").status());
        assertEquals(0, execute("note", "--out", results(), result.toString(), "looks right").status());

        // the store exists now: a new run is indexed as it is published, without a sync
        assertEquals(0, execute("run", descriptor("third", "[5]").toString(), "--out", results(), "--quiet").status());
        try (RunStore store = RunStore.open(StoreLocation.of(folder.resolve("results"), Map.of()).url(), new Properties())) {
            assertEquals(3, store.query(new RunQuery("", null, List.of(), 10, 0)).total());
        }

        Outcome csv = execute("runs", "--out", results(), "--where", "tag = 'final' and note ~ 'right'", "--csv",
                "--columns", "results.sum,data.use");
        assertEquals(0, csv.status(), csv.err());
        String[] lines = csv.out().split("\r\n");
        assertEquals("experiment,run,point,set,status,task,started,durationMs,homework,tags,results.sum,data.use", lines[0]);
        assertEquals(2, lines.length, csv.out());
        assertTrue(lines[1].startsWith("small," + runId + ",0,,ok,sum,"), lines[1]);
        assertTrue(lines[1].endsWith(",false,final,3,values"), lines[1]);

        Outcome table = execute("runs", "--out", results(), "--where", "results.sum >= 5", "--columns", "results.sum");
        assertEquals(0, table.status(), table.err());
        assertTrue(table.out().startsWith("RUN"), table.out());
        assertEquals(3, table.out().strip().split("\n").length, table.out());

        Outcome bad = execute("runs", "--out", results(), "--where", "results.sum >> 5");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("at position 14"), bad.err());
        Outcome none = execute("tag", "--out", results(), "no-such-run", "x");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("no run 'no-such-run'"), none.err());
        Outcome badTag = execute("tag", "--out", results(), runId, "two words");
        assertEquals(2, badTag.status());
        assertTrue(badTag.err().contains("a tag is one word"), badTag.err());
    }

    @Test
    void listDescribeAndValidateAnswerInJson() throws Exception {
        JsonObject list = JsonParser.parseString(execute("list", "--json").out()).getAsJsonObject();
        assertTrue(list.getAsJsonArray("providers").size() > 3, list.toString());
        JsonObject first = list.getAsJsonArray("providers").get(0).getAsJsonObject();
        assertTrue(first.has("kind") && first.has("name") && first.has("version") && first.has("bundle"), first.toString());

        Outcome describe = execute("describe", "task/sum", "--json");
        assertEquals(0, describe.status(), describe.err());
        JsonObject sum = JsonParser.parseString(describe.out()).getAsJsonObject().getAsJsonArray("providers").get(0)
                .getAsJsonObject();
        assertEquals("sum", sum.get("name").getAsString());
        assertTrue(sum.has("roles") && sum.has("parameters"), sum.toString());

        Path bad = TestFiles.descriptor(folder, "bad.json", "{\"format\":1,\"name\":\"b\",\"task\":{\"use\":\"nope\"}}");
        Outcome validate = execute("validate", "--json", descriptor("ok", "[1]").toString(), bad.toString());
        assertEquals(2, validate.status());
        JsonObject v = JsonParser.parseString(validate.out()).getAsJsonObject();
        assertEquals(2, v.get("status").getAsInt());
        JsonObject good = v.getAsJsonArray("descriptors").get(0).getAsJsonObject();
        assertEquals(0, good.get("status").getAsInt());
        assertEquals(1, good.get("runs").getAsInt());
        JsonObject wrong = v.getAsJsonArray("descriptors").get(1).getAsJsonObject();
        assertEquals(2, wrong.get("status").getAsInt());
        assertTrue(wrong.get("message").getAsString().contains("nope"), wrong.toString());
    }
}
