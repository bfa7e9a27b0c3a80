package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The same run writes the same {@code result.json} on Java 17 and Java 25 but for where and when it
 * ran: the numbers are the shortest decimals on both (2^-44 as {@code 5.684341886080802E-14}, which
 * Java 17's own {@code Double.toString} writes as {@code 5.6843418860808015E-14}), and a generated sample's record
 * (the SHA-256 of its values as float64 LE) is the same. Skipped, saying so, without Temurin 25.
 */
class ResultTextAcrossJdksIT {
    /** What differs between two runs of one descriptor on two JDKs: where, when, on what. */
    private static final Set<String> PROVENANCE_KEPT = Set.of("task", "components", "seeds", "sharedStreams",
            "effectiveDescriptor", "inputs", "overrides");

    @TempDir
    Path work;

    @Test
    void aRunsResultJsonIsTheSameTextOnJava17And25() throws Exception {
        Path java25 = IsolationIT.JAVA_25.resolve("bin/java");
        assumeTrue(Files.isExecutable(java25), "Temurin 25 is not installed at " + IsolationIT.JAVA_25);
        Path inline = work.resolve("inline.json");
        Files.writeString(inline, """
                {"format": 1, "name": "across-jdks-inline", "seed": 181,
                 "task": {"use": "gaussian-mean", "with": {"plots": false}},
                 "components": {"data": {"use": "inline", "with": {"values": [5.684341886080802E-14]}},
                                "prior": {"use": "gaussian", "with": {"mean": 0.0, "variance": 4.0}},
                                "likelihood": {"use": "gaussian", "with": {"variance": 1.0}}},
                 "sweep": {"prior.variance": [0.01, 0.3, 7, 1000]}}
                """);
        Path sample = work.resolve("sample.json");
        Files.writeString(sample, """
                {"format": 1, "name": "across-jdks-sample", "seed": 181,
                 "task": {"use": "gaussian-mean", "with": {"plots": false}},
                 "components": {"data": {"use": "gaussian-sample", "with": {"n": 2000, "mean": 1.5, "stddev": 1.0}},
                                "prior": {"use": "gaussian", "with": {"mean": 0.0, "variance": 4.0}},
                                "likelihood": {"use": "gaussian", "with": {"variance": 1.0}}}}
                """);
        List<String> on17 = results(Path.of(System.getProperty("java.home"), "bin", "java"), "java17", List.of(),
                inline, sample);
        List<String> on25 = results(java25, "java25", List.of("--sun-misc-unsafe-memory-access=allow"), inline, sample);
        assertTrue(Files.readString(Path.of(on17.get(0))).contains("\"sum\": 5.684341886080802E-14"),
                "the shortest decimal on Java 17 too: " + on17.get(0));
        for (int i = 0; i < 2; i++) {
            assertEquals(comparable(Path.of(on17.get(i))), comparable(Path.of(on25.get(i))),
                    "the result.json of " + on17.get(i) + " and " + on25.get(i));
        }
        JsonObject input = JsonParser.parseString(Files.readString(Path.of(on25.get(1)))).getAsJsonObject()
                .getAsJsonObject("provenance").getAsJsonArray("inputs").get(0).getAsJsonObject();
        assertEquals("sha256 of float64 LE", input.get("hash").getAsString());
        assertEquals(16000, input.get("bytes").getAsLong());
    }

    /** Runs the descriptors on {@code java}; the paths of their result.json files. */
    private List<String> results(Path java, String name, List<String> options, Path... descriptors) throws Exception {
        Path folder = work.resolve(name);
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        command.addAll(options);
        command.addAll(List.of("-jar", WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toAbsolutePath().toString(),
                "--home", WorkbenchRuntimeIT.HOME.toAbsolutePath().toString(), "--plugins",
                folder.resolve("plugins").toString(), "run"));
        for (Path d : descriptors) {
            command.add(d.toString());
        }
        command.addAll(List.of("--out", folder.resolve("results").toString(), "--quiet"));
        IsolationIT.Ended e = IsolationIT.ended(new ProcessBuilder(command), folder);
        assertEquals(0, e.status(), name + ": " + e.err());
        List<String> paths = e.out().strip().lines().filter(l -> l.endsWith("result.json")).toList();
        assertEquals(descriptors.length, paths.size(), e.out());
        return paths;
    }

    /**
     * The document's text without what says where and when it ran (the JDK, the host, the times);
     * numbers keep their text (Gson keeps a number it reads as the text it read).
     */
    private static String comparable(Path resultJson) throws Exception {
        JsonObject doc = JsonParser.parseString(Files.readString(resultJson)).getAsJsonObject();
        JsonObject provenance = doc.getAsJsonObject("provenance");
        for (String key : new ArrayList<>(provenance.keySet())) {
            if (!PROVENANCE_KEPT.contains(key)) {
                provenance.remove(key);
            }
        }
        if (doc.has("points")) {
            for (JsonElement p : doc.getAsJsonArray("points")) {
                p.getAsJsonObject().remove("durationMs");
            }
        }
        provenance.getAsJsonObject("effectiveDescriptor").remove("descriptor");
        return doc.toString();
    }
}
