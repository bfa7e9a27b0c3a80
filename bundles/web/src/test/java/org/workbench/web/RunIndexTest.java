package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs answer the homework: never one computed with third-party code, and its mark says why. */
class RunIndexTest {
    @TempDir
    Path folder;

    private RunIndex index(String provenanceExtra) throws Exception {
        Path experiments = Files.createDirectories(folder.resolve("experiments"));
        Path descriptor = Files.writeString(experiments.resolve("p1.json"), "{\"format\":1,\"name\":\"p1\"}");
        Path run = Files.createDirectories(folder.resolve("results/p1/20261207-050000-000-abcd"));
        Files.writeString(run.resolve("result.json"), "{\"name\":\"p1\",\"status\":\"ok\",\"results\":{},"
                + "\"provenance\":{\"descriptorSha256\":\"" + RunIndex.sha256(descriptor) + "\",\"overrides\":[]"
                + provenanceExtra + "}}");
        return new RunIndex(folder.resolve("results"), experiments);
    }

    @Test
    void aRunOfTheShippedDescriptorWithBuiltInsAnswers() throws Exception {
        RunRecord r = index("").all().get(0);
        assertTrue(r.homework(), r.why());
        assertTrue(r.thirdParty().isEmpty());
    }

    @Test
    void aRunWithThirdPartyCodeNeverAnswersAndSaysWhy() throws Exception {
        RunIndex index = index(",\"thirdParty\":[{\"role\":\"prior\",\"bundle\":\"org.example.prior-gaussian\","
                + "\"version\":\"1.5.0\",\"location\":\"/plugins/x.jar\"}]");
        RunRecord r = index.all().get(0);
        assertFalse(r.homework());
        assertEquals(List.of("org.example.prior-gaussian 1.5.0"), r.thirdParty());
        assertTrue(r.why().contains("third-party code") && r.why().contains("org.example.prior-gaussian 1.5.0"), r.why());
        assertTrue(index.latestHomework("p1").isEmpty());
    }

    @Test
    void findReadsTheOneFolderItNamesAndTheSameRecordAsTheScan() throws Exception {
        RunIndex index = index("");
        RunRecord scanned = index.all().get(0);
        RunRecord found = index.find("p1/20261207-050000-000-abcd").orElseThrow();
        assertEquals(scanned.id(), found.id());
        assertEquals(scanned.homework(), found.homework());
        assertEquals(scanned.why(), found.why());
        Path unfinished = Files.createDirectories(folder.resolve("results/p1/.incomplete-20261207-060000-000-ef01"));
        Files.writeString(unfinished.resolve("result.json"), "{}");
        assertTrue(index.find("p1/.incomplete-20261207-060000-000-ef01").isEmpty(), "an unfinished run is not a run");
        assertTrue(index.find("p1/20261207-070000-000-0000").isEmpty());
        assertTrue(index.find("p1/../p1").isEmpty());
        assertTrue(index.find("nothing").isEmpty());
    }

    @Test
    void aListReadsNoRunFolderUntilAnExperimentFolderOrItsDescriptorChanges() throws Exception {
        RunIndex index = index("");
        assertEquals(1, index.all().size());
        long reads = index.folderReads();
        assertEquals(1, index.all().size());
        assertTrue(index.latestHomework("p1").isPresent());
        assertEquals(reads, index.folderReads(), "nothing changed: the kept runs answer");

        Path added = Files.createDirectories(folder.resolve("results/p1/.incomplete-20261207-060000-000-ef01"));
        Files.writeString(added.resolve("result.json"), "{\"name\":\"p1\",\"status\":\"ok\",\"results\":{},"
                + "\"provenance\":{\"overrides\":[\"prior.with.scale=2\"]}}");
        Path published = folder.resolve("results/p1/20261207-060000-000-ef01");
        Files.move(added, published);
        List<RunRecord> runs = index.all();
        assertEquals(List.of("20261207-060000-000-ef01", "20261207-050000-000-abcd"),
                runs.stream().map(RunRecord::runId).toList(), "a run published is listed at once, newest first");
        assertFalse(runs.get(0).homework());
        assertEquals("20261207-050000-000-abcd", index.latestHomework("p1").orElseThrow().runId());

        Files.writeString(folder.resolve("experiments/p1.json"), "{\"format\":1,\"name\":\"p1\",\"title\":\"new\"}");
        assertTrue(index.latestHomework("p1").isEmpty(), "a changed descriptor: no run answers it any more");

        try (var walk = Files.walk(published)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        assertEquals(1, index.all().size(), "a deleted run is gone at once");
    }
}
