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
