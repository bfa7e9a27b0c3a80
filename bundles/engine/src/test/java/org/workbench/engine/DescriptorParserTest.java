package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.DescriptorFile;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.input.InvalidInputException;

class DescriptorParserTest {
    @TempDir
    Path folder;

    private InvalidInputException fault(String json) throws IOException {
        Path file = TestFiles.descriptor(folder, "d.json", json);
        return assertThrows(InvalidInputException.class, () -> new DescriptorParser().parse(file, List.of()));
    }

    @Test
    void malformedJsonNamesTheFileAndLine() throws IOException {
        InvalidInputException e = fault("{\"format\": 1,\n \"name\": \"x\"\n \"task\": {}}");
        assertTrue(e.report().startsWith(folder.resolve("d.json").toString()), e.report());
        assertTrue(e.getMessage().contains("malformed JSON") && e.getMessage().contains("line 3"), e.getMessage());
    }

    /** /dev/zero, a FIFO and a file past the limit are refused at once, without reading (or waiting on) them. */
    @Test
    void onlyARegularFileWithinTheSizeLimitIsRead() throws Exception {
        Path zero = Path.of("/dev/zero");
        if (java.nio.file.Files.exists(zero)) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> new DescriptorParser().parse(zero,
                    List.of()));
            assertEquals("/dev/zero: is not a regular file (a device, a FIFO or a socket is never read as a descriptor); "
                    + "give a descriptor file (a .json file)", e.report());
        }
        Path fifo = folder.resolve("pipe.json");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            InvalidInputException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(10), () -> assertThrows(InvalidInputException.class,
                            () -> new DescriptorParser().parse(fifo, List.of())));
            assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
        }
        Path large = TestFiles.descriptor(folder, "large.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"t\"},"
                + "\"description\":\"" + "x".repeat(2000) + "\"}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new DescriptorParser(1024).parse(large,
                List.of()));
        assertTrue(e.getMessage().startsWith("is 2059 bytes, more than the limit of 1024 bytes (1 KiB) for a descriptor; "
                + "raise it with --max-descriptor-bytes"), e.getMessage());
        assertEquals("x", new DescriptorParser(2059).parse(large, List.of()).name(), "a file at the limit is read");
    }

    @Test
    void theLimitIsASizeInBytesOrWithAUnit() throws Exception {
        assertEquals(64L << 20, DescriptorFile.limit());
        assertEquals(128L << 20, DescriptorFile.size("128M", "--max-descriptor-bytes"));
        assertEquals(128L << 20, DescriptorFile.size("128MiB", "--max-descriptor-bytes"));
        assertEquals(1L << 30, DescriptorFile.size("1g", "--max-descriptor-bytes"));
        assertEquals(5000, DescriptorFile.size("5000", "--max-descriptor-bytes"));
        for (String bad : new String[] {"0", "-1", "2G", "lots", "", "1.5M"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> DescriptorFile.size(bad,
                    "--max-descriptor-bytes"), bad);
            assertTrue(e.getMessage().startsWith("--max-descriptor-bytes needs a size"), e.getMessage());
        }
    }

    @Test
    void unknownTopLevelKeySuggestsTheNearestOne() throws IOException {
        InvalidInputException e = fault("{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"t\"},\"sweeps\":{}}");
        assertEquals("$.sweeps", e.jsonPath());
        assertTrue(e.getMessage().contains("did you mean 'sweep'"), e.getMessage());
    }

    @Test
    void pointPlotsIsABooleanAndWithoutItASweepOfAtMostAHundredPointsDrawsThem() throws Exception {
        InvalidInputException e = fault("{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"t\"},\"pointPlots\":5}");
        assertEquals("$.pointPlots", e.jsonPath());
        assertTrue(e.getMessage().contains("true") && e.getMessage().contains("false") && e.getMessage().contains("got 5")
                && e.getMessage().contains("at most 100 points"), e.getMessage());
        Path unsaid = TestFiles.descriptor(folder, "unsaid.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"t\"}}");
        org.workbench.engine.descriptor.Descriptor d = new DescriptorParser().parse(unsaid, List.of());
        assertTrue(d.pointPlots(1) && d.pointPlots(100));
        assertEquals(false, d.pointPlots(101));
        assertTrue(new DescriptorParser().parse(unsaid, List.of("pointPlots=true")).pointPlots(100_000));
        assertEquals(false, new DescriptorParser().parse(unsaid, List.of("pointPlots=false")).pointPlots(2));
    }

    @Test
    void isolateIsABooleanAndOffUnlessSaid() throws Exception {
        InvalidInputException e = fault("{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"t\"},\"isolate\":\"yes\"}");
        assertEquals("$.isolate", e.jsonPath());
        assertTrue(e.getMessage().contains("true") && e.getMessage().contains("child JVM"), e.getMessage());
        Path on = TestFiles.descriptor(folder, "on.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"t\"},\"isolate\":true}");
        assertTrue(new DescriptorParser().parse(on, List.of()).isolate());
        Path off = TestFiles.descriptor(folder, "off.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"t\"}}");
        assertEquals(false, new DescriptorParser().parse(off, List.of()).isolate());
    }

    @Test
    void formatMustBeOne() throws IOException {
        InvalidInputException e = fault("{\"format\":2,\"name\":\"x\",\"task\":{\"use\":\"t\"}}");
        assertEquals("$.format", e.jsonPath());
    }

    @Test
    void versionMustBeAnOsgiRange() throws IOException {
        InvalidInputException e = fault("{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"t\"},"
                + "\"components\":{\"prior\":{\"use\":\"gaussian\",\"version\":\"[1.0,two)\"}}}");
        assertEquals("$.components.prior.version", e.jsonPath());
    }

    @Test
    void nameMustBeUsableAsAFolder() throws IOException {
        InvalidInputException e = fault("{\"format\":1,\"name\":\"../evil\",\"task\":{\"use\":\"t\"}}");
        assertEquals("$.name", e.jsonPath());
    }

    @Test
    void overridesReachComponentsTaskAndTopLevel() throws Exception {
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"t\"},"
                + "\"components\":{\"prior\":{\"use\":\"gaussian\",\"with\":{\"variance\":4}},"
                + "\"network\":[{\"use\":\"dense\",\"with\":{\"out\":3}}]}}");
        Descriptor d = new DescriptorParser().parse(file, List.of("prior.with.variance=9", "seed=7",
                "task.with.label=hello", "network.0.with.out=5"));
        assertEquals(9.0, d.roles().get("prior").components().get(0).with().get("variance").getAsDouble());
        assertEquals(7L, d.seed());
        assertEquals("hello", d.task().with().get("label").getAsString());
        assertEquals(5, d.roles().get("network").components().get(0).with().get("out").getAsInt());
        assertEquals(List.of("prior.with.variance=9", "seed=7", "task.with.label=hello", "network.0.with.out=5"),
                d.overrides());
    }

    @Test
    void sweepKeysAreRoleDotParameter() throws IOException {
        InvalidInputException e = fault("{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"t\"},\"sweep\":{\"n\":[1]}}");
        assertEquals("$.sweep['n']", e.jsonPath());
    }
}
