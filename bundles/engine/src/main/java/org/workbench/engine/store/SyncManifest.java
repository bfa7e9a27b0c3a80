package org.workbench.engine.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * What the last sync of a results folder left in the store, kept beside it so that the next sync need
 * not read every run's signature back from the database: {@code experiment/run-id} to signature, with
 * the store's write token ({@link RunStore#token}) at that moment. Every write to the store of a results
 * folder (a run recorded, a sync, a reindex, by any process) replaces the token, so a manifest whose
 * token still matches describes the store as it is, and any other is ignored (the sync then reads the
 * signatures from the store, as before). A file per store URL and results folder, under
 * {@code <results>/.store/}, written to a temporary file and renamed, so it is whole or absent.
 * A run recorded as it is published appends one entry to the manifest's journal instead (the token it
 * replaced, its own, the run and its signature): the manifest followed by the journal's chain of
 * tokens up to the store's describes the store as well.
 */
final class SyncManifest {
    private static final String MAGIC = "workbench-sync-manifest-3";
    /**
     * The longest journal (bytes, a few hundred entries) that {@link #header} follows; a longer one makes the
     * next sync write the manifest anew.
     */
    static final long MOST_JOURNAL = 64 * 1024;

    /**
     * What a manifest holds: the run signatures, and the experiment folders' modification times the
     * look that found them saw ({@link FolderScan#quick}).
     */
    record Snapshot(Map<String, String> signatures, Map<String, Long> times) {
    }

    private final Path file;

    private SyncManifest(Path file) {
        this.file = file;
    }

    /** The manifest of the store at {@code url} for the results folder {@code results} (named {@code origin} there). */
    static SyncManifest of(Path results, String url, String origin) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((url + "\n" + origin).getBytes(StandardCharsets.UTF_8));
            return new SyncManifest(results.resolve(StoreLocation.FOLDER)
                    .resolve("synced-" + HexFormat.of().formatHex(d, 0, 8) + ".bin"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path file() {
        return file;
    }

    /** Whether runs recorded since the manifest was written left entries (a sync then writes it anew). */
    boolean hasJournal() {
        return Files.exists(journal());
    }

    private Path journal() {
        return file.resolveSibling(file.getFileName() + ".journal");
    }

    /**
     * Notes that a write replaced the store's token {@code before} with {@code after} and left the run
     * {@code key} with {@code signature} ({@code null}: removed). One append of a few hundred bytes
     * (whole, as the system appends it); a failure only costs the next sync a read of the store.
     */
    void append(String before, String after, String key, String signature) {
        if (before == null || after == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(before);
                out.writeUTF(after);
                out.writeUTF(key);
                out.writeBoolean(signature != null);
                out.writeUTF(signature == null ? "" : signature);
            }
            Files.write(journal(), bytes.toByteArray(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            // the chain breaks here: the next sync reads the store
        }
    }

    private record Entry(String before, String after, String key, String signature) {
    }

    /** Applies the journal's entries that chain on from {@code from} to {@code signatures}; returns the token reached. */
    private String follow(String from, Map<String, String> signatures) throws IOException {
        if (!Files.isRegularFile(journal())) {
            return from;
        }
        java.util.List<Entry> entries = new java.util.ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(journal())))) {
            while (true) {
                String before;
                try {
                    before = in.readUTF();
                } catch (java.io.EOFException end) {
                    break;
                }
                String after = in.readUTF();
                String key = in.readUTF();
                boolean present = in.readBoolean();
                String signature = in.readUTF();
                entries.add(new Entry(before, after, key, present ? signature : null));
            }
        } catch (java.io.EOFException torn) {
            // an entry being appended: the ones before it count
        }
        String at = from;
        boolean moved = true;
        while (moved) { // two processes may append in the other order than they committed
            moved = false;
            for (java.util.Iterator<Entry> i = entries.iterator(); i.hasNext();) {
                Entry e = i.next();
                if (e.before().equals(at)) {
                    i.remove(); // each entry once: the loop ends
                    if (e.signature() == null) {
                        signatures.remove(e.key());
                    } else {
                        signatures.put(e.key(), e.signature());
                    }
                    at = e.after();
                    moved = true;
                }
            }
        }
        return at;
    }

    /** The signatures it holds when it was written at {@code token}; {@code null} when absent, unreadable or stale. */
    Map<String, String> read(String token) {
        Snapshot s = snapshot(token);
        return s == null ? null : s.signatures();
    }

    /** What it holds when it was written at {@code token}; {@code null} when absent, unreadable or stale. */
    Snapshot snapshot(String token) {
        if (token == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!MAGIC.equals(in.readUTF())) {
                return null;
            }
            String at = in.readUTF();
            Map<String, Long> times = times(in);
            int n = in.readInt();
            Map<String, String> signatures = new HashMap<>(Math.max(16, n * 4 / 3 + 1));
            for (int i = 0; i < n; i++) {
                signatures.put(in.readUTF(), in.readUTF());
            }
            if (in.read() != -1) {
                return null;
            }
            return token.equals(at) || token.equals(follow(at, signatures)) ? new Snapshot(signatures, times) : null;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged manifest only costs reading the signatures from the store
        }
    }

    /**
     * What the manifest says without reading its runs: the experiment folders' times and how many runs
     * it holds, when it was written at {@code token}, or its journal (at most {@value #MOST_JOURNAL} bytes)
     * chains on to {@code token}; else {@code null}. A sync that finds every experiment folder's time
     * unchanged is then done: the journal's runs are in the store already, and none of them is a new or a
     * deleted folder (that moves its experiment folder's time), so after a tag or a note the next sync reads
     * neither the manifest's runs nor the store, and leaves the journal for a sync that lists a folder.
     */
    Header header(String token) {
        if (token == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 13))) {
            if (!MAGIC.equals(in.readUTF())) {
                return null;
            }
            String at = in.readUTF();
            Map<String, Long> times = times(in);
            int runs = in.readInt();
            if (token.equals(at) && !hasJournal()) {
                return new Header(times, runs);
            }
            // runs rewritten since (a tag, a note, an evaluation): the short journal's chain reaches the token
            if (!hasJournal() || Files.size(journal()) > MOST_JOURNAL || !token.equals(follow(at, new HashMap<>()))) {
                return null;
            }
            return new Header(times, runs);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The experiment folders' times a manifest holds, and its number of runs. */
    record Header(Map<String, Long> times, int runs) {
    }

    private static Map<String, Long> times(DataInputStream in) throws IOException {
        int m = in.readInt();
        Map<String, Long> times = new HashMap<>();
        for (int i = 0; i < m; i++) {
            times.put(in.readUTF(), in.readLong());
        }
        return times;
    }

    /** Replaces the manifest with {@code signatures} at {@code token}, with no experiment folder times. */
    void write(String token, Map<String, String> signatures) {
        write(token, signatures, Map.of());
    }

    /**
     * Replaces the manifest with {@code signatures} and the experiment folders' {@code times} at
     * {@code token}; a failure leaves none (the next sync reads the store and every folder).
     */
    void write(String token, Map<String, String> signatures, Map<String, Long> times) {
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeUTF(MAGIC);
                out.writeUTF(token);
                out.writeInt(times.size());
                for (Map.Entry<String, Long> e : times.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeLong(e.getValue());
                }
                out.writeInt(signatures.size());
                for (Map.Entry<String, String> e : signatures.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeUTF(e.getValue());
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            // the new manifest holds what the journal said (an entry appended meanwhile is lost: the
            // chain breaks and the next sync reads the store)
            Files.deleteIfExists(journal());
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stale manifest is ignored by its token
            }
        }
    }
}
