package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.input.InvalidInputException;

/**
 * A sync with nothing written since the last one takes what the store holds from the manifest, not from
 * the store; a write by another connection makes it read the store again; a hand edit is found either way.
 */
class SyncManifestTest {
    @TempDir
    Path results;

    private RunStore open() throws SQLException, InvalidInputException {
        return RunStore.open(StoreLocation.of(results, Map.of()).url(), new Properties());
    }

    @Test
    void theManifestStandsForTheStoreUntilAnotherWriteAndAHandEditIsFound() throws Exception {
        FakeRuns.single(results, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        Path b = FakeRuns.single(results, "p2-5", "b", 0.5, 0.02, "2026-01-02T00:00:00Z", false);
        try (RunStore store = open()) {
            assertEquals(2, StoreSync.sync(store, results).indexed());
            assertTrue(Files.isRegularFile(SyncManifest.of(results, store.url(), StoreSync.origin(results)).file()));
            // the store's signatures spoiled behind the token's back: a sync that read them would index both again
            spoilSignatures(store);
            assertEquals(new StoreSync.Report(0, 0, 2, List.of()), StoreSync.sync(store, results),
                    "nothing written since the last sync: the manifest is read, not the store");

            Path result = b.resolve("result.json");
            Files.writeString(result, Files.readString(result).replace("\"status\":\"ok\"", "\"status\":\"failed\""),
                    StandardCharsets.UTF_8);
            Files.setLastModifiedTime(result, FileTime.fromMillis(Files.getLastModifiedTime(result).toMillis() + 2000));
            assertEquals(1, StoreSync.rescan(store, results).indexed(), "a result.json edited in place");
            assertEquals(1, store.query(new RunQuery("status = 'failed'", null, List.of(), 10, 0)).total());

            spoilSignatures(store);
            Path c = FakeRuns.single(results, "p1", "c", 2.0, 0.3, "2026-01-03T00:00:00Z", false);
            try (RunStore other = open()) {
                StoreSync.record(other, results, c); // another process records a run: it appends to the journal
            }
            assertTrue(manifest(store).hasJournal());
            assertEquals(new StoreSync.Report(0, 0, 3, List.of()), StoreSync.sync(store, results),
                    "a recorded run: the manifest and its journal are followed, the store is not read");
            assertTrue(!manifest(store).hasJournal(), "the sync wrote the manifest anew");

            Path d = FakeRuns.single(results, "p1", "d", 2.0, 0.3, "2026-01-04T00:00:00Z", false);
            try (RunStore other = open()) {
                StoreSync.record(other, results, d);
            }
            Files.delete(manifest(store).file().resolveSibling(manifest(store).file().getFileName() + ".journal"));
            assertEquals(new StoreSync.Report(2, 0, 2, List.of()), StoreSync.sync(store, results),
                    "a write the manifest does not follow: the store is read, and its spoiled signatures are found");
            assertEquals(new StoreSync.Report(0, 0, 4, List.of()), StoreSync.sync(store, results));
        }
    }

    @Test
    void aTagLeavesTheNextSyncToTheManifestsHeadAndJournal() throws Exception {
        FakeRuns.single(results, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        Path b = FakeRuns.single(results, "p2-5", "b", 0.5, 0.02, "2026-01-02T00:00:00Z", false);
        Files.setLastModifiedTime(results.resolve("p2-5"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        try (RunStore store = open()) {
            assertEquals(2, StoreSync.sync(store, results).indexed());
            byte[] written = Files.readAllBytes(manifest(store).file());
            RunAnnotations.retag(b, List.of("final"), List.of());
            try (RunStore other = open()) {
                StoreSync.record(other, results, b); // a tag in another process: one entry in the journal
            }
            spoilSignatures(store); // a sync that read the store, or the manifest's runs, would index both again
            assertEquals(new StoreSync.Report(0, 0, 2, List.of()), StoreSync.sync(store, results),
                    "no folder made or deleted: the manifest's head and the journal's chain are enough");
            assertTrue(manifest(store).hasJournal(), "the journal is left for a sync that lists a folder");
            assertTrue(java.util.Arrays.equals(written, Files.readAllBytes(manifest(store).file())), "not written anew");
            assertEquals(1, store.query(new RunQuery("tag = 'final'", null, List.of(), 10, 0)).total());

            Path c = FakeRuns.single(results, "p2-5", "c", 2.0, 0.3, "2026-01-03T00:00:00Z", false);
            try (RunStore other = open()) {
                StoreSync.record(other, results, c); // a new folder: its experiment folder's time moved
            }
            assertEquals(new StoreSync.Report(0, 0, 3, List.of()), StoreSync.sync(store, results));
            assertTrue(!manifest(store).hasJournal(), "the sync that listed the folder wrote the manifest anew");
        }
    }

    @Test
    void aNewRunSyncsOnlyItsExperimentFoldersPartOfTheManifest() throws Exception {
        FakeRuns.single(results, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        FakeRuns.single(results, "p2-5", "b", 0.5, 0.02, "2026-01-02T00:00:00Z", false);
        FakeRuns.single(results, "p1", "x", 1.0, 0.1, "2026-01-02T00:00:00Z", false);
        age("p2-5", "p1");
        try (RunStore store = open()) {
            assertEquals(3, StoreSync.sync(store, results).indexed());
            Path p25 = part(store, "p2-5");
            Path p1 = part(store, "p1");
            byte[] damaged = "not a part".getBytes(StandardCharsets.UTF_8);
            Files.write(p25, damaged); // a sync that read p2-5's part would find it damaged and read the store

            Path c = FakeRuns.single(results, "p1", "c", 2.0, 0.3, "2026-01-03T00:00:00Z", false);
            try (RunStore other = open()) {
                StoreSync.record(other, results, c); // a run in another process: p1's folder time moved
            }
            age("p1");
            spoilSignatures(store); // a sync that read the store would index all four again
            assertEquals(new StoreSync.Report(0, 0, 4, List.of()), StoreSync.sync(store, results),
                    "the head, the journal and p1's part are enough");
            assertTrue(java.util.Arrays.equals(damaged, Files.readAllBytes(p25)), "p2-5's part neither read nor written");
            assertTrue(!Files.exists(p1), "p1's part replaced by a new one");
            assertTrue(Files.isRegularFile(part(store, "p1")));
            assertEquals(new StoreSync.Report(0, 0, 4, List.of()), StoreSync.sync(store, results), "nothing changed");

            // a folder copied into p2-5 by hand: its damaged part makes the sync read the store (spoiled: all again)
            FakeRuns.single(results, "p2-5", "copied", 0.7, 0.05, "2026-01-04T00:00:00Z", false);
            age("p2-5");
            assertEquals(new StoreSync.Report(5, 0, 0, List.of()), StoreSync.sync(store, results));

            // a run folder deleted by hand, and a whole experiment folder
            deleteTree(c);
            age("p1");
            assertEquals(new StoreSync.Report(0, 1, 4, List.of()), StoreSync.sync(store, results));
            deleteTree(results.resolve("p1"));
            assertEquals(new StoreSync.Report(0, 1, 3, List.of()), StoreSync.sync(store, results));
            assertEquals(3, store.query(new RunQuery(null, null, List.of(), 10, 0)).total());
            try (java.util.stream.Stream<Path> parts = Files.list(manifest(store).parts())) {
                assertEquals(1, parts.count(), "one part, p2-5's: p1's deleted with its folder");
            }
        }
    }

    /** The file of the part of {@code experiment} the manifest's head names. */
    private Path part(RunStore store, String experiment) throws SQLException {
        SyncManifest m = manifest(store);
        long stamp = m.header(store.token(StoreSync.origin(results))).parts().get(experiment).stamp();
        try (java.util.stream.Stream<Path> parts = Files.list(m.parts())) {
            return parts.filter(p -> p.getFileName().toString().endsWith("-" + Long.toHexString(stamp) + ".bin"))
                    .findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long clock = System.currentTimeMillis() - 600_000;

    /** Gives the experiment folders a new time, minutes back: out of the file system clock's racy window. */
    private void age(String... experiments) throws java.io.IOException {
        for (String e : experiments) {
            clock += 1000;
            Files.setLastModifiedTime(results.resolve(e), FileTime.fromMillis(clock));
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private SyncManifest manifest(RunStore store) {
        return SyncManifest.of(results, store.url(), StoreSync.origin(results));
    }

    private static void spoilSignatures(RunStore store) throws SQLException {
        try (Statement s = store.connection().createStatement()) {
            s.executeUpdate("UPDATE wb_runs SET signature = 'spoiled'");
        }
        store.connection().commit();
    }
}
