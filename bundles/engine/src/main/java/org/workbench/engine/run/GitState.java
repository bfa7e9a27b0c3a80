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
        if (folder == null || !Files.isDirectory(folder) || !insideCheckout(folder)) {
            return Optional.empty();
        }
        CompletableFuture<Optional<String>> status = CompletableFuture.supplyAsync(
                () -> git(folder, "status", "--porcelain", "--untracked-files=no"));
        Optional<String> head = git(folder, "rev-parse", "HEAD", "--show-toplevel");
        Optional<String> changes = status.join();
        if (head.isEmpty() || changes.isEmpty()) {
            return Optional.empty();
        }
        String[] lines = head.get().strip().split("\n");
        if (lines.length < 2 || !lines[0].matches("[0-9a-f]{40,64}")) {
            return Optional.empty();
        }
        return Optional.of(new GitState(Path.of(lines[1].strip()), lines[0], !changes.get().isBlank()));
    }

    /** {@code {commit, dirty, root}} for provenance. */
    JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("commit", commit);
        o.addProperty("dirty", dirty);
        o.addProperty("root", root.toString());
        return o;
    }

    /** Whether {@code folder} or a parent has a {@code .git} (a folder, or a worktree's file): no process otherwise. */
    private static boolean insideCheckout(Path folder) {
        for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return true;
            }
        }
        return false;
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
