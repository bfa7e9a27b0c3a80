package org.workbench.engine.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;

/**
 * The git commit of the checkout that holds a folder, and whether its tracked files differ from that
 * commit ({@code dirty}), read by running {@code git} with a short time limit. A folder outside any
 * checkout, or a machine without git, gives nothing: provenance then says nothing rather than guess.
 * The commit comes from the repository's files ({@link GitHead}); only the dirty flag needs a process.
 *
 * @param root   the checkout's top folder
 * @param commit the full hash of {@code HEAD}
 * @param dirty  whether a tracked file is modified or staged
 */
record GitState(Path root, String commit, boolean dirty) {
    /** How long one git process may take before it is given up (a network file system, a huge tree). */
    static final long TIMEOUT_MILLIS = 3000;

    /** The state of the checkout that holds {@code folder}, if it is in one and git answers in time. */
    static Optional<GitState> of(Path folder) {
        return begin(folder).join();
    }

    /**
     * Starts finding the state of the checkout that holds {@code folder}: the commit is read from the
     * repository's files at once ({@link GitHead}; {@code git rev-parse} only when they cannot be read),
     * and {@code git status} runs beside the caller, which joins the answer when it needs it.
     */
    static CompletableFuture<Optional<GitState>> begin(Path folder) {
        Path root = root(folder);
        if (root == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<String>> status = CompletableFuture.supplyAsync(
                () -> git(folder, "status", "--porcelain", "--untracked-files=no"));
        Optional<GitState> fromFiles = GitHead.commit(root).flatMap(commit -> real(root)
                .map(top -> new GitState(top, commit, false)));
        return status.thenApply(changes -> {
            if (changes.isEmpty()) {
                return Optional.<GitState>empty();
            }
            boolean dirty = !changes.get().isBlank();
            if (fromFiles.isPresent()) {
                return Optional.of(new GitState(fromFiles.get().root(), fromFiles.get().commit(), dirty));
            }
            return revParse(folder).map(head -> new GitState(head.root(), head.commit(), dirty));
        });
    }

    /** The commit and top folder by {@code git rev-parse}, for a repository whose files {@link GitHead} cannot read. */
    private static Optional<GitState> revParse(Path folder) {
        Optional<String> head = git(folder, "rev-parse", "HEAD", "--show-toplevel");
        if (head.isEmpty()) {
            return Optional.empty();
        }
        String[] lines = head.get().strip().split("\n");
        if (lines.length < 2 || !lines[0].matches("[0-9a-f]{40,64}")) {
            return Optional.empty();
        }
        return Optional.of(new GitState(Path.of(lines[1].strip()), lines[0], false));
    }

    /** {@code path} with its links resolved, as git names a checkout's top folder. */
    private static Optional<Path> real(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code {commit, dirty, root}} for provenance. */
    JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("commit", commit);
        o.addProperty("dirty", dirty);
        o.addProperty("root", root.toString());
        return o;
    }

    /**
     * The nearest folder from {@code folder} up that has a {@code .git} (a folder, or a linked worktree's
     * file), where git finds the checkout too; null for none, or for a folder that does not exist: no
     * process then.
     */
    static Path root(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return null;
        }
        for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return null;
    }

    /** The standard output of {@code git -C folder ARGS}, or empty when it fails or takes too long. */
    private static Optional<String> git(Path folder, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", folder.toString()));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noGit) {
            return Optional.empty();
        }
        try (InputStream in = p.getInputStream()) {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            if (!p.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            if (p.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(new String(out.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            return Optional.empty();
        }
    }
}
