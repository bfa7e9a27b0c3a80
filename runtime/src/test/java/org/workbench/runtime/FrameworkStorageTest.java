package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reused bundle cache: reused after a clean stop with the same stamp only, private while in use, no leftovers. */
class FrameworkStorageTest {
    @TempDir
    Path home;

    @Test
    void aCleanlyStoppedCacheIsReusedForTheSameStampOnly() throws Exception {
        try (FrameworkStorage first = FrameworkStorage.open(home, "run", "jars v1")) {
            assertFalse(first.reusable(), "nothing to reuse yet");
            Files.createDirectories(first.folder());
            first.stoppedCleanly();
        }
        try (FrameworkStorage second = FrameworkStorage.open(home, "run", "jars v1")) {
            assertTrue(second.reusable());
            assertEquals(home.resolve("felix-cache").resolve("run"), second.folder());
            // not stopped cleanly (a crash): the next start must clean
        }
        try (FrameworkStorage third = FrameworkStorage.open(home, "run", "jars v1")) {
            assertFalse(third.reusable(), "a run that did not stop cleanly leaves no stamp");
            third.stoppedCleanly();
        }
        try (FrameworkStorage changed = FrameworkStorage.open(home, "run", "jars v2")) {
            assertFalse(changed.reusable(), "another distribution cannot reuse the cache");
        }
    }

    @Test
    void theKeptSystemPackagesComeBackOnlyWithAReusedCache() throws Exception {
        try (FrameworkStorage first = FrameworkStorage.open(home, "run", "jars v1")) {
            Files.createDirectories(first.folder());
            assertTrue(first.systemPackages().isEmpty());
            first.recordSystemPackages("java.lang, javax.xml");
            first.stoppedCleanly();
        }
        try (FrameworkStorage second = FrameworkStorage.open(home, "run", "jars v1")) {
            assertEquals("java.lang, javax.xml", second.systemPackages().orElseThrow());
        }
        try (FrameworkStorage crashed = FrameworkStorage.open(home, "run", "jars v1")) {
            assertTrue(crashed.systemPackages().isEmpty(), "not after a start that did not stop cleanly");
            crashed.stoppedCleanly();
        }
        try (FrameworkStorage changed = FrameworkStorage.open(home, "run", "jars v2")) {
            assertTrue(changed.systemPackages().isEmpty(), "not for another distribution or Java");
        }
    }

    @Test
    void aCacheInUseSendsTheNextStartToAPrivateFolderThatItsCloseDeletes() throws Exception {
        try (FrameworkStorage holder = FrameworkStorage.open(home, "run", "s")) {
            Path fallback;
            try (FrameworkStorage other = FrameworkStorage.open(home, "run", "s")) {
                fallback = other.folder();
                assertNotEquals(holder.folder(), fallback);
                assertFalse(other.reusable());
                Files.writeString(fallback.resolve("bundle"), "x");
                other.stoppedCleanly();
            }
            assertFalse(Files.exists(fallback), "the private folder is deleted when its start ends");
        }
    }

    @Test
    void aPrivateFolderLeftByADeadProcessIsDeletedByTheNextStart() throws Exception {
        Path root = Files.createDirectories(home.resolve("felix-cache"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = Files.createDirectories(root.resolve("fallback-" + gone.pid() + "-1"));
        Files.writeString(abandoned.resolve("bundle"), "x");
        Path live = Files.createDirectories(root.resolve("fallback-" + ProcessHandle.current().pid() + "-99"));
        try (FrameworkStorage s = FrameworkStorage.open(home, "run", "s")) {
            assertFalse(Files.exists(abandoned));
            assertTrue(Files.exists(live), "a running process's folder is left alone");
        }
    }
}
