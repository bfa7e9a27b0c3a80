package org.workbench.engine.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit that {@code HEAD} names in a checkout, read from the repository's files as git keeps them
 * ({@code HEAD}, loose refs, {@code packed-refs}; a linked worktree's {@code .git} file and its
 * {@code commondir}) instead of by starting {@code git rev-parse}: a process costs a start its fork
 * and git's own start-up. Anything this does not know (a reference format other than files, a
 * symbolic chain too long, an unborn branch, a {@code GIT_DIR} in the environment) gives nothing,
 * and the caller asks git.
 */
final class GitHead {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final String REF = "ref: ";
    private static final int MAX_LINKS = 5;

    private GitHead() {
    }

    /**
     * The full hash of {@code HEAD} of the checkout whose top folder is {@code root} (the folder that
     * holds {@code .git}), or empty when it cannot be read from the files.
     */
    static Optional<String> commit(Path root) {
        if (System.getenv("GIT_DIR") != null || System.getenv("GIT_COMMON_DIR") != null) {
            return Optional.empty();
        }
        try {
            Path gitDir = gitDir(root);
            if (gitDir == null || !Files.isRegularFile(gitDir.resolve("HEAD"))) {
                return Optional.empty();
            }
            Path common = commonDir(gitDir);
            if (Files.exists(common.resolve("reftable"))) {
                return Optional.empty();
            }
            String value = firstLine(gitDir.resolve("HEAD"));
            for (int link = 0; link <= MAX_LINKS && value != null; link++) {
                if (!value.startsWith(REF)) {
                    return HASH.matcher(value).matches() ? Optional.of(value) : Optional.empty();
                }
                String ref = value.substring(REF.length()).strip();
                if (!ref.startsWith("refs/") || ref.contains("..")) {
                    return Optional.empty();
                }
                value = loose(gitDir, common, ref);
                if (value == null) {
                    value = packed(common, ref);
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The repository folder: {@code root/.git}, or where a linked worktree's {@code .git} file points. */
    private static Path gitDir(Path root) throws IOException {
        Path dotGit = root.resolve(".git");
        if (Files.isDirectory(dotGit)) {
            return dotGit;
        }
        if (!Files.isRegularFile(dotGit)) {
            return null;
        }
        String line = firstLine(dotGit);
        if (line == null || !line.startsWith("gitdir:")) {
            return null;
        }
        return root.resolve(line.substring("gitdir:".length()).strip()).normalize();
    }

    /** The folder of the shared references: a linked worktree's {@code commondir}, else the repository itself. */
    private static Path commonDir(Path gitDir) throws IOException {
        Path file = gitDir.resolve("commondir");
        if (!Files.isRegularFile(file)) {
            return gitDir;
        }
        String line = firstLine(file);
        return line == null || line.isBlank() ? gitDir : gitDir.resolve(line.strip()).normalize();
    }

    /** A loose reference's content: the worktree's own first, then the shared one; null when neither exists. */
    private static String loose(Path gitDir, Path common, String ref) throws IOException {
        for (Path dir : gitDir.equals(common) ? new Path[] {gitDir} : new Path[] {gitDir, common}) {
            Path file = dir.resolve(ref);
            if (Files.isRegularFile(file)) {
                return firstLine(file);
            }
        }
        return null;
    }

    /** A reference's hash in {@code packed-refs} ("HASH refs/heads/name" lines), or null. */
    private static String packed(Path common, String ref) throws IOException {
        Path file = common.resolve("packed-refs");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            if (space > 0 && !line.startsWith("#") && !line.startsWith("^") && line.substring(space + 1).equals(ref)) {
                return line.substring(0, space);
            }
        }
        return null;
    }

    private static String firstLine(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        } catch (NoSuchFileException gone) {
            return null;
        }
    }
}
