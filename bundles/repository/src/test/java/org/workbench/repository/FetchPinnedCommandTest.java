package org.workbench.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fetch-pinned}, what a cluster member runs on the coordinator's repository: the jar is written
 * only when the index's SHA-256 is the pinned one and the jar is the one the index describes.
 */
class FetchPinnedCommandTest {
    @TempDir
    Path dir;

    private FetchPinnedCommand command(Path repository, String sha, Path target, String version) {
        StringWriter sink = new StringWriter();
        FetchPinnedCommand c = new FetchPinnedCommand(new Session(null, new PrintWriter(sink), new PrintWriter(sink)));
        c.repository = repository.toString();
        c.sha256 = sha;
        c.target = target;
        c.name = "org.example.prior-test";
        c.version = version;
        return c;
    }

    @Test
    void theJarIsWrittenOnlyWhenIndexAndJarAreThePinnedOnes() throws Exception {
        Path repository = Files.createDirectories(dir.resolve("repository"));
        Path jar = RepositoryIndexerTest.plugin(repository.resolve("p.jar"), "1.0.0", "org.osgi.framework");
        RepositoryIndexer.index(repository, false);
        byte[] good = Files.readAllBytes(jar);
        String pin = PluginWriter.sha256(good);
        Path target = Files.createDirectories(dir.resolve("member")).resolve("fetched.jar");

        assertEquals(0, command(repository, pin, target, "1.0.0").call());
        assertArrayEquals(good, Files.readAllBytes(target));
        Files.delete(target);

        Exception other = assertThrows(PluginWriter.Tampered.class,
                () -> command(repository, "ab".repeat(32), target, "1.0.0").call());
        assertTrue(other.getMessage().contains("not the pinned " + "ab".repeat(32)), other.getMessage());

        Exception absent = assertThrows(InvalidRequest.class, () -> command(repository, pin, target, "2.0.0").call());
        assertTrue(absent.getMessage().contains("does not offer bundle org.example.prior-test 2.0.0"), absent.getMessage());

        Path index = repository.resolve("index.xml");
        String honest = Files.readString(index);
        Files.writeString(index, honest.replace("value=\"p.jar\"", "value=\"http://127.0.0.1:9/p.jar\""));
        Exception elsewhere = assertThrows(PluginWriter.Tampered.class, () -> command(repository, pin, target, "1.0.0").call());
        assertTrue(elsewhere.getMessage().contains("outside the repository"), elsewhere.getMessage());
        Files.writeString(index, honest);

        byte[] tampered = good.clone();
        tampered[tampered.length / 2] ^= 1;
        Files.write(jar, tampered);
        Exception changed = assertThrows(PluginWriter.Tampered.class, () -> command(repository, pin, target, "1.0.0").call());
        assertTrue(changed.getMessage().contains("is not the jar the index describes"), changed.getMessage());
        assertFalse(Files.exists(target), "nothing written");
        try (var left = Files.list(target.getParent())) {
            assertEquals(0, left.count(), "no temporary file left");
        }
    }
}
