package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file re-stamped in place keeps its body, and a stamp torn half-way is neither state's: never read. */
class CacheFileTest {
    private static final int MAGIC = 0x54455354;
    private static final String FROM = "schema=7\ntoken-a=11111111-2222-3333-4444-555555555555\n";
    private static final String TO = "schema=7\ntoken-a=99999999-8888-7777-6666-555555555555\n";

    @TempDir
    Path folder;

    @Test
    void aRestampWritesOnlyTheStampAndATornOneIsNeverRead() throws Exception {
        Path file = folder.resolve("k.col");
        byte[] body = "the body".getBytes(StandardCharsets.UTF_8);
        assertTrue(CacheFile.write(file, CacheFile.header(MAGIC, FROM), ByteBuffer.wrap(body)));
        byte[] written = Files.readAllBytes(file);

        assertFalse(CacheFile.restamp(file, MAGIC, TO, FROM), "not made in the state it says it is made in");
        assertFalse(CacheFile.restamp(file, MAGIC, FROM, TO + "longer"), "a stamp of another length");
        assertArrayEquals(written, Files.readAllBytes(file));

        // a crash half-way through the stamp's write: neither state's stamp, so a stale file
        byte[] torn = written.clone();
        byte[] to = TO.getBytes(StandardCharsets.UTF_8);
        int first = Arrays.mismatch(FROM.getBytes(StandardCharsets.UTF_8), to);
        System.arraycopy(to, first, torn, 8 + first, 4);
        Files.write(file, torn);
        assertNull(CacheFile.map(file, MAGIC, FROM));
        assertNull(CacheFile.map(file, MAGIC, TO));
        assertFalse(CacheFile.restamp(file, MAGIC, FROM, TO), "a torn stamp is not written over");

        Files.write(file, written);
        assertTrue(CacheFile.restamp(file, MAGIC, FROM, TO));
        assertNull(CacheFile.map(file, MAGIC, FROM));
        ByteBuffer b = CacheFile.map(file, MAGIC, TO);
        assertNotNull(b);
        assertNotNull(CacheFile.body(b, MAGIC, TO));
        byte[] read = new byte[b.remaining()];
        b.get(read);
        assertArrayEquals(body, read, "the body as it was");
    }
}
