package org.workbench.engine.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** Brings the index of {@code results} up to date with its folders. */
    public static Report sync(RunStore store, Path results) throws IOException, SQLException {
        String origin = origin(results);
        Map<String, String> folders = FolderScan.scan(results);
        Map<String, String> indexed = store.signatures(origin);
        List<String> gone = indexed.keySet().stream().filter(k -> !folders.containsKey(k)).toList();
        List<String> changed = folders.entrySet().stream().filter(e -> !e.getValue().equals(indexed.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
        List<String> unreadable = new ArrayList<>();
        if (!gone.isEmpty()) {
            store.remove(gone);
        }
        write(store, results, origin, changed, folders, unreadable, true);
        return new Report(changed.size() - unreadable.size(), gone.size(), folders.size() - changed.size(), unreadable);
    }

    /** Forgets the runs of {@code results} and indexes every folder again. */
    public static Report reindex(RunStore store, Path results) throws IOException, SQLException {
        String origin = origin(results);
        store.removeOrigin(origin);
        Map<String, String> folders = FolderScan.scan(results);
        List<String> unreadable = new ArrayList<>();
        write(store, results, origin, folders.keySet().stream().sorted().toList(), folders, unreadable, false);
        return new Report(folders.size() - unreadable.size(), 0, 0, unreadable);
    }

    /** Indexes the one run folder {@code run} of {@code results} (a run just published, a run tagged). */
    public static void record(RunStore store, Path results, Path run) throws IOException, SQLException {
        String signature = FolderScan.signature(run);
        String key = run.getParent().getFileName() + "/" + run.getFileName();
        if (signature == null) {
            store.remove(List.of(key));
            return;
        }
        store.put(List.of(ResultFolderReader.read(run, signature)), origin(results));
    }

    private static void write(RunStore store, Path results, String origin, List<String> keys,
            Map<String, String> signatures, List<String> unreadable, boolean replace) throws SQLException {
        List<StoredRun> batch = new ArrayList<>();
        for (String key : keys) {
            Path folder = results.resolve(key);
            try {
                batch.add(ResultFolderReader.read(folder, signatures.get(key)));
            } catch (IOException e) {
                unreadable.add(folder + ": " + e.getMessage());
            }
            if (batch.size() == 1000) {
                store.put(batch, origin, replace);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.put(batch, origin, replace);
        }
    }
}
