package org.workbench.engine.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the last sync of a results folder left in the store, kept beside it so that the next sync need
 * not read every run's signature back from the database: {@code experiment/run-id} to signature, with
 * the store's write token ({@link RunStore#token}) at that moment. Every write to the store of a results
 * folder (a run recorded, a sync, a reindex, by any process) replaces the token, so a manifest whose
 * token still matches describes the store as it is, and any other is ignored (the sync then reads the
 * signatures from the store, as before). A manifest per store URL and results folder, under
 * {@code <results>/.store/}.
 *
 * <p>It is split by experiment folder: a head ({@code synced-*.bin}: the token, and per experiment
 * folder its modification time, its number of runs and the stamp of its part) and one part per
 * experiment folder ({@code synced-*.parts/<experiment hash>-<stamp>.bin}: that folder's runs and
 * signatures). A part is never changed: a sync that changes an experiment's runs writes a new part
 * under a new stamp, then the head, by a temporary file and a rename each, so the head is whole or
 * absent and names only whole parts; a part the head names that is missing or damaged makes the
 * manifest unusable (the sync reads the store). So a sync after a new run reads and writes the head and
 * that one experiment's part, not every run's signature.
 *
 * <p>A run recorded as it is published appends one entry to the manifest's journal instead (the token
 * it replaced, its own, the run and its signature): the manifest followed by the journal's chain of
 * tokens up to the store's describes the store as well.
 */
final class SyncManifest {
    private static final String MAGIC = "workbench-sync-manifest-4";
    private static final String PART_MAGIC = "workbench-sync-part-1";
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

    /** An experiment folder's part: its stamp (part of its file name) and how many runs it holds. */
    record Part(long stamp, int runs) {
    }

    /**
     * The head of a manifest that describes the store at a token: the experiment folders' times, their
     * parts, and the journal's entries that chain on from the head's token to the store's (in order).
     */
    record Header(Map<String, Long> times, Map<String, Part> parts, List<Entry> journal) {
        /** How many runs the parts hold (not counting the journal). */
        int runs() {
            return parts.values().stream().mapToInt(Part::runs).sum();
        }

        /** The experiment folders whose runs the journal's entries change. */
        Set<String> journalled() {
            Set<String> experiments = new HashSet<>();
            journal.forEach(e -> experiments.add(experiment(e.key())));
            return experiments;
        }
    }

    /** A journal entry: a write replaced the token {@code before} with {@code after}, leaving {@code key} at {@code signature}. */
    record Entry(String before, String after, String key, String signature) {
    }

    private final Path file;

    private SyncManifest(Path file) {
        this.file = file;
    }

    /** The manifest of the store at {@code url} for the results folder {@code results} (named {@code origin} there). */
    static SyncManifest of(Path results, String url, String origin) {
        return new SyncManifest(results.resolve(StoreLocation.FOLDER)
                .resolve("synced-" + HexFormat.of().formatHex(sha256(url + "\n" + origin), 0, 8) + ".bin"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The head's file. */
    Path file() {
        return file;
    }

    /** The folder of the parts. */
    Path parts() {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".bin".length()) + ".parts");
    }

    private Path part(String experiment, long stamp) {
        return parts().resolve(HexFormat.of().formatHex(sha256(experiment), 0, 8) + "-" + Long.toHexString(stamp) + ".bin");
    }

    /** Whether runs recorded since the manifest was written left entries (a sync then writes it anew). */
    boolean hasJournal() {
        return Files.exists(journal());
    }

    private Path journal() {
        return file.resolveSibling(file.getFileName() + ".journal");
    }

    /** The experiment folder of a run key ({@code experiment/run}). */
    static String experiment(String key) {
        return key.substring(0, Math.max(0, key.indexOf('/')));
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
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(before);
                out.writeUTF(after);
                out.writeUTF(key);
                out.writeBoolean(signature != null);
                out.writeUTF(signature == null ? "" : signature);
            }
            Files.write(journal(), bytes.toByteArray(), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            // the chain breaks here: the next sync reads the store
        }
    }

    /**
     * The journal's entries that chain on from {@code from} to {@code token}, in order; {@code null} when
     * the chain does not reach {@code token} (or the journal is longer than {@code most} bytes).
     */
    private List<Entry> follow(String from, String token, long most) throws IOException {
        if (!Files.isRegularFile(journal())) {
            return token.equals(from) ? List.of() : null;
        }
        if (Files.size(journal()) > most) {
            return null;
        }
        List<Entry> entries = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(journal())))) {
            while (true) {
                String before;
                try {
                    before = in.readUTF();
                } catch (EOFException end) {
                    break;
                }
                String after = in.readUTF();
                String key = in.readUTF();
                boolean present = in.readBoolean();
                String signature = in.readUTF();
                entries.add(new Entry(before, after, key, present ? signature : null));
            }
        } catch (EOFException torn) {
            // an entry being appended: the ones before it count
        }
        List<Entry> chain = new ArrayList<>();
        String at = from;
        boolean moved = true;
        while (moved) { // two processes may append in the other order than they committed
            moved = false;
            for (Iterator<Entry> i = entries.iterator(); i.hasNext();) {
                Entry e = i.next();
                if (e.before().equals(at)) {
                    i.remove(); // each entry once: the loop ends
                    chain.add(e);
                    at = e.after();
                    moved = true;
                }
            }
        }
        return token.equals(at) ? chain : null;
    }

    /**
     * What the manifest says without reading its runs: the experiment folders' times and parts, when it
     * was written at {@code token}, or its journal (at most {@value #MOST_JOURNAL} bytes) chains on to
     * {@code token}; else {@code null}. A sync that finds every experiment folder's time unchanged is then
     * done: the journal's runs are in the store already, and none of them is a new or a deleted folder
     * (that moves its experiment folder's time), so after a tag or a note the next sync reads neither the
     * manifest's runs nor the store, and leaves the journal for a sync that lists a folder.
     */
    Header header(String token) {
        return header(token, MOST_JOURNAL);
    }

    private Header header(String token, long mostJournal) {
        if (token == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 13))) {
            if (!MAGIC.equals(in.readUTF())) {
                return null;
            }
            String at = in.readUTF();
            int m = in.readInt();
            Map<String, Long> times = new HashMap<>();
            Map<String, Part> parts = new HashMap<>();
            for (int i = 0; i < m; i++) {
                String experiment = in.readUTF();
                boolean timed = in.readBoolean();
                long time = in.readLong();
                long stamp = in.readLong();
                int runs = in.readInt();
                if (timed) {
                    times.put(experiment, time);
                }
                if (runs > 0) {
                    parts.put(experiment, new Part(stamp, runs));
                }
            }
            if (in.read() != -1) {
                return null;
            }
            List<Entry> journal = follow(at, token, mostJournal);
            return journal == null ? null : new Header(times, parts, journal);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged manifest only costs reading the signatures from the store
        }
    }

    /**
     * The runs of the experiment folders {@code experiments} as {@code header} and its journal describe
     * them ({@code experiment/run-id} to signature), reading only those folders' parts; {@code null} when
     * a part is missing or damaged. The journal's entries for other experiment folders are left out.
     */
    Map<String, String> runs(Header header, Collection<String> experiments) {
        Map<String, String> signatures = new HashMap<>();
        for (String experiment : experiments) {
            Part p = header.parts().get(experiment);
            if (p != null && !readPart(experiment, p, signatures)) {
                return null;
            }
        }
        for (Entry e : header.journal()) {
            if (experiments.contains(experiment(e.key()))) {
                if (e.signature() == null) {
                    signatures.remove(e.key());
                } else {
                    signatures.put(e.key(), e.signature());
                }
            }
        }
        return signatures;
    }

    private boolean readPart(String experiment, Part p, Map<String, String> into) {
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(Files.newInputStream(part(experiment, p.stamp())), 1 << 16))) {
            if (!PART_MAGIC.equals(in.readUTF()) || !experiment.equals(in.readUTF()) || in.readLong() != p.stamp()) {
                return false;
            }
            int n = in.readInt();
            if (n != p.runs()) {
                return false;
            }
            String prefix = experiment + "/";
            for (int i = 0; i < n; i++) {
                into.put(prefix + in.readUTF(), in.readUTF());
            }
            return in.read() == -1;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What it holds (every part) when it was written at {@code token}; {@code null} when absent, unreadable or stale. */
    Snapshot snapshot(String token) {
        Header h = header(token, Long.MAX_VALUE);
        if (h == null) {
            return null;
        }
        Set<String> experiments = new HashSet<>(h.parts().keySet());
        experiments.addAll(h.journalled());
        Map<String, String> signatures = runs(h, experiments);
        return signatures == null ? null : new Snapshot(signatures, h.times());
    }

    /**
     * Replaces the manifest with {@code signatures} and the experiment folders' {@code times} at
     * {@code token}, every part written anew (parts no longer named are deleted); a failure leaves none
     * (the next sync reads the store and every folder).
     */
    void write(String token, Map<String, String> signatures, Map<String, Long> times) {
        Map<String, Map<String, String>> by = new HashMap<>();
        for (Map.Entry<String, String> e : signatures.entrySet()) {
            String key = e.getKey();
            by.computeIfAbsent(experiment(key), k -> new HashMap<>()).put(key.substring(key.indexOf('/') + 1), e.getValue());
        }
        update(null, token, by, times);
    }

    /**
     * Writes the manifest at {@code token} from {@code base}'s head: the experiment folders in
     * {@code changed} get new parts holding their runs (run id to signature; an empty map: none), the
     * others keep theirs, and the times are {@code times}. The journal, folded into {@code changed} by the
     * caller, is deleted; so are the parts the new head no longer names ({@code base == null}: every other
     * part). A failure leaves no manifest (the next sync reads the store and every folder).
     */
    void update(Header base, String token, Map<String, Map<String, String>> changed, Map<String, Long> times) {
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(parts());
            Map<String, Part> parts = new HashMap<>(base == null ? Map.of() : base.parts());
            for (Map.Entry<String, Map<String, String>> e : changed.entrySet()) {
                if (e.getValue().isEmpty()) {
                    parts.remove(e.getKey());
                } else {
                    parts.put(e.getKey(), writePart(e.getKey(), e.getValue()));
                }
            }
            if (base == null) {
                parts.keySet().retainAll(changed.keySet());
            }
            Set<String> experiments = new HashSet<>(times.keySet());
            experiments.addAll(parts.keySet());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 13))) {
                out.writeUTF(MAGIC);
                out.writeUTF(token);
                out.writeInt(experiments.size());
                for (String experiment : experiments) {
                    Long time = times.get(experiment);
                    Part p = parts.getOrDefault(experiment, new Part(0, 0));
                    out.writeUTF(experiment);
                    out.writeBoolean(time != null);
                    out.writeLong(time == null ? 0 : time);
                    out.writeLong(p.stamp());
                    out.writeInt(p.runs());
                }
            }
            move(tmp, file);
            // the new manifest holds what the journal said (an entry appended meanwhile is lost: the
            // chain breaks and the next sync reads the store)
            Files.deleteIfExists(journal());
            deleteParts(base, parts);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stale manifest is ignored by its token
            }
        }
    }

    /** Writes a new part of {@code experiment} holding {@code runs} (run id to signature). */
    private Part writePart(String experiment, Map<String, String> runs) throws IOException {
        long stamp;
        Path target;
        do {
            stamp = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
            target = part(experiment, stamp);
        } while (stamp == 0 || Files.exists(target));
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeUTF(PART_MAGIC);
            out.writeUTF(experiment);
            out.writeLong(stamp);
            out.writeInt(runs.size());
            for (Map.Entry<String, String> e : runs.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        }
        move(tmp, target);
        return new Part(stamp, runs.size());
    }

    /**
     * Deletes the parts {@code base} named that {@code now} does not; without a base, every file in the
     * parts folder that {@code now} does not name (parts left by a process that stopped before its head).
     */
    private void deleteParts(Header base, Map<String, Part> now) throws IOException {
        Set<Path> keep = new HashSet<>();
        now.forEach((experiment, p) -> keep.add(part(experiment, p.stamp())));
        if (base != null) {
            for (Map.Entry<String, Part> e : base.parts().entrySet()) {
                Path old = part(e.getKey(), e.getValue().stamp());
                if (!keep.contains(old)) {
                    Files.deleteIfExists(old);
                }
            }
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(parts())) {
            for (Path f : files) {
                if (!keep.contains(f) && !f.getFileName().toString().startsWith(".")) { // not another's temporary file
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
