package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * On the real runtime and the real Fashion-MNIST: the first run decodes the four gzip files into the
 * cache folder it is given, a second run reads them from there (nothing decoded again), and both
 * runs record the same inputs, the gzip sources with their SHA-256, and train to the same numbers.
 */
class DecodedDataIT {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    static Path work;

    @Test
    void fashionMnistIsDecodedOnceIntoTheCacheAndRunsRecordTheSameInputs() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(FASHION.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed");
        Path descriptor = work.resolve("p4-tiny.json");
        try (InputStream in = DecodedDataIT.class.getResourceAsStream("/decoded/p4-tiny.json")) {
            Files.copy(in, descriptor);
        }
        Path cache = work.resolve("cache");
        JsonObject first = run("first", cache, descriptor);
        Path decoded = cache.resolve("fashion-mnist");
        Map<Path, FileTime> entries = entries(decoded);
        assertEquals(4, entries.size(), "one decoded file per IDX file: " + entries.keySet());

        JsonObject second = run("second", cache, descriptor);
        assertEquals(entries, entries(decoded), "the second run decoded nothing again");

        assertEquals(epochsWithoutTimes(first), epochsWithoutTimes(second));
        List<JsonElement> inputs = new ArrayList<>();
        first.getAsJsonObject("provenance").getAsJsonArray("inputs").forEach(inputs::add);
        List<JsonElement> again = new ArrayList<>();
        second.getAsJsonObject("provenance").getAsJsonArray("inputs").forEach(again::add);
        assertEquals(inputs, again);
        JsonObject images = inputs.stream().map(JsonElement::getAsJsonObject)
                .filter(i -> i.has("path") && i.get("path").getAsString().endsWith("train-images-idx3-ubyte.gz"))
                .findFirst().orElseThrow(() -> new AssertionError("no train images among " + inputs));
        assertEquals(sha256(FASHION.resolve("train-images-idx3-ubyte.gz")), images.get("sha256").getAsString(),
                "the source file is recorded, not its decoded copy");
        assertTrue(inputs.stream().map(JsonElement::getAsJsonObject)
                .anyMatch(i -> i.has("generated") && i.get("generated").getAsString().equals("W")),
                "the initial weights are recorded: " + inputs);
    }

    private static JsonObject run(String name, Path cache, Path descriptor) throws Exception {
        Path folder = Files.createDirectories(work.resolve(name));
        Path err = folder.resolve("stderr.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:+UseSerialGC", "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true",
                "-Dworkbench.cache=" + cache, "-jar", WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(),
                "--home", WorkbenchRuntimeIT.HOME.toString(), "--plugins", folder.resolve("plugins").toString(), "run",
                descriptor.toString(), "--out", folder.resolve("results").toString(), "--quiet");
        Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectError(err.toFile()).start();
        String last = null;
        for (String line : new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .split("\n")) {
            if (!line.isBlank()) {
                last = line.strip();
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run ended");
        assertEquals(0, p.exitValue(), Files.readString(err));
        return JsonParser.parseString(Files.readString(Path.of(last))).getAsJsonObject();
    }

    private static Map<Path, FileTime> entries(Path folder) throws Exception {
        Map<Path, FileTime> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                m.put(p, Files.getLastModifiedTime(p));
            }
        }
        return m;
    }

    private static List<JsonObject> epochsWithoutTimes(JsonObject result) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : result.getAsJsonObject("results").getAsJsonArray("epochs")) {
            JsonObject row = e.getAsJsonObject().deepCopy();
            row.remove("seconds");
            row.remove("trainSeconds");
            out.add(row);
        }
        return out;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
