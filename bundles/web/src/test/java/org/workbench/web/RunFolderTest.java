package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path run;

    @Test
    void everyFileIsListedAndZippedUnderTheRunsName() throws Exception {
        Files.writeString(run.resolve("result.json"), "{}");
        Files.createDirectories(run.resolve("points/0"));
        Files.write(run.resolve("points/0/draws.json"), new byte[2500]);
        Files.createDirectories(run.resolve("inputs"));
        Files.writeString(run.resolve("inputs/x.csv"), "a,b\n1,2\n");
        List<RunFolder.Entry> files = RunFolder.files(run);
        assertEquals(List.of("inputs/x.csv", "points/0/draws.json", "result.json"), files.stream().map(RunFolder.Entry::path).toList());
        assertEquals("2.5 kB", files.get(1).readableSize());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunFolder.zip(run, "20261207-1", bytes);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                names.add(e.getName() + " " + zip.readAllBytes().length);
            }
        }
        assertEquals(List.of("20261207-1/inputs/x.csv 8", "20261207-1/points/0/draws.json 2500", "20261207-1/result.json 2"), names);
    }

    @Test
    void sizesReadAsAPersonWritesThem() {
        assertEquals("999 B", RunFolder.readable(999));
        assertEquals("12 kB", RunFolder.readable(12_345));
        assertEquals("3.4 MB", RunFolder.readable(3_400_000));
    }
}
