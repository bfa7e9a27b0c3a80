package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync that finds thousands of runs to index (a store filled for the first time or emptied by a changed
 * table, run folders copied in) loads them as a reindex does, leaving a file as compact as a reindex's;
 * and a quick sync whose unread experiment folder moved while it looked reads them all instead.
 */
class StoreSyncBulkTest {
    /** The runs the bulk test writes: one more than a batch. */
    private static final int MANY = 1001;

    @TempDir
    Path work;

    @Test
    void aSyncOfThousandsOfNewRunsLeavesTheFileAReindexLeavesAndTheSameRuns() throws Exception {
        Path synced = work.resolve("synced");
        Path reindexed = work.resolve("reindexed");
        for (int i = 0; i < MANY; i++) {
            String started = String.format("2026-01-01T%02d:%02d:%02dZ", i / 3600 % 24, i / 60 % 60, i % 60);
            FakeRuns.single(synced, "p2-5", String.format("r%05d", i), 0.1 + i % 7, 0.01 * (i % 13), started, i % 2 == 0);
        }
        copy(synced, reindexed);
        long syncedBytes;
        long reindexedBytes;
        int syncedTotal;
        try (RunStore store = open(synced)) {
            assertEquals(MANY, StoreSync.sync(store, synced).indexed());
            syncedTotal = store.query(new RunQuery("experiment = 'p2-5'", null, List.of(), 5, 0)).total();
        }
        syncedBytes = Files.size(synced.resolve(StoreLocation.FOLDER).resolve("runs.mv.db"));
        try (RunStore store = open(reindexed)) {
            StoreSync.reindex(store, reindexed);
            assertEquals(syncedTotal, store.query(new RunQuery("experiment = 'p2-5'", null, List.of(), 5, 0)).total());
        }
        reindexedBytes = Files.size(reindexed.resolve(StoreLocation.FOLDER).resolve("runs.mv.db"));
        assertEquals(MANY, syncedTotal);
        assertTrue(syncedBytes * 2 <= 3 * reindexedBytes, "the sync's file " + syncedBytes + " bytes, a reindex's " + reindexedBytes);
    }

    @Test
    void aReindexOfAResultsFolderMovedWithItsStoreReplacesTheRunsIndexedUnderItsOldPath() throws Exception {
        Path moved = movedWithItsStore("reindexed");
        try (RunStore store = open(moved)) {
            assertEquals(2, StoreSync.reindex(store, moved).indexed(), "the runs indexed under the old path are replaced");
            assertEquals(2, store.query(new RunQuery("experiment = 'p2-5'", null, List.of(), 5, 0)).total());
        }
    }

    @Test
    void aResultsFolderMovedWithItsOwnStoreKeepsItsRunsWithoutIndexingThemAgain() throws Exception {
        Path moved = movedWithItsStore("synced");
        try (RunStore store = open(moved)) {
            assertEquals(new StoreSync.Report(0, 0, 2, List.of()), StoreSync.sync(store, moved),
                    "the store's runs are this folder's, under its old path: compared, not indexed again");
            assertEquals(2, store.query(new RunQuery("experiment = 'p2-5'", null, List.of(), 5, 0)).total());
            assertEquals(new StoreSync.Report(0, 0, 2, List.of()), StoreSync.sync(store, moved));
        }
    }

    @Test
    void thousandsAndAnEighthOfAllGoTheBulkWay() {
        assertTrue(StoreSync.bulk(1000, 1000));
        assertTrue(StoreSync.bulk(50_000, 150_000));
        assertFalse(StoreSync.bulk(999, 999), "under a batch: indexed as it is");
        assertFalse(StoreSync.bulk(5_000, 100_000), "a twentieth of the store: indexed as it is");
    }

    @Test
    void anUnreadFolderThatMovedNewOrGoneSendsTheQuickSyncToReadThemAll() {
        Map<String, Long> head = Map.of("a", 10L, "b", 20L);
        assertTrue(StoreSync.unreadAsTheHeadSays(head, Map.of("a", 10L, "b", 20L), Set.of()));
        assertTrue(StoreSync.unreadAsTheHeadSays(head, Map.of("a", 11L, "b", 20L), Set.of("a")), "a moved and was read");
        assertFalse(StoreSync.unreadAsTheHeadSays(head, Map.of("a", 10L, "b", 21L), Set.of("a")), "b moved unread");
        assertFalse(StoreSync.unreadAsTheHeadSays(head, Map.of("a", 10L), Set.of("a")), "b gone unread");
        assertFalse(StoreSync.unreadAsTheHeadSays(head, Map.of("a", 10L, "b", 20L, "c", 5L), Set.of("a")), "c new unread");
    }

    /** Two runs indexed in a results folder's own store, then the folder moved (as `mv` does) to {@code name}. */
    private Path movedWithItsStore(String name) throws Exception {
        Path before = work.resolve(name + "-before");
        FakeRuns.single(before, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        FakeRuns.single(before, "p2-5", "b", 0.5, 0.02, "2026-01-02T00:00:00Z", false);
        try (RunStore store = open(before)) {
            assertEquals(2, StoreSync.sync(store, before).indexed());
        }
        Path moved = work.resolve(name);
        Files.move(before, moved);
        return moved;
    }

    private static RunStore open(Path results) throws Exception {
        return RunStore.open(StoreLocation.of(results, Map.of()).url(), new Properties());
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
