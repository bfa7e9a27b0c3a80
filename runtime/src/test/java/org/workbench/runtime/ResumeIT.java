package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * Ctrl-C (SIGTERM) in the middle of the 2.5 study on this machine: the replications already done
 * are kept in the unfinished folder, and {@code --resume} finishes the run with the numbers of an
 * uninterrupted one.
 */
class ResumeIT {
    @TempDir
    static Path work;

    @Test
    void aStudyStoppedInTheMiddleResumesToTheNumbersOfAnUninterruptedRun() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path out = work.resolve("results");
        String[] options = {"--threads", "1", ClusterIT.SMALL_STUDY[0], ClusterIT.SMALL_STUDY[1],
            ClusterIT.SMALL_STUDY[2], ClusterIT.SMALL_STUDY[3]};
        WorkbenchProcess fresh = ClusterIT.runIn(work.resolve("fresh"), plugins, ClusterIT.STUDY,
                work.resolve("fresh-results"), options);
        WorkbenchProcess stopped = ClusterIT.runIn(work.resolve("stopped"), plugins, ClusterIT.STUDY, out, options);
        Path experiment = out.resolve("p2-5-map-vs-posterior-mean");
        Optional<Path> unit = Optional.empty();
        while (unit.isEmpty() && stopped.alive()) {
            unit = keptUnit(experiment);
        }
        stopped.stop();
        assertTrue(unit.isPresent(), "a replication was kept before the stop: " + stopped.stderr());
        assertTrue(stopped.stderr().contains("--resume"), "the user is told how to go on: " + stopped.stderr());
        assertTrue(keptUnit(experiment).isPresent(), "the kept replications survive the stop");

        String[] resume = {"--resume", "--threads", "2", ClusterIT.SMALL_STUDY[0], ClusterIT.SMALL_STUDY[1],
            ClusterIT.SMALL_STUDY[2], ClusterIT.SMALL_STUDY[3]};
        JsonObject resumed = ClusterIT.finished(ClusterIT.runIn(work.resolve("resumed"), plugins, ClusterIT.STUDY, out,
                resume));
        assertEquals("ok", resumed.get("status").getAsString());
        ClusterIT.assertSameNumbers(ClusterIT.finished(fresh), resumed);
    }

    private static Optional<Path> keptUnit(Path experiment) throws IOException {
        if (!Files.isDirectory(experiment)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.walk(experiment)) {
            return s.filter(p -> p.getFileName().toString().matches("\\d+\\.json")
                    && p.getParent().getFileName().toString().equals("study")).findFirst();
        } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
