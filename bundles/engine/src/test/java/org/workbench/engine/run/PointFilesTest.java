package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * What a cluster member sends back with a point: its checkpoints arrive whole in the point's own
 * folder; a file outside it, not listed, too large or not the bytes its SHA-256 names is refused, and
 * then nothing of the answer is written.
 */
class PointFilesTest {
    @TempDir
    Path member;
    @TempDir
    Path coordinator;

    private JsonObject sent(String... paths) throws IOException {
        for (String p : paths) {
            Path f = member.resolve(p);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "bytes of " + p);
        }
        return PointFiles.pack(List.of(paths), member);
    }

    @Test
    void aPointsCheckpointArrivesInItsFolderWithItsBytes() throws Exception {
        JsonObject files = sent("points/3/weights.npz", "points/3/training.png");
        PointFiles.unpack(files, Set.of("points/3/weights.npz", "points/3/training.png"), coordinator, "points/3/", 1 << 20);
        assertArrayEquals(Files.readAllBytes(member.resolve("points/3/weights.npz")),
                Files.readAllBytes(coordinator.resolve("points/3/weights.npz")));
        assertTrue(Files.isRegularFile(coordinator.resolve("points/3/training.png")));
    }

    @Test
    void aHostileMemberWritesNothingOutsideItsPointOrUnchecked() throws Exception {
        Set<String> listed = Set.of("points/3/weights.npz", "points/4/weights.npz", "points/3/../../x.npz",
                ".sweep/points/3.json", "points/3/big.npz");
        refused(sent("points/3/weights.npz", "points/4/weights.npz"), listed, "points/3/", "outside the point's folder");
        refused(sent("points/3/weights.npz", "points/3/../../x.npz"), listed, "points/3/", "outside the point's folder");
        refused(sent(".sweep/points/3.json"), listed, "", "outside the point's folder");
        refused(sent("points/3/weights.npz", "points/3/other.npz"), listed, "points/3/", "not one of the point's artifacts");

        JsonObject forged = sent("points/3/weights.npz");
        forged.getAsJsonObject("points/3/weights.npz").addProperty("data",
                java.util.Base64.getEncoder().encodeToString("other bytes".getBytes(StandardCharsets.UTF_8)));
        refused(forged, listed, "points/3/", "SHA-256");

        Files.createDirectories(member.resolve("points/3"));
        Files.write(member.resolve("points/3/big.npz"), new byte[4096]);
        JsonObject big = PointFiles.pack(List.of("points/3/weights.npz", "points/3/big.npz"), member);
        IOException e = assertThrows(IOException.class, () -> PointFiles.unpack(big, listed, coordinator, "points/3/", 1000));
        assertTrue(e.getMessage().contains("over the 1000 bytes"), e.getMessage());
        try (Stream<Path> s = Files.walk(coordinator)) {
            assertFalse(s.anyMatch(Files::isRegularFile), "a refused answer writes nothing");
        }
    }

    private void refused(JsonObject files, Set<String> listed, String relative, String why) {
        IOException e = assertThrows(IOException.class, () -> PointFiles.unpack(files, listed, coordinator, relative,
                1 << 20));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
