package org.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The files a point's record carries from a cluster member to the coordinator (its checkpoints,
 * plots and kept inputs): each as {@code {"sha256", "bytes", "data"}} (data in Base64). The
 * coordinator writes a file only when it is one of the point's listed artifacts, lies inside the
 * point's own folder ({@code points/N/}, or the run's folder for a run of one point, never its
 * resume state), is within the size bounds and has the SHA-256 it was sent with; the files are written
 * under temporary names and renamed only when all of them passed, so a refused answer leaves nothing.
 */
final class PointFiles {
    /** The most bytes one point may send back (all its files together). */
    static final long MAX_POINT_BYTES = 512L << 20;

    private PointFiles() {
    }

    /** The files {@code paths} (relative to {@code resultFolder}) as a record carries them. */
    static JsonObject pack(List<String> paths, Path resultFolder) throws IOException {
        JsonObject files = new JsonObject();
        for (String path : paths) {
            byte[] bytes = Files.readAllBytes(resultFolder.resolve(path));
            JsonObject f = new JsonObject();
            f.addProperty("sha256", sha256(bytes));
            f.addProperty("bytes", bytes.length);
            f.addProperty("data", Base64.getEncoder().encodeToString(bytes));
            files.add(path, f);
        }
        return files;
    }

    /**
     * Writes the files of {@code files} into point {@code relative}'s folder of {@code resultFolder}
     * ({@code ""} for a run of one point), each of them one of {@code listed}.
     *
     * @throws IOException naming the file and why when any is refused; then nothing is written
     */
    static void unpack(JsonElement files, Set<String> listed, Path resultFolder, String relative, long maxBytes)
            throws IOException {
        if (files == null || files.isJsonNull()) {
            return;
        }
        if (!files.isJsonObject()) {
            throw new IOException("a member sent files that are not an object of name to file");
        }
        Path root = resultFolder.toAbsolutePath().normalize();
        Path own = root.resolve(relative).normalize();
        Map<Path, byte[]> accepted = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, JsonElement> e : files.getAsJsonObject().entrySet()) {
            String name = e.getKey();
            Path target = root.resolve(name).normalize();
            if (!target.startsWith(own) || target.equals(own) || target.startsWith(root.resolve(SweepFolder.STATE))) {
                throw new IOException("a member sent file " + name + " outside the point's folder "
                        + (relative.isEmpty() ? root : relative) + ": refused");
            }
            if (!listed.contains(name)) {
                throw new IOException("a member sent file " + name + ", which is not one of the point's artifacts: refused");
            }
            if (!e.getValue().isJsonObject() || !e.getValue().getAsJsonObject().has("sha256")
                    || !e.getValue().getAsJsonObject().has("bytes") || !e.getValue().getAsJsonObject().has("data")) {
                throw new IOException("a member sent file " + name + " without its sha256, bytes and data: refused");
            }
            JsonObject f = e.getValue().getAsJsonObject();
            long declared = f.get("bytes").getAsLong();
            String data = f.get("data").getAsString();
            total += Math.max(declared, 0);
            if (declared < 0 || total > maxBytes || data.length() > 4 * ((maxBytes + 2) / 3)) {
                throw new IOException("a member sent file " + name + " of " + declared + " bytes, over the " + maxBytes
                        + " bytes a point may send back: refused");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException notBase64) {
                throw new IOException("a member sent file " + name + " whose data is not Base64: refused", notBase64);
            }
            String sha = sha256(bytes);
            if (bytes.length != declared || !sha.equals(f.get("sha256").getAsString())) {
                throw new IOException("a member sent file " + name + " whose " + bytes.length + " bytes have SHA-256 " + sha
                        + ", not the " + declared + " bytes with SHA-256 " + f.get("sha256").getAsString()
                        + " it announced: refused");
            }
            accepted.put(target, bytes);
        }
        List<Path> temporary = new ArrayList<>();
        try {
            for (Map.Entry<Path, byte[]> a : accepted.entrySet()) {
                Files.createDirectories(a.getKey().getParent());
                Path tmp = a.getKey().resolveSibling(a.getKey().getFileName() + ".part");
                temporary.add(tmp);
                Files.write(tmp, a.getValue());
            }
            for (Path target : accepted.keySet()) {
                Files.move(target.resolveSibling(target.getFileName() + ".part"), target,
                        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            for (Path tmp : temporary) {
                Files.deleteIfExists(tmp);
            }
            throw e;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
