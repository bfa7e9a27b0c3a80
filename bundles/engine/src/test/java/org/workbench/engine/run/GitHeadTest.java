package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEAD's commit read from a repository's files is what {@code git rev-parse HEAD} says, for the ways
 * git keeps it: a loose branch, packed refs, a detached HEAD, a linked worktree; an unborn branch or
 * a folder that is no repository gives nothing (skipped without git).
 */
class GitHeadTest {
    @TempDir
    Path folder;
    private Path repo;

    @BeforeEach
    void repository() throws Exception {
        repo = Files.createDirectories(folder.resolve("repo"));
        assumeTrue(git(repo, "init", "-q").isPresent(), "git is not installed");
    }

    @Test
    void anUnbornBranchHasNoCommit() {
        assertEquals(Optional.empty(), GitHead.commit(repo));
        assertEquals(Optional.empty(), GitHead.commit(folder), "no .git: not a checkout");
    }

    @Test
    void aLooseThenPackedBranchGivesWhatGitSays() throws Exception {
        commit("one");
        assertEquals(git(repo, "rev-parse", "HEAD"), GitHead.commit(repo));
        assertTrue(git(repo, "pack-refs", "--all").isPresent());
        assertTrue(Files.readString(repo.resolve(".git/packed-refs"), StandardCharsets.UTF_8).contains("refs/heads/"));
        assertEquals(git(repo, "rev-parse", "HEAD"), GitHead.commit(repo), "from packed-refs");
        commit("two");
        assertEquals(git(repo, "rev-parse", "HEAD"), GitHead.commit(repo), "the loose ref is newer than the packed one");
    }

    @Test
    void aDetachedHeadGivesItsCommit() throws Exception {
        commit("one");
        String first = git(repo, "rev-parse", "HEAD").orElseThrow();
        commit("two");
        assertTrue(git(repo, "checkout", "-q", "--detach", first).isPresent());
        assertEquals(Optional.of(first), GitHead.commit(repo));
    }

    @Test
    void aLinkedWorktreeReadsItsOwnHeadAndTheSharedRefs() throws Exception {
        commit("one");
        Path tree = folder.resolve("tree");
        assertTrue(git(repo, "worktree", "add", "-q", "-b", "side", tree.toString()).isPresent());
        assertTrue(Files.isRegularFile(tree.resolve(".git")), "a worktree's .git is a file");
        commit("two"); // moves the main checkout's branch, not the worktree's
        assertEquals(git(tree, "rev-parse", "HEAD"), GitHead.commit(tree));
        assertEquals(git(repo, "rev-parse", "HEAD"), GitHead.commit(repo));
        assertTrue(!GitHead.commit(tree).equals(GitHead.commit(repo)));
        GitState state = GitState.of(tree).orElseThrow();
        assertEquals(tree.toRealPath(), state.root());
        assertEquals(GitHead.commit(tree).orElseThrow(), state.commit());
    }

    private void commit(String message) throws Exception {
        Files.writeString(repo.resolve("f.txt"), message);
        assertTrue(git(repo, "add", "f.txt").isPresent());
        assertTrue(git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message).isPresent());
    }

    /** git's standard output, stripped, when it succeeds. */
    private static Optional<String> git(Path dir, String... args) throws InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out.strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
