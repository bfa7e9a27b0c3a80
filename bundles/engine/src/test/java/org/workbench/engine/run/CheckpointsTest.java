package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * An interrupted run that saved a checkpoint keeps its folder, the checkpoint and its log (and
 * nothing else unfinished), and a resume of it finds the checkpoint again.
 */
class CheckpointsTest {
    @TempDir
    Path experiment;

    @Test
    void anInterruptedRunKeepsItsCheckpointsAndLogForTheResume() throws Exception {
        SweepFolder run = SweepFolder.create(experiment, "r1", new JsonObject(), "2026-12-07T08:00:00Z");
        assertFalse(run.holdsWork());
        Checkpoints first = Checkpoints.of(run, 0);
        first.saving("checkpoint-epoch-001.npz", List.of());
        first.saving("checkpoint-epoch-002.npz", List.of());
        first.saving("checkpoint-epoch-001.npz", List.of());
        Files.writeString(run.folder().resolve("checkpoint-epoch-001.npz"), "one");
        Files.writeString(run.folder().resolve("training.png"), "unfinished plot");
        Files.writeString(run.folder().resolve(RunLog.FILE), "log");
        assertTrue(run.holdsWork(), "a recorded checkpoint is work to keep");

        run.pruneUnfinished();
        assertTrue(Files.exists(run.folder().resolve("checkpoint-epoch-001.npz")));
        assertTrue(Files.exists(run.folder().resolve(RunLog.FILE)));
        assertFalse(Files.exists(run.folder().resolve("training.png")));
        run.release();

        Checkpoints again = Checkpoints.of(SweepFolder.reopen(run.folder()), 0);
        assertEquals(List.of("checkpoint-epoch-001.npz"), again.kept(), "the second was never written whole");
        assertTrue(Checkpoints.NONE.kept().isEmpty());
    }

    @Test
    void aSweepPointKeepsItsCheckpointInsideItsFolder() throws Exception {
        SweepFolder run = SweepFolder.create(experiment, "r2", new JsonObject(), "2026-12-07T08:00:00Z");
        Checkpoints.of(run, 3).saving("points/3/weights.npz", List.of());
        Path point = Files.createDirectories(run.folder().resolve("points/3"));
        Files.writeString(point.resolve("weights.npz"), "w");
        Files.writeString(point.resolve("other.csv"), "x");
        Files.createDirectories(run.folder().resolve("points/4"));
        run.pruneUnfinished();
        assertTrue(Files.exists(point.resolve("weights.npz")));
        assertFalse(Files.exists(point.resolve("other.csv")));
        assertFalse(Files.exists(run.folder().resolve("points/4")));
        run.release();
    }

    private static Swap swap(String from, String to, String at) {
        return new Swap(5, "optimizer", "org.example.optimizer-momentum", from, "org.example.optimizer-momentum", to, 40,
                "momentum", at, 1, new JsonObject());
    }

    @Test
    void aResumeContinuesWithTheVersionsInUseAtTheNewestCheckpointThatExists() throws Exception {
        SweepFolder run = SweepFolder.create(experiment, "r3", new JsonObject(), "2026-12-07T08:00:00Z");
        Checkpoints first = Checkpoints.of(run, 0);
        Swap toEleven = swap("1.0.0", "1.1.0", "epoch 2");
        first.saving("checkpoint-epoch-001.npz", List.of());
        first.swapped(List.of(toEleven));
        first.saving("checkpoint-epoch-002.npz", List.of(toEleven));
        first.saving("checkpoint-epoch-003.npz", List.of(toEleven));
        Files.writeString(run.folder().resolve("checkpoint-epoch-001.npz"), "one");
        Files.writeString(run.folder().resolve("checkpoint-epoch-002.npz"), "two");
        run.release();

        Checkpoints again = Checkpoints.of(SweepFolder.reopen(run.folder()), 0);
        assertEquals(java.util.Map.of("optimizer", "1.1.0"), again.resumedVersions());
        assertEquals(List.of(toEleven).toString(), again.resumedSwaps().toString(), "the swap before epoch 2's checkpoint");

        Files.delete(run.folder().resolve("checkpoint-epoch-002.npz"));
        Checkpoints older = Checkpoints.of(SweepFolder.reopen(run.folder()), 0);
        assertEquals(java.util.Map.of("optimizer", "1.0.0"), older.resumedVersions(),
                "epoch 1's checkpoint was trained before the swap: the first version continues it");
        assertTrue(older.resumedSwaps().isEmpty());
        assertTrue(Checkpoints.NONE.resumedVersions().isEmpty());
    }

    @Test
    void aResumeForgivesOnlyTheVersionOfASwappedRole() throws Exception {
        SweepFolder run = SweepFolder.create(experiment, "r4", new JsonObject(), "2026-12-07T08:00:00Z");
        Checkpoints.of(run, 0).swapped(List.of(swap("1.0.0", "1.1.0", "epoch 2")));
        JsonObject then = com.google.gson.JsonParser.parseString("""
                {"components": {"optimizer": {"use": "momentum", "version": "[1.0.0,1.0.0]", "with": {"learningRate": 0.05}},
                                "loss": {"use": "softmax-cross-entropy", "version": "[1.0.0,1.0.0]"}}}""").getAsJsonObject();
        JsonObject swapped = then.deepCopy();
        swapped.getAsJsonObject("components").getAsJsonObject("optimizer").addProperty("version", "[1.1.0,1.1.0]");
        ResumedVersions versions = ResumedVersions.of(run.folder());
        assertEquals(then, versions.forgiving(then, swapped));

        JsonObject otherLoss = swapped.deepCopy();
        otherLoss.getAsJsonObject("components").getAsJsonObject("loss").addProperty("version", "[1.1.0,1.1.0]");
        assertFalse(then.equals(versions.forgiving(then, otherLoss)), "a role that was not swapped must match");
        JsonObject otherRate = swapped.deepCopy();
        otherRate.getAsJsonObject("components").getAsJsonObject("optimizer").getAsJsonObject("with")
                .addProperty("learningRate", 0.1);
        assertFalse(then.equals(versions.forgiving(then, otherRate)), "only the version is forgiven");
        run.release();
    }
}
