package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.input.InvalidInputException;

/** Descriptors are strict JSON, seeds are exact, and every fault names its line in our own words. */
class StrictJsonTest {
    private static final String TASK = "\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"t\"}";

    @TempDir
    Path folder;

    private Descriptor parse(byte[] bytes) throws Exception {
        Path file = folder.resolve("d.json");
        Files.write(file, bytes);
        return new DescriptorParser().parse(file, List.of());
    }

    private InvalidInputException fault(String json) {
        return assertThrows(InvalidInputException.class, () -> parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void duplicateKeysAreErrorsNamingTheLine() {
        InvalidInputException e = fault("{" + TASK + ",\n\"seed\": 1,\n\"seed\": 2}");
        assertEquals("$.seed", e.jsonPath());
        assertTrue(e.getMessage().contains("duplicate key 'seed' at line 3"), e.getMessage());
        InvalidInputException nested = fault("{" + TASK + ",\"components\":{\"prior\":{\"use\":\"a\",\n\"use\":\"b\"}}}");
        assertEquals("$.components.prior.use", nested.jsonPath());
    }

    @Test
    void commentsAndSingleQuotesAreRefusedInOurWords() {
        InvalidInputException comment = fault("{" + TASK + ", // a note\n\"seed\": 1}");
        assertTrue(comment.getMessage().contains("line 1") && comment.getMessage().contains("comments are not allowed"),
                comment.getMessage());
        InvalidInputException quote = fault("{'format':1}");
        assertTrue(quote.getMessage().contains("double quotes, not single quotes"), quote.getMessage());
        for (String bad : List.of("{" + TASK + ",}", "{" + TASK + ",\"seed\":NaN}", "{" + TASK + ",\"seed\":01}",
                "{" + TASK + "} x", "{" + TASK, "", "[1]", "{" + TASK + ",\"title\":\"a\tb\"}")) {
            InvalidInputException e = fault(bad);
            assertFalse(e.getMessage().contains("setStrictness") || e.getMessage().contains("LENIENT")
                    || e.getMessage().contains("Troubleshooting") || e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void invalidUtf8IsAnErrorNamingTheLine() {
        byte[] bytes = ("{" + TASK + ",\n\"title\": \"caf\u00ff\"}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(bytes));
        assertTrue(e.getMessage().contains("line 2 is not valid UTF-8 (byte 0xff"), e.getMessage());
    }

    @Test
    void seedsAreWholeNumbersFromZeroTo2To63Minus1Exactly() throws Exception {
        assertEquals(Long.MAX_VALUE, parse(("{" + TASK + ",\"seed\":9223372036854775807}").getBytes()).seed());
        assertEquals(100, parse(("{" + TASK + ",\"seed\":1e2}").getBytes()).seed());
        for (String seed : List.of("9223372036854775808", "1e400", "123456789012345678901234567890", "-1", "1.5",
                "\"7\"")) {
            InvalidInputException e = fault("{" + TASK + ",\"seed\":" + seed + "}");
            assertEquals("$.seed", e.jsonPath(), seed);
            assertTrue(e.getMessage().contains("from 0 to 9223372036854775807"), e.getMessage());
        }
        assertTrue(fault("{" + TASK + ",\"seed\":1e99999999999}").getMessage().contains("cannot be represented"));
    }

    @Test
    void aTimeoutIsPositiveSeconds() throws Exception {
        assertEquals(1500, parse(("{" + TASK + ",\"timeout\":1.5}").getBytes()).timeout().toMillis());
        assertNull(parse(("{" + TASK + "}").getBytes()).timeout());
        assertEquals("$.timeout", fault("{" + TASK + ",\"timeout\":0}").jsonPath());
        assertEquals("$.timeout", fault("{" + TASK + ",\"timeout\":1e999}").jsonPath());
    }

    @Test
    void controlCharactersInUserTextNeverReachTheTerminal() {
        InvalidInputException e = fault("{" + TASK + ",\"\\u001b]0;owned\\u0007\":1}");
        assertFalse(e.report().contains("\u001b"), e.report());
        assertTrue(e.report().contains("\\u001b]0;owned\\u0007"), e.report());
    }

    @Test
    void aFolderIsNotCalledAMissingFile() throws IOException {
        Path dir = Files.createDirectory(folder.resolve("dir.json"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new DescriptorParser().parse(dir, List.of()));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }
}
