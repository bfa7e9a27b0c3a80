package org.workbench.data.fashionmnist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.workbench.cachefolder.CacheFolder;

/**
 * The gzip IDX files decoded once: the plain IDX bytes of each source file, kept in the user's
 * cache folder, so that a later run reads 55 MB straight from disk (or the page cache) instead of
 * inflating 30 MB of gzip. An entry is named by the SHA-256 of the source's absolute path and of
 * its size, modification time, file key (its inode) and the CRC-32 of its data from the gzip
 * trailer: a source that is replaced or changed gets
 * a new entry, and the older entry of the same path is deleted when the new one is written. An
 * entry is written under a temporary name and renamed, so a reader never sees half of one, and is
 * used only when its size is the one the gzip trailer announces. Any fault (a folder that cannot
 * be written, a full disk, a corrupt source) leaves the caller reading the source itself, which
 * then reports what is wrong with it.
 *
 * <p>The folder: {@code fashion-mnist/} in the workbench's cache folder ({@link CacheFolder}).
 */
final class DecodedCache {
    private static final int BUFFER = 1 << 16;
    private final Path folder;

    DecodedCache(Path folder) {
        this.folder = folder;
    }

    /** The cache in the user's cache folder (see the class comment). */
    static DecodedCache inUserCache() {
        return new DecodedCache(userCacheFolder().resolve("fashion-mnist"));
    }

    static Path userCacheFolder() {
        return CacheFolder.user();
    }

    Path folder() {
        return folder;
    }

    /**
     * The plain IDX file that the gzip file {@code source} decodes to, decoded now when the cache
     * has no entry for the source as it is; {@code source} itself when it is not gzip or when no
     * entry can be had.
     */
    Path plain(Path source) {
        try {
            BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
            long[] trailer = gzipTrailer(source, a.size());
            if (trailer == null) {
                return source;
            }
            long crc = trailer[0];
            long announced = trailer[1];
            String pathKey = sha256(source.toAbsolutePath().normalize().toString()).substring(0, 24);
            String versionKey = sha256(a.size() + "\u0000" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "\u0000" + a.fileKey()
                    + "\u0000" + crc)
                    .substring(0, 16);
            String name = source.getFileName().toString();
            Path entry = folder.resolve(pathKey + "-" + versionKey + "-" + name.substring(0, name.length() - 3));
            if (Files.isRegularFile(entry) && Files.size(entry) % (1L << 32) == announced) {
                return entry;
            }
            decode(source, entry, announced);
            forgetOthers(pathKey, entry);
            return entry;
        } catch (IOException | RuntimeException e) {
            return source;
        }
    }

    /** Deletes an entry that could not be read; the next {@link #plain} decodes it again. */
    void forget(Path entry) {
        if (entry.startsWith(folder)) {
            try {
                Files.deleteIfExists(entry);
            } catch (IOException e) {
                // the next plain() overwrites it
            }
        }
    }

    /**
     * The gzip trailer: the CRC-32 of the decoded data and its size (modulo 2^32), or {@code null}
     * when the file does not start as gzip does.
     */
    private static long[] gzipTrailer(Path source, long size) throws IOException {
        if (size < 18) {
            return null;
        }
        try (RandomAccessFile f = new RandomAccessFile(source.toFile(), "r")) {
            if (f.read() != 0x1f || f.read() != 0x8b) {
                return null;
            }
            f.seek(size - 8);
            byte[] t = new byte[8];
            f.readFully(t);
            return new long[] {littleEndian(t, 0), littleEndian(t, 4)};
        }
    }

    private static long littleEndian(byte[] t, int off) {
        return (t[off] & 0xffL) | (t[off + 1] & 0xffL) << 8 | (t[off + 2] & 0xffL) << 16 | (t[off + 3] & 0xffL) << 24;
    }

    private void decode(Path source, Path entry, long announced) throws IOException {
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".decoding-", ".tmp");
        try {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(source), BUFFER);
                    OutputStream out = Files.newOutputStream(temporary)) {
                in.transferTo(out);
            }
            if (Files.size(temporary) % (1L << 32) != announced) {
                throw new IOException(source + " decodes to " + Files.size(temporary) + " bytes, its trailer says " + announced);
            }
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Deletes the entries of earlier versions of the same source path. */
    private void forgetOthers(String pathKey, Path keep) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, pathKey + "-*")) {
            for (Path p : entries) {
                if (!p.equals(keep)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
