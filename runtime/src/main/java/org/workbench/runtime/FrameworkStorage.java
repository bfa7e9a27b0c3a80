package org.workbench.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Where Felix keeps its bundle cache: one fixed folder per distribution and kind of start
 * ({@code <home>/felix-cache/<variant>}), reused across starts so that a start does not install
 * every bundle afresh. A start holds an exclusive file lock on the folder while the framework
 * runs; a start that finds it locked (another process, or another framework in this JVM) uses a
 * private folder {@code fallback-<pid>-<n>} beside it instead, deleted when that start ends, and
 * any such folder left by a process that no longer runs is deleted by the next start.
 *
 * <p>The cache is reused only when it was closed cleanly by a framework started with the same
 * {@code stamp} (the distribution's jars, the plugins folder, the Java version): the stamp file is
 * removed while a framework runs and written back when it stops, so a crashed or killed run leaves
 * no stamp and the next start cleans the cache.
 */
final class FrameworkStorage implements AutoCloseable {
    private static final String STAMP = "workbench.stamp";
    /** The system bundle's package exports as the framework computed them at the start that made the cache. */
    private static final String SYSTEM_PACKAGES = "workbench.system-packages";
    private static int fallbacks;

    private final Path folder;
    private final boolean temporary;
    private final boolean reusable;
    private final String stamp;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private FrameworkStorage(Path folder, boolean temporary, boolean reusable, String stamp, FileChannel channel,
            FileLock lock) {
        this.folder = folder;
        this.temporary = temporary;
        this.reusable = reusable;
        this.stamp = stamp;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the cache of {@code variant} under {@code home}, or a private folder when it is in use or
     * {@code home} cannot be written (then under the system's temporary folder).
     */
    static FrameworkStorage open(Path home, String variant, String stamp) throws IOException {
        Path root = home.resolve("felix-cache");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            return new FrameworkStorage(Files.createTempDirectory("workbench-felix-"), true, false, stamp, null, null);
        }
        deleteAbandonedFallbacks(root);
        FileChannel channel = FileChannel.open(root.resolve(variant + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            Path fallback = root.resolve("fallback-" + ProcessHandle.current().pid() + "-" + nextFallback());
            Files.createDirectories(fallback);
            return new FrameworkStorage(fallback, true, false, stamp, null, null);
        }
        Path folder = root.resolve(variant);
        Path stampFile = folder.resolve(STAMP);
        boolean reusable = Files.isRegularFile(stampFile)
                && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp);
        Files.deleteIfExists(stampFile);
        return new FrameworkStorage(folder, false, reusable, stamp, channel, lock);
    }

    private static synchronized int nextFallback() {
        return ++fallbacks;
    }

    /** The folder to give Felix as {@code org.osgi.framework.storage}. */
    Path folder() {
        return folder;
    }

    /** Whether the folder holds the bundles of a clean earlier start with the same stamp (else Felix must clean it). */
    boolean reusable() {
        return reusable;
    }

    /**
     * The system bundle's package exports that the framework computed at the start that made this
     * cache (the same Java, modules and framework: they are in the stamp), when it is reused: giving
     * them back spares the framework expanding its template of some 800 JDK packages at every start.
     */
    java.util.Optional<String> systemPackages() throws IOException {
        Path file = folder.resolve(SYSTEM_PACKAGES);
        if (!reusable || !Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        String packages = Files.readString(file, StandardCharsets.UTF_8);
        return packages.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(packages);
    }

    /** Keeps the system bundle's package exports for the next start that reuses this cache ({@link #systemPackages()}). */
    void recordSystemPackages(String packages) throws IOException {
        if (!temporary && packages != null && !packages.isBlank() && Files.isDirectory(folder)) {
            Files.writeString(folder.resolve(SYSTEM_PACKAGES), packages, StandardCharsets.UTF_8);
        }
    }

    /** Records that the framework stopped cleanly, so the next start with the same stamp may reuse the cache. */
    void stoppedCleanly() throws IOException {
        if (!temporary && Files.isDirectory(folder)) {
            Files.writeString(folder.resolve(STAMP), stamp, StandardCharsets.UTF_8);
        }
    }

    /** Releases the lock; deletes a private folder. Idempotent (a signal's shutdown and the normal end may both close). */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (temporary) {
                deleteTree(folder);
            }
        } finally {
            if (lock != null) {
                lock.release();
                channel.close();
            }
        }
    }

    private static void deleteAbandonedFallbacks(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith("fallback-")) {
                    continue;
                }
                String[] parts = name.split("-");
                long pid;
                try {
                    pid = Long.parseLong(parts[1]);
                } catch (RuntimeException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                try {
                    deleteTree(p);
                } catch (IOException | UncheckedIOException e) {
                    // another start is deleting it too; whatever is left goes next time
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // another start may be deleting the same folder; nothing here is needed for this start
        }
    }

    /**
     * Deletes a folder tree; files that vanish meanwhile (a framework still stopping, or another start
     * removing the same abandoned folder) are not an error.
     */
    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
