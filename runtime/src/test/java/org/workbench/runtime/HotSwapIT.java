package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A newer optimizer dropped into the plugins folder while a {@code "hotSwap": true} training run
 * is under way is taken at the next epoch boundary, with its state carried over, and recorded in
 * {@code provenance.swaps}.
 */
class HotSwapIT {
    static final Path OPTIMIZER = Path.of(System.getProperty("workbench.example.optimizer"));

    @TempDir
    Path work;

    /** Watches the run's progress output and calls {@code action} once, when {@code marker} first appears. */
    static final class Trigger extends OutputStream {
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
        private final String marker;
        private final Runnable action;
        private boolean fired;

        Trigger(String marker, Runnable action) {
            this.marker = marker;
            this.action = action;
        }

        @Override
        public synchronized void write(int b) {
            seen.write(b);
            if (!fired && b == '\n' && seen.toString(StandardCharsets.UTF_8).contains(marker)) {
                fired = true;
                action.run();
            }
        }

        String text() {
            return seen.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aNewerOptimizerIsSwappedInAtAnEpochBoundaryAndRecorded() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJars.drop(OPTIMIZER, plugins, "optimizer-momentum.jar");
        Path v11 = PluginJars.withVersion(OPTIMIZER, "1.1.0", work.resolve("momentum-1.1.0.jar"));
        Path descriptor = work.resolve("swap.json");
        Files.writeString(descriptor, """
                {"format": 1, "name": "hot-swap", "seed": 7, "hotSwap": true,
                 "task": {"use": "train-classifier", "with": {"epochs": 12, "batchSize": 128, "precision": "float"}},
                 "components": {
                   "data": {"use": "fashion-mnist", "with": {"trainLimit": 6000, "testLimit": 1000}},
                   "network": [{"use": "dense", "with": {"out": 64, "initStddev": 0.01}}, {"use": "relu"},
                               {"use": "dense", "with": {"out": 10, "initStddev": 0.01}}],
                   "loss": {"use": "softmax-cross-entropy"},
                   "optimizer": {"use": "momentum", "version": "[1.0,2.0)", "with": {"learningRate": 0.05, "momentum": 0.9}}}}
                """);
        try (Launcher launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false)) {
            CompletableFuture<Void> dropped = new CompletableFuture<>();
            Trigger trigger = new Trigger("epoch 1/", () -> CompletableFuture.runAsync(() -> {
                try {
                    PluginJars.drop(v11, plugins, "optimizer-momentum-1.1.0.jar");
                    dropped.complete(null);
                } catch (IOException e) {
                    dropped.completeExceptionally(new UncheckedIOException(e));
                }
            }));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = launcher.execute(new String[] {"run", descriptor.toString(), "--out", work.resolve("r").toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(trigger, true, StandardCharsets.UTF_8));
            assertEquals(0, status, trigger.text());
            dropped.join();
            String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
            JsonObject doc = JsonParser.parseString(Files.readString(Path.of(lines[lines.length - 1]))).getAsJsonObject();
            ResultContract.of(launcher, work).check(Path.of(lines[lines.length - 1]));
            JsonArray swaps = doc.getAsJsonObject("provenance").getAsJsonArray("swaps");
            assertEquals(1, swaps.size(), trigger.text());
            JsonObject swap = swaps.get(0).getAsJsonObject();
            assertEquals("optimizer", swap.get("role").getAsString());
            assertEquals("org.example.optimizer-momentum", swap.get("toBundle").getAsString());
            assertEquals("1.0.0", swap.get("fromVersion").getAsString());
            assertEquals("1.1.0", swap.get("toVersion").getAsString());
            assertTrue(swap.get("at").getAsString().matches("epoch \\d+"), swap.toString());
            assertTrue(trigger.text().contains("optimizer: momentum 1.0.0 -> 1.1.0 at " + swap.get("at").getAsString()),
                    trigger.text());
            JsonObject results = doc.getAsJsonObject("results");
            JsonArray epochs = results.getAsJsonArray("epochs");
            assertEquals(12, epochs.size());
            assertTrue(results.get("testAccuracy").getAsDouble() > 0.7, results.get("testAccuracy").toString());
            System.out.printf("hot swap during training: taken at %d ms into the run, %d us to find, bind and create "
                    + "the new optimizer; median epoch %.3f s%n", swap.get("atMs").getAsLong(),
                    swap.get("costMicros").getAsLong(), results.get("medianEpochSeconds").getAsDouble());
        }
    }
}
