package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit and dirty flag of a checkout, from a real git repository made in the test (skipped without git). */
class GitStateTest {
    @TempDir
    Path folder;

    @Test
    void aCheckoutGivesItsCommitAndWhetherATrackedFileChanged() throws Exception {
        Path repo = Files.createDirectories(folder.resolve("repo"));
        assumeTrue(git(repo, "init", "-q"), "git is not installed");
        Files.writeString(repo.resolve("d.json"), "{}");
        assertTrue(git(repo, "add", "d.json"));
        assertTrue(git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one"));
        Path inside = Files.createDirectories(repo.resolve("experiments"));

        GitState clean = GitState.of(inside).orElseThrow();
        assertTrue(clean.commit().matches("[0-9a-f]{40}"), clean.commit());
        assertFalse(clean.dirty());
        assertEquals(repo.toRealPath(), clean.root().toRealPath());

        Files.writeString(repo.resolve("d.json"), "{\"changed\": true}");
        assertTrue(GitState.of(inside).orElseThrow().dirty());
        Files.writeString(repo.resolve("untracked.txt"), "x");
        assertEquals(clean.commit(), GitState.of(inside).orElseThrow().commit());
    }

    @Test
    void aFolderOutsideAnyCheckoutGivesNothing() {
        Path outside = folder.resolve("plain");
        assertTrue(outside.toFile().mkdirs());
        assumeTrue(!insideCheckout(outside), "the temporary folder lies inside a checkout");
        assertTrue(GitState.of(outside).isEmpty());
        assertTrue(GitState.of(folder.resolve("missing")).isEmpty());
        assertTrue(GitState.of(null).isEmpty());
    }

    private static boolean insideCheckout(Path p) {
        for (Path q = p.toAbsolutePath(); q != null; q = q.getParent()) {
            if (Files.exists(q.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean git(Path dir, String... args) throws InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
