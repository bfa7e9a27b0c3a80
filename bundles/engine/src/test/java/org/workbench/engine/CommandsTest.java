package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.Kinds;
import org.workbench.engine.cli.CommandContext;
import org.workbench.engine.cli.Commands;
import org.workbench.engine.cli.Versions;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.ActiveRuns;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The command line as a user types it: help, version, errors, overrides, sweeps, list. */
class CommandsTest {
    @TempDir
    Path folder;

    record Outcome(int status, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    /** What {@code serve} was asked for, by the last command line that reached the server. */
    private String served;

    private Outcome execute(String... args) {
        FakeProviders providers = new FakeProviders().add(Kinds.DATA, "a-data-source-with-a-long-name", "1.0.0",
                new FakeProviders.ValuesProvider(1));
        Commands commands = new Commands(new CommandContext(providers, new XChartRenderer(), Map.of("java", "test"),
                new Versions("1.2.3", "1.1.0", "felix 7"), false, List::of, new ActiveRuns(), org.workbench.engine.catalog.BundleJars.NONE, System.out, System.err),
                (port, results, experiments, out, err) -> {
                    served = port + " " + results + " " + experiments;
                    return 0;
                });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = commands.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path descriptor() throws Exception {
        return TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"exp\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\"},\"components\":{\"data\":{\"use\":\"values\",\"version\":\"[1,1.1)\","
                + "\"with\":{\"values\":[1,2,3]}}}}");
    }

    private JsonObject result(Outcome o) throws Exception {
        assertEquals(0, o.status(), o.err());
        return JsonParser.parseString(Files.readString(Path.of(o.lastLine()))).getAsJsonObject();
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("run", "validate", "list", "describe", "report", "handin", "all", "shell", "completion",
                "new-plugin", "serve")) {
            for (String flag : List.of("--help", "-h")) {
                Outcome o = execute(command, flag);
                assertEquals(0, o.status(), command + " " + flag + ": " + o.err());
                assertTrue(o.out().contains("Usage: workbench " + command), o.out());
            }
        }
        Outcome help = execute("help", "run");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--set=PATH=VALUE") && help.out().contains("--sweep"), help.out());
        Outcome top = execute();
        assertEquals(0, top.status());
        assertTrue(top.out().contains("Commands:") && top.out().contains("validate") && top.out().contains("serve"),
                top.out());
    }

    @Test
    void handinRefusesABadPaperOrAFileForItsFolder() throws Exception {
        Outcome paper = execute("handin", "--paper", "a3");
        assertEquals(2, paper.status());
        assertTrue(paper.err().contains("--paper must be letter or a4, got 'a3'"), paper.err());
        Path file = Files.createTempFile("handin", ".txt");
        try {
            Outcome o = execute("handin", "--out", file.toString());
            assertEquals(2, o.status());
            assertTrue(o.err().contains("--out " + file + " is a file"), o.err());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void serveHandsItsOptionsToTheServerAndRefusesABadPort() {
        assertEquals(0, execute("serve").status());
        assertEquals("8391 results experiments", served);
        assertEquals(0, execute("serve", "--port", "0", "--out", "/tmp/r", "--experiments", "ex").status());
        assertEquals("0 /tmp/r ex", served);
        served = null;
        Outcome bad = execute("serve", "--port", "70000");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--port needs a whole number from 0 to 65535"), bad.err());
        assertEquals(2, execute("serve", "--port", "many").status());
        assertEquals(null, served, "an invalid serve command line starts no server");
    }

    @Test
    void versionNamesWorkbenchApiAndFramework() {
        for (List<String> args : List.of(List.of("--version"), List.of("run", "--version"), List.of("-V"))) {
            Outcome o = execute(args.toArray(String[]::new));
            assertEquals(0, o.status(), o.err());
            assertTrue(o.out().contains("workbench 1.2.3") && o.out().contains("api org.workbench.api 1.1.0")
                    && o.out().contains("framework felix 7"), o.out());
        }
    }

    @Test
    void usageErrorsAreExitTwoWithAHint() {
        Outcome unknown = execute("rnu", "x.json");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("run"), unknown.err());
        Outcome option = execute("run", "x.json", "--sett", "a=1");
        assertEquals(2, option.status());
        assertTrue(option.err().contains("--sett") && option.err().contains("./workbench run --help"), option.err());
        Outcome noFile = execute("run");
        assertEquals(2, noFile.status());
        assertTrue(noFile.err().contains("FILE"), noFile.err());
    }

    @Test
    void limitsAndTheResultsFolderAreChecked() throws Exception {
        String file = descriptor().toString();
        Outcome timeout = execute("run", file, "--timeout", "0");
        assertEquals(2, timeout.status());
        assertTrue(timeout.err().contains("--timeout needs a number of seconds > 0"), timeout.err());
        Outcome points = execute("validate", file, "--sweep", "data.n=1,2,3", "--max-points", "2");
        assertEquals(2, points.status());
        assertTrue(points.err().contains("--max-points"), points.err());
        assertEquals(0, execute("validate", file, "--sweep", "data.n=1,2,3", "--max-points", "3").status());
        Outcome out = execute("run", file, "--out", "");
        assertEquals(2, out.status());
        assertTrue(out.err().contains("--out needs a folder"), out.err());
        Outcome escaped = execute("run", file, "--set", "\u001b]0;x");
        assertEquals(2, escaped.status());
        assertFalse(escaped.err().contains("\u001b]"), "control characters are shown escaped: " + escaped.err());
    }

    @Test
    void setWithASpaceForEqualsSaysHowToWriteIt() throws Exception {
        Outcome o = execute("run", descriptor().toString(), "--set", "data.with.n", "9");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("--set needs PATH=VALUE") && o.err().contains("did you mean --set data.with.n=9?"),
                o.err());
        assertFalse(o.err().contains("no such file"), o.err());
    }

    @Test
    void shortAndLongParameterPathsAreTheSame() throws Exception {
        Path out = folder.resolve("r");
        JsonObject a = result(execute("run", descriptor().toString(), "--quiet", "--out", out.toString(), "--set",
                "data.n=3"));
        JsonObject b = result(execute("run", descriptor().toString(), "--quiet", "--out", out.toString(),
                "--set=data.with.n=3"));
        assertEquals(18.0, a.getAsJsonObject("results").get("sum").getAsDouble());
        assertEquals(a.get("results"), b.get("results"));
        assertEquals("data.n=3", a.getAsJsonObject("provenance").getAsJsonArray("overrides").get(0).getAsString());
    }

    @Test
    void aCommaListOrSweepOptionSweepsAndProvenanceRecordsIt() throws Exception {
        Path out = folder.resolve("r");
        JsonObject set = result(execute("run", descriptor().toString(), "--quiet", "--out", out.toString(), "--set",
                "data.n=1,10,100"));
        JsonObject sweep = result(execute("run", descriptor().toString(), "--quiet", "--out", out.toString(), "--sweep",
                "data.n=1,10,100"));
        assertEquals(3, set.getAsJsonArray("points").size());
        assertEquals(600.0, set.getAsJsonArray("points").get(2).getAsJsonObject().getAsJsonObject("results").get("sum")
                .getAsDouble());
        for (int i = 0; i < 3; i++) {
            assertEquals(set.getAsJsonArray("points").get(i).getAsJsonObject().get("results"),
                    sweep.getAsJsonArray("points").get(i).getAsJsonObject().get("results"));
        }
        assertEquals("--sweep data.n=1,10,100",
                sweep.getAsJsonObject("provenance").getAsJsonArray("overrides").get(0).getAsString());
        Outcome validate = execute("validate", descriptor().toString(), "--sweep", "data.n=1,2", "--sweep",
                "task.factor=1,2,3");
        assertEquals(0, validate.status(), validate.err());
        assertTrue(validate.out().contains("6 runs") && !validate.out().contains("task task"), validate.out());
    }

    @Test
    void listFiltersByKindAndFitsOneHundredColumns() {
        Outcome all = execute("list");
        assertEquals(0, all.status(), all.err());
        assertTrue(all.out().lines().allMatch(l -> l.length() <= 100), all.out());
        Outcome data = execute("list", "data");
        assertEquals(0, data.status());
        assertTrue(data.out().contains("values") && !data.out().contains("sum"), data.out());
        Outcome wrong = execute("list", "priors");
        assertEquals(2, wrong.status());
        assertTrue(wrong.err().contains("did you mean 'prior'") && wrong.err().contains("task, data, prior"), wrong.err());
    }

    @Test
    void newPluginWritesAProjectAndRefusesBadInput() throws Exception {
        Path dir = folder.resolve("p");
        Outcome made = execute("new-plugin", "loss", "my-loss", "--dir", dir.toString(), "--version", "2.1.0");
        assertEquals(0, made.status(), made.err());
        assertTrue(Files.readString(dir.resolve("pom.xml")).contains("<version>2.1.0</version>"));
        assertTrue(Files.readString(dir.resolve("pom.xml")).contains("<workbench.api.version>1.1.0</workbench.api.version>"));
        assertTrue(Files.isRegularFile(dir.resolve("src/test/java/org/example/myloss/MyLossProviderTest.java")));
        assertFalse(Files.readString(dir.resolve("src/main/java/org/example/myloss/SquaredErrorLoss.java")).contains("{{"));
        assertEquals(2, execute("new-plugin", "loss", "my-loss", "--dir", dir.toString()).status(), "never overwrites");
        Outcome kind = execute("new-plugin", "sampler", "x", "--dir", folder.resolve("q").toString());
        assertEquals(2, kind.status());
        assertTrue(kind.err().contains("prior, likelihood, optimizer, data, layer, loss"), kind.err());
        assertEquals(2, execute("new-plugin", "prior", "My_Prior", "--dir", folder.resolve("q").toString()).status());
        assertEquals(2, execute("new-plugin", "prior", "p", "--version", "1.x", "--dir", folder.resolve("q").toString())
                .status());
        assertFalse(Files.exists(folder.resolve("q")), "nothing written for bad input");
    }

    @Test
    void completionScriptCoversCommandsAndOptions() {
        Outcome o = execute("completion");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("complete -F") && o.out().contains("--sweep") && o.out().contains("data/values"),
                o.out().substring(0, Math.min(400, o.out().length())));
    }

    @Test
    void describeShowsTheResultKeysATaskDescribes() {
        Outcome o = execute("describe", "task/sum");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("result keys (described by the task):\n    sum\n      the sum of the data's values "
                + "times factor"), o.out());
    }
}
