package org.workbench.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file the store keeps beside its database as a cache ({@link ValueColumns}' {@code .col} files,
 * {@link RowFields}' {@code rows.bin}): a header of a magic number and the store's <em>state</em> it was made
 * in, then its body. Written whole under a temporary name and renamed into place, so a reader finds the old
 * file or the new one, never half of one; read only when its magic and stamp match.
 */
final class CacheFile {
    private CacheFile() {
    }

    /** The header of a file of {@code magic} made in {@code state}. */
    static ByteBuffer header(int magic, String state) {
        byte[] stamp = state.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + stamp.length).order(ByteOrder.LITTLE_ENDIAN).putInt(magic).putInt(stamp.length)
                .put(stamp).flip();
    }

    /**
     * The body of {@code bytes} (little-endian, positioned after the header) when it is a file of {@code magic}
     * made in {@code state}, else {@code null}.
     */
    static ByteBuffer body(ByteBuffer bytes, int magic, String state) {
        String stamp = stamp(bytes, magic);
        return state.equals(stamp) ? bytes : null;
    }

    /** The state {@code bytes} (a file of {@code magic}) was made in, leaving it positioned after the header; {@code null} when not such a file. */
    static String stamp(ByteBuffer bytes, int magic) {
        bytes.order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.remaining() < 8 || bytes.getInt() != magic) {
            return null;
        }
        int length = bytes.getInt();
        if (length < 0 || length > bytes.remaining()) {
            return null;
        }
        byte[] stamp = new byte[length];
        bytes.get(stamp);
        return new String(stamp, StandardCharsets.UTF_8);
    }

    /** The whole of {@code file}, or {@code null} when it cannot be read (missing: made again from the store). */
    static ByteBuffer readAll(Path file) {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Re-stamps in place {@code file}, a file of {@code magic} made in state {@code from} whose body is also the
     * body of state {@code to} (a write that left this file's content as it was: a tag, for a value column), by
     * writing over the bytes where the two stamps differ; says whether it did (else the caller writes it whole).
     * Only stamps of one length are written over (a write replaces one token by another of its length). The
     * body is never touched, so a reader that checked either stamp reads a body right for it; a write torn by
     * a crash leaves a stamp that is neither state's, a stale file that is made again, never misread.
     */
    static boolean restamp(Path file, int magic, String from, String to) {
        byte[] old = from.getBytes(StandardCharsets.UTF_8);
        byte[] now = to.getBytes(StandardCharsets.UTF_8);
        if (old.length != now.length) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(8 + old.length).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
                // reads the header whole
            }
            if (header.hasRemaining() || header.getInt(0) != magic || header.getInt(4) != old.length
                    || !ByteBuffer.wrap(old).equals(header.position(8))) {
                return false; // replaced or written since: left to the caller
            }
            int first = java.util.Arrays.mismatch(old, now);
            if (first < 0) {
                return true;
            }
            int last = old.length - 1;
            while (old[last] == now[last]) {
                last--;
            }
            ByteBuffer changed = ByteBuffer.wrap(now, first, last - first + 1);
            long at = 8 + first;
            while (changed.hasRemaining()) {
                at += channel.write(changed, at);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * {@code file} mapped into memory (read-only; it stays readable after a writer renames a new file over it)
     * when it is a file of {@code magic} made in {@code state}, or {@code null} when it is not or cannot be mapped.
     * The header is read first and a stale file never mapped: where a mapped file cannot be replaced (Windows), a
     * mapping of a stale one would keep its rebuild from taking its place.
     */
    static ByteBuffer map(Path file, int magic, String state) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            byte[] expected = state.getBytes(StandardCharsets.UTF_8);
            ByteBuffer stamp = ByteBuffer.allocate(expected.length);
            if (channel.read(header, 0) != 8 || header.getInt(0) != magic || header.getInt(4) != expected.length
                    || channel.read(stamp, 8) != expected.length || !ByteBuffer.wrap(expected).equals(stamp.flip())) {
                return null;
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException | RuntimeException e) {
            return null; // e.g. a file past 2 GB cannot be mapped whole: answered from the index
        }
    }

    /**
     * Writes {@code parts} one after the other as {@code file}, under a temporary name in its folder renamed over
     * it; says whether it did. A failure leaves the old file (or none), and no temporary one: it is a cache.
     */
    static boolean write(Path file, ByteBuffer... parts) {
        return write(file, channel -> {
            for (ByteBuffer part : parts) {
                writeFully(channel, part);
            }
        });
    }

    /** What writes a file's content into the channel of its temporary file. */
    @FunctionalInterface
    interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Writes all of {@code part} at {@code channel}'s position. */
    static void writeFully(FileChannel channel, ByteBuffer part) throws IOException {
        while (part.hasRemaining()) {
            channel.write(part);
        }
    }

    /**
     * Writes what {@code content} writes as {@code file}, under a temporary name in its folder renamed over it;
     * says whether it did. A failure leaves the old file (or none), and no temporary one: it is a cache.
     */
    static boolean write(Path file, Content content) {
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            try {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException ignored) {
                // left for the next write to replace
            }
            return false;
        }
    }
}
