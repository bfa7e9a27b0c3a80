package org.workbench.engine.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the store a cache of the result folders: {@link #sync} compares every run folder's signature
 * with the index and reads only the folders that are new or changed, and forgets runs whose folder is
 * gone; {@link #reindex} forgets everything indexed from the folder and reads it all again, which
 * gives the same content. Runs indexed from other results folders (a shared store) are left alone.
 */
public final class StoreSync {
    /**
     * What a sync did.
     *
     * @param unreadable folders whose {@code result.json} could not be read, each with why (left out of the index)
     */
    public record Report(int indexed, int removed, int unchanged, List<String> unreadable) {
    }

    /** This machine's name, read once (from the kernel where there is one: a DNS lookup may take seconds). */
    private static final String HOST = host();

    private StoreSync() {
    }

    private static String host() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException f) {
                return "localhost";
            }
        }
    }

    /** The name of a results folder among those sharing a store: host and absolute path. */
    public static String origin(Path results) {
        return HOST + ":" + results.toAbsolutePath().normalize();
    }

    /**
     * Brings the index of {@code results} up to date with its folders, the quick way (a start-up): what
     * the store holds is read from the {@link SyncManifest} the last sync left when no process wrote to
     * the store since other than through the manifest's journal, and only the experiment folders whose
     * modification time moved since are listed again ({@link FolderScan#quick}): new and deleted run
     * folders are found, and every change the workbench made itself (runs, tags, notes) is in the
     * journal. A change made by hand inside a run folder needs {@link #rescan}. Without a usable
     * manifest, this is a {@link #rescan}.
     */
    public static Report sync(RunStore store, Path results) throws IOException, SQLException {
        return sync(store, results, false);
    }

    /**
     * Brings the index of {@code results} up to date with its folders, comparing every run folder's
     * signature (two {@code stat} calls a run): also finds a {@code result.json} edited by hand in place,
     * or a tag file renamed into a run folder by hand.
     */
    public static Report rescan(RunStore store, Path results) throws IOException, SQLException {
        return sync(store, results, true);
    }

    private static Report sync(RunStore store, Path results, boolean everyRun) throws IOException, SQLException {
        String origin = origin(results);
        SyncManifest manifest = SyncManifest.of(results, store.url(), origin);
        String token = store.token(origin);
        if (!everyRun) {
            SyncManifest.Header header = manifest.header(token);
            if (header != null) {
                Set<String> moved = FolderScan.moved(results, header.times());
                if (moved.isEmpty() && Files.isDirectory(results)) {
                    return new Report(0, 0, header.runs(), List.of()); // nothing written, no experiment folder touched
                }
                Report r = experiments(store, results, origin, token, manifest, header, moved);
                if (r != null) {
                    return r;
                }
            }
        }
        String before = store.written();
        SyncManifest.Snapshot snapshot = manifest.snapshot(token);
        Map<String, String> fromManifest = snapshot == null ? null : snapshot.signatures();
        Map<String, String> indexed = fromManifest != null ? fromManifest : store.signatures(origin);
        FolderScan.Found found = everyRun || snapshot == null ? FolderScan.full(results)
                : FolderScan.quick(results, snapshot.times(), indexed);
        if (indexed.isEmpty() && store.url().equals(StoreLocation.embeddedUrl(results))
                && store.adoptRuns(origin, found.signatures()) > 0) {
            // the store this results folder keeps inside itself, moved or copied here with it: the runs it holds
            // of this folder's run folders, unchanged, were indexed under its old path; they are kept, not indexed again
            indexed = store.signatures(origin);
        }
        if (bulk(store, toIndex(indexed, found), found.signatures().size())) {
            return reindex(store, results);
        }
        if (token == null) {
            token = store.mark(origin);
        }
        Changes c = apply(store, results, origin, indexed, found);
        if (fromManifest == null || c.wrote() || manifest.hasJournal() || !found.times().equals(snapshot.times())) {
            manifest.write(java.util.Objects.equals(before, store.written()) ? token : store.written(), c.now(),
                    c.times(found));
        }
        return c.report(0);
    }

    /**
     * The quick sync of the experiment folders {@code moved} (and those the journal changed), reading and
     * writing only their parts of the manifest; {@code null} when a part cannot be read (the caller then
     * reads the whole manifest or the store).
     */
    private static Report experiments(RunStore store, Path results, String origin, String token,
            SyncManifest manifest, SyncManifest.Header header, Set<String> moved) throws IOException, SQLException {
        String before = store.written();
        Set<String> read = new HashSet<>(moved);
        read.addAll(header.journalled());
        Map<String, String> indexed = manifest.runs(header, read);
        if (indexed == null) {
            return null;
        }
        // the experiment folders not read are as the head says: their times, their runs unchanged
        FolderScan.Found found = FolderScan.quick(results, header.times(), indexed);
        if (!unreadAsTheHeadSays(header.times(), found.times(), read)) {
            // one moved (a run deleted or added by another process) between the look at the times and this
            // listing: its runs were not read, so a deletion there would go unseen; the caller reads them all
            return null;
        }
        if (bulk(store, toIndex(indexed, found), header.runs())) {
            return null; // thousands of runs to index: the caller's bulk path
        }
        Changes c = apply(store, results, origin, indexed, found);
        // new parts for the experiment folders whose runs changed (or the journal changed): the others keep theirs
        Set<String> rewrite = new HashSet<>(header.journalled());
        c.gone().forEach(k -> rewrite.add(SyncManifest.experiment(k)));
        c.changed().forEach(k -> rewrite.add(SyncManifest.experiment(k)));
        Map<String, Map<String, String>> parts = new HashMap<>();
        rewrite.forEach(experiment -> parts.put(experiment, new HashMap<>()));
        c.now().forEach((key, signature) -> {
            String experiment = SyncManifest.experiment(key);
            Map<String, String> part = parts.get(experiment);
            if (part != null) {
                part.put(key.substring(experiment.length() + 1), signature);
            }
        });
        manifest.update(header, java.util.Objects.equals(before, store.written()) ? token : store.written(), parts,
                c.times(found));
        int untouched = header.parts().entrySet().stream().filter(e -> !read.contains(e.getKey()))
                .mapToInt(e -> e.getValue().runs()).sum();
        return c.report(untouched);
    }

    /**
     * What a sync changed: the runs whose folders are {@code gone} or {@code changed} (of which those
     * {@code failed} could not be read), and the signatures {@code now} known.
     */
    private record Changes(List<String> gone, List<String> changed, List<String> unreadable, Set<String> failed,
            Map<String, String> now, int folders) {
        boolean wrote() {
            return !gone.isEmpty() || !changed.isEmpty();
        }

        /** The experiment folders' times to keep: those found, an experiment with a failed folder read again next time. */
        Map<String, Long> times(FolderScan.Found found) {
            Map<String, Long> times = new HashMap<>(found.times());
            failed.forEach(k -> times.put(SyncManifest.experiment(k), FolderScan.UNKNOWN));
            return times;
        }

        Report report(int untouched) {
            return new Report(changed.size() - unreadable.size(), gone.size(),
                    untouched + folders - changed.size(), unreadable);
        }
    }

    /**
     * Whether every experiment folder not {@code read} still has the time the head recorded ({@code head}),
     * as {@code found} looked at it after its parts were read; a new or deleted folder not read counts as moved.
     */
    static boolean unreadAsTheHeadSays(Map<String, Long> head, Map<String, Long> found, Set<String> read) {
        Set<String> folders = new HashSet<>(head.keySet());
        folders.addAll(found.keySet());
        for (String folder : folders) {
            if (!read.contains(folder) && !java.util.Objects.equals(head.get(folder), found.get(folder))) {
                return false;
            }
        }
        return true;
    }

    /** How many of the folders {@code found} are new or changed against {@code indexed}. */
    private static int toIndex(Map<String, String> indexed, FolderScan.Found found) {
        int n = 0;
        for (Map.Entry<String, String> e : found.signatures().entrySet()) {
            if (!e.getValue().equals(indexed.get(e.getKey()))) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether a sync that would index {@code toIndex} of {@code runs} run folders goes through
     * {@link #reindex} instead: at least a batch of them, and at least an eighth of all. Indexed a batch at
     * a time into a store that keeps its indexes, a run costs about ten times what the reindex's bulk load
     * costs (12.7 against 1.3 ms a run of CPU at 100,000), and every batch's commit leaves its replaced
     * pages in the H2 file: a store emptied by a changed table grew from 24 MB to 1.7 GB filling 10,000
     * runs again, where the bulk load leaves a compact file (docs/run-store.md). A store filled for the
     * first time, one whose table changed, and thousands of run folders copied in take this path.
     */
    static boolean bulk(int toIndex, int runs) {
        return toIndex >= BATCH && (long) toIndex * 8 >= runs;
    }

    /**
     * {@link #bulk(int, int)} for an H2 store only: on a shared server a reindex removes the origin's runs
     * before it loads them again, and other workbenches' queries would see them missing meanwhile.
     */
    private static boolean bulk(RunStore store, int toIndex, int runs) {
        return store.url().startsWith("jdbc:h2:") && bulk(toIndex, runs);
    }

    /** Removes the runs of {@code indexed} not {@code found}, and indexes those new or changed. */
    private static Changes apply(RunStore store, Path results, String origin, Map<String, String> indexed,
            FolderScan.Found found) throws SQLException {
        Map<String, String> folders = found.signatures();
        List<String> gone = indexed.keySet().stream().filter(k -> !folders.containsKey(k)).toList();
        List<String> changed = folders.entrySet().stream().filter(e -> !e.getValue().equals(indexed.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
        List<String> unreadable = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        if (!gone.isEmpty()) {
            store.remove(gone, origin);
        }
        write(store, results, origin, changed, folders, unreadable, failed, true);
        Map<String, String> now = new HashMap<>(indexed);
        gone.forEach(now::remove);
        changed.stream().filter(k -> !failed.contains(k)).forEach(k -> now.put(k, folders.get(k)));
        return new Changes(gone, changed, unreadable, failed, now, folders.size());
    }

    /** Forgets the runs of {@code results} and indexes every folder again. */
    public static Report reindex(RunStore store, Path results) throws IOException, SQLException {
        String origin = origin(results);
        boolean bulk = store.clearForReindex(origin);
        FolderScan.Found found = FolderScan.full(results);
        Map<String, String> folders = found.signatures();
        List<String> unreadable = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        // without the bulk load (a store that other results folders share) a run may still be held under another
        // origin: this folder's own runs indexed before it was moved or copied here, under the same key
        write(store, results, origin, folders.keySet().stream().sorted().toList(), folders, unreadable, failed, !bulk);
        if (bulk) {
            store.finishBulk();
        }
        store.remakeCaches(); // every row was replaced: the cache files there are made again whole
        Map<String, String> now = new HashMap<>(folders);
        failed.forEach(now::remove);
        Map<String, Long> times = new HashMap<>(found.times());
        failed.forEach(k -> times.put(SyncManifest.experiment(k), FolderScan.UNKNOWN));
        SyncManifest.of(results, store.url(), origin).write(store.written(), now, times);
        return new Report(folders.size() - unreadable.size(), 0, 0, unreadable);
    }

    /** Indexes the one run folder {@code run} of {@code results} (a run just published, a run tagged). */
    public static void record(RunStore store, Path results, Path run) throws IOException, SQLException {
        String signature = FolderScan.signature(run);
        String key = run.getParent().getFileName() + "/" + run.getFileName();
        String origin = origin(results);
        if (signature == null) {
            store.remove(List.of(key), origin);
        } else {
            store.put(List.of(ResultFolderReader.read(run, signature)), origin);
        }
        SyncManifest.of(results, store.url(), origin).append(store.replaced(), store.written(), key, signature);
    }

    /** A folder read for the index: the run, or why it could not be read. */
    private record Read(String key, StoredRun run, String problem) {
    }

    /**
     * Reads the folders {@code keys} and writes them to the store in transactions of {@value #BATCH}
     * runs, reading the next batch (on the common pool) while the store writes this one.
     */
    private static void write(RunStore store, Path results, String origin, List<String> keys,
            Map<String, String> signatures, List<String> unreadable, Set<String> failed, boolean replace)
            throws SQLException {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            batches.add(keys.subList(from, Math.min(keys.size(), from + BATCH)));
        }
        java.util.concurrent.CompletableFuture<List<Read>> next = batches.isEmpty() ? null
                : readLater(results, batches.get(0), signatures);
        for (int i = 0; i < batches.size(); i++) {
            List<Read> read = next.join();
            next = i + 1 < batches.size() ? readLater(results, batches.get(i + 1), signatures) : null;
            List<StoredRun> batch = new ArrayList<>();
            for (Read r : read) {
                if (r.run() != null) {
                    batch.add(r.run());
                } else {
                    unreadable.add(r.problem());
                    failed.add(r.key());
                }
            }
            if (!batch.isEmpty()) {
                store.put(batch, origin, replace, batches.size() == 1);
            }
        }
        if (replace && batches.size() > 1) {
            // each batch would have rewritten every cache file (35 MB at 100,000 runs): they are made once here
            store.remakeCaches();
        }
    }

    private static final int BATCH = 1000;

    private static java.util.concurrent.CompletableFuture<List<Read>> readLater(Path results, List<String> keys,
            Map<String, String> signatures) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> keys.parallelStream().map(key -> {
            Path folder = results.resolve(key);
            try {
                return new Read(key, ResultFolderReader.read(folder, signatures.get(key)), null);
            } catch (IOException | RuntimeException e) {
                return new Read(key, null, folder + ": " + e.getMessage());
            }
        }).toList());
    }
}
