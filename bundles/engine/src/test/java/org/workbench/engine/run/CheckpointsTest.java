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
        first.saving("checkpoint-epoch-001.npz");
        first.saving("checkpoint-epoch-002.npz");
        first.saving("checkpoint-epoch-001.npz");
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
        Checkpoints.of(run, 3).saving("points/3/weights.npz");
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
}
