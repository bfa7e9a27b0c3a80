package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Problem 4 killed (kill -9) in the middle of training and resumed: it continues from its last
 * checkpoint to the weights and curves of an uninterrupted run, bit for bit; numpy alone reads the
 * weights and gets the same test accuracy; the run's log kept what both attempts printed, and
 * provenance names the machine and the workbench's commit.
 */
class CheckpointIT {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");

    @TempDir
    static Path work;

    @Test
    void aKilledTrainingRunResumesFromItsCheckpointToTheUninterruptedWeights() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(FASHION), "Fashion-MNIST is not installed");
        Path descriptor = copy("p4-small.json");
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        JsonObject whole = ClusterIT.finished(ClusterIT.runIn(work.resolve("whole"), plugins, descriptor,
                work.resolve("whole-results")));
        Path wholeFolder = folderOf(whole, work.resolve("whole-results"));

        Path out = work.resolve("results");
        WorkbenchProcess killed = ClusterIT.runIn(work.resolve("killed"), plugins, descriptor, out);
        Path experiment = out.resolve("p4-checkpoint");
        Optional<Path> second = Optional.empty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (second.isEmpty() && killed.alive() && System.nanoTime() < deadline) {
            second = find(experiment, "checkpoint-epoch-002.npz");
            Thread.onSpinWait();
        }
        killed.kill();
        assertTrue(second.isPresent(), "the run saved a checkpoint before it was killed: " + killed.stderr());
        assertFalse(killed.printed("/"), "the run was killed before it finished");
        assertTrue(Files.readString(second.get().resolveSibling("log.txt")).contains("training: epoch 1/8"),
                "the log of a killed run holds what it printed");

        JsonObject resumed = ClusterIT.finished(ClusterIT.runIn(work.resolve("resumed"), plugins, descriptor, out,
                "--resume"));
        Path resumedFolder = folderOf(resumed, out);
        String log = Files.readString(resumedFolder.resolve("log.txt"));
        assertTrue(log.contains("resumed run "), log);
        assertTrue(log.matches("(?s).*resumed from the checkpoint after epoch [2-7]\\b.*"), log);
        assertTrue(log.indexOf("training: epoch 1/8") < log.indexOf("resumed run "), "the first attempt's lines come first: " + log);

        JsonArray a = whole.getAsJsonObject("results").getAsJsonArray("epochs");
        JsonArray b = resumed.getAsJsonObject("results").getAsJsonArray("epochs");
        assertEquals(8, b.size());
        for (int e = 0; e < a.size(); e++) {
            for (String key : List.of("epoch", "trainLoss", "trainAccuracy", "testAccuracy", "testLoss")) {
                assertEquals(a.get(e).getAsJsonObject().get(key), b.get(e).getAsJsonObject().get(key),
                        "epoch " + (e + 1) + " " + key);
            }
        }
        Map<String, byte[]> x = arrays(wholeFolder.resolve("weights.npz"));
        Map<String, byte[]> y = arrays(resumedFolder.resolve("weights.npz"));
        assertEquals(x.keySet(), y.keySet());
        for (String name : x.keySet()) {
            if (!name.startsWith("curves.seconds") && !name.startsWith("curves.trainSeconds")) {
                assertArrayEquals(x.get(name), y.get(name), name + " differs from the uninterrupted run's");
            }
        }
        assertTrue(resumed.getAsJsonArray("artifacts").toString().contains("checkpoint-epoch-001.npz"),
                "the first attempt's checkpoints are the resumed run's artifacts");

        JsonObject provenance = resumed.getAsJsonObject("provenance");
        assertFalse(provenance.get("host").getAsString().isBlank());
        assertTrue(provenance.getAsJsonObject("cpu").get("cores").getAsInt() >= 1);
        assertFalse(provenance.getAsJsonObject("cpu").get("model").getAsString().isBlank());
        if (insideGitCheckout(WorkbenchRuntimeIT.HOME) && gitAvailable()) {
            JsonObject git = provenance.getAsJsonObject("git").getAsJsonObject("workbench");
            assertTrue(git.get("commit").getAsString().matches("[0-9a-f]{40}"), git.toString());
            assertTrue(git.has("dirty"), git.toString());
        }

        numpyAgrees(resumedFolder, resumed);

        WorkbenchProcess evaluate = WorkbenchProcess.start(work.resolve("evaluate"), plugins, "evaluate",
                resumedFolder.toString());
        assertEquals(0, evaluate.exit(), evaluate.stderr());
        assertEquals(resumedFolder.resolve("evaluation.json").toString(), evaluate.lastLine());
        JsonObject evaluation = com.google.gson.JsonParser.parseString(Files.readString(resumedFolder.resolve(
                "evaluation.json"))).getAsJsonObject();
        assertEquals(resumed.getAsJsonObject("results").get("testAccuracy").getAsDouble(),
                evaluation.get("testAccuracy").getAsDouble(), 0.0, "the reloaded weights give the run's accuracy");
        assertEquals(8, evaluation.get("epoch").getAsInt());
        assertEquals(500, evaluation.get("examples").getAsInt());
        assertEquals(10, evaluation.getAsJsonArray("confusion").size());
    }

    /**
     * A hot swap is part of a checkpoint: a {@code "hotSwap": true} run swaps momentum 1.0.0 for 1.1.0,
     * saves a checkpoint after the swap and is killed. Without 1.1.0 its resume is refused (exit 2,
     * nothing lost); with 1.1.0 and a newer 1.2.0 installed it continues with 1.1.0, the version its
     * checkpoint was trained with (the plan alone would take 1.2.0), and swaps to 1.2.0 at its first
     * epoch boundary as an uninterrupted run would.
     */
    @Test
    void aHotSwappedRunResumesWithTheVersionItsNewestCheckpointWasTrainedWith() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(FASHION), "Fashion-MNIST is not installed");
        Path plugins = Files.createDirectories(work.resolve("swap-plugins"));
        PluginJars.drop(HotSwapIT.OPTIMIZER, plugins, "optimizer-momentum.jar");
        Path v11 = PluginJars.withVersion(HotSwapIT.OPTIMIZER, "1.1.0", work.resolve("momentum-1.1.0.jar"));
        Path v12 = PluginJars.withVersion(HotSwapIT.OPTIMIZER, "1.2.0", work.resolve("momentum-1.2.0.jar"));
        Path descriptor = copy("p4-hot-swap.json");
        Path out = work.resolve("swap-results");
        Path experiment = out.resolve("p4-hot-swap-checkpoint");

        WorkbenchProcess first = ClusterIT.runIn(work.resolve("swap-first"), plugins, descriptor, out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (find(experiment, "checkpoint-epoch-001.npz").isEmpty() && first.alive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        PluginJars.drop(v11, plugins, "optimizer-momentum-1.1.0.jar");
        java.util.regex.Pattern swapLine = java.util.regex.Pattern.compile(
                "optimizer: momentum 1\\.0\\.0 -> 1\\.1\\.0 at epoch (\\d+)");
        Optional<Path> afterSwap = Optional.empty();
        String swappedAt = null;
        while (afterSwap.isEmpty() && first.alive() && System.nanoTime() < deadline) {
            Optional<Path> log = find(experiment, "log.txt");
            if (swappedAt == null && log.isPresent()) {
                java.util.regex.Matcher m = swapLine.matcher(readQuietly(log.get()));
                swappedAt = m.find() ? m.group(1) : null;
            }
            if (swappedAt != null) {
                afterSwap = find(experiment, String.format("checkpoint-epoch-%03d.npz", Integer.parseInt(swappedAt)));
            }
            Thread.onSpinWait();
        }
        first.kill();
        assertTrue(afterSwap.isPresent(), "a checkpoint after the swap was saved before the kill: " + first.stderr());
        assertFalse(first.printed("/"), "the run was killed before it finished");

        Files.delete(plugins.resolve("optimizer-momentum-1.1.0.jar"));
        WorkbenchProcess refused = ClusterIT.runIn(work.resolve("swap-refused"), plugins, descriptor, out, "--resume");
        assertEquals(2, refused.exit(), refused.stderr());
        assertTrue(refused.stderr().contains("was trained with optimizer 'momentum' 1.1.0 as its optimizer (swapped in at "
                + "epoch " + swappedAt) && refused.stderr().contains("that version is not installed (installed: 1.0.0)"),
                refused.stderr());
        assertTrue(Files.isRegularFile(afterSwap.get()), "a refused resume keeps the checkpoints");

        PluginJars.drop(v11, plugins, "optimizer-momentum-1.1.0.jar");
        PluginJars.drop(v12, plugins, "optimizer-momentum-1.2.0.jar");
        WorkbenchProcess resumedRun = ClusterIT.runIn(work.resolve("swap-resumed"), plugins, descriptor, out, "--resume");
        JsonObject resumed = ClusterIT.finished(resumedRun);
        String log = Files.readString(Path.of(resumedRun.lastLine()).resolveSibling("log.txt"));
        java.util.regex.Matcher from = java.util.regex.Pattern.compile("resumed from the checkpoint after epoch (\\d+)")
                .matcher(log);
        assertTrue(from.find(), log);
        int resumedAfter = Integer.parseInt(from.group(1));
        assertTrue(resumedAfter >= Integer.parseInt(swappedAt), log);
        JsonArray swaps = resumed.getAsJsonObject("provenance").getAsJsonArray("swaps");
        assertEquals(2, swaps.size(), swaps.toString());
        JsonObject kept = swaps.get(0).getAsJsonObject();
        assertEquals(List.of("1.0.0", "1.1.0", "epoch " + swappedAt), List.of(kept.get("fromVersion").getAsString(),
                kept.get("toVersion").getAsString(), kept.get("at").getAsString()), "the first attempt's swap is kept");
        JsonObject next = swaps.get(1).getAsJsonObject();
        assertEquals(List.of("1.1.0", "1.2.0", "epoch " + (resumedAfter + 1)), List.of(next.get("fromVersion").getAsString(),
                next.get("toVersion").getAsString(), next.get("at").getAsString()),
                "the resumed run trained with 1.1.0 until the boundary after its checkpoint");
        assertEquals(30, resumed.getAsJsonObject("results").getAsJsonArray("epochs").size());
        assertEquals("1.0.0", resumed.getAsJsonObject("provenance").getAsJsonObject("components").getAsJsonObject("optimizer")
                .get("version").getAsString(), "the resumed run started, as its first attempt did, from 1.0.0");

        String history = text(arrays(Path.of(resumedRun.lastLine()).resolveSibling("weights.npz"))
                .get("provenance.components.npy"));
        String bundle = "org.example.optimizer-momentum";
        assertTrue(history.contains("optimizer\t" + bundle + "\t1.0.0\t1\t" + (Integer.parseInt(swappedAt) - 1) + "\n")
                && history.contains("optimizer\t" + bundle + "\t1.1.0\t" + swappedAt + "\t" + resumedAfter + "\n")
                && history.contains("optimizer\t" + bundle + "\t1.2.0\t" + (resumedAfter + 1) + "\t30\n"),
                "the weights record which version trained which epochs: " + history);
    }

    /** The string of a numpy {@code <UN} scalar's .npy bytes. */
    private static String text(byte[] npy) {
        int headerLength = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        java.nio.IntBuffer points = java.nio.ByteBuffer.wrap(npy, 10 + headerLength, npy.length - 10 - headerLength)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int[] cps = new int[points.remaining()];
        points.get(cps);
        return new String(cps, 0, cps.length).replace("\0", "");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    /** numpy computes the saved network's test accuracy as the run did (skipped without numpy). */
    private static void numpyAgrees(Path folder, JsonObject result) throws Exception {
        if (!pythonWithNumpy()) {
            System.out.println("CheckpointIT: python3 with numpy is not installed; the numpy check is skipped");
            return;
        }
        Path script = copy("accuracy.py");
        Process p = new ProcessBuilder("python3", script.toString(), folder.resolve("weights.npz").toString(),
                folder.resolve("result.json").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, p.exitValue(), out);
        double numpy = Double.parseDouble(out);
        double workbench = result.getAsJsonObject("results").get("testAccuracy").getAsDouble();
        // float sums in another order may flip a prediction that is a near tie: at most one of 500
        assertEquals(workbench, numpy, 1.0 / 500 + 1e-12, "numpy's accuracy of weights.npz");
    }

    private static boolean pythonWithNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static boolean gitAvailable() {
        try {
            Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static boolean insideGitCheckout(Path folder) {
        for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }

    /** The .npy entries of an .npz by name, their bytes (header and data). */
    private static Map<String, byte[]> arrays(Path npz) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(npz); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }

    private static Path folderOf(JsonObject result, Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve(result.get("name").getAsString()))) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
    }

    private static Optional<Path> find(Path experiment, String file) {
        if (!Files.isDirectory(experiment)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.walk(experiment)) {
            return s.filter(p -> p.getFileName().toString().equals(file)).findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Path copy(String resource) throws IOException {
        Path target = work.resolve(resource);
        try (InputStream in = CheckpointIT.class.getResourceAsStream("/checkpoint/" + resource)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
