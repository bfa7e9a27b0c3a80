package org.workbench.engine.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.workbench.api.Workbench;
import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.MissingBundleException;
import org.workbench.api.execution.RepositorySource;

/**
 * The coordinator's OSGi repository of a run's pinned jars, made and read by the plugin repository's
 * own code (docs/plugin-repository.md): on the coordinator, the jars go into a private folder, each
 * named by its SHA-256, and {@code repo index} writes their R5 index; on a member that lacks a
 * pinned bundle, the index and the pin's jar are copied into a private folder and {@code
 * fetch-pinned} reads the index, checks its {@code osgi.content} against the pin and the jar against
 * the index, as {@code install} does, before the engine installs anything.
 */
final class PinnedRepository {
    /** Runs one of the repository bundle's commands; returns its exit status. */
    @FunctionalInterface
    interface Commands {
        int execute(String[] args, PrintStream out, PrintStream err);
    }

    private final Commands commands;

    PinnedRepository(Commands commands) {
        this.commands = commands;
    }

    /** The path of a pinned jar in the repository: its SHA-256, so the pin names it. */
    static String path(BundlePin pin) {
        return pin.sha256() + ".jar";
    }

    /** The index and jars of {@code pins} ({@code jar} gives each pin's bytes, when this framework can read them). */
    Map<String, byte[]> offer(Collection<BundlePin> pins, Function<BundlePin, Optional<byte[]>> jar) throws IOException {
        Path folder = Files.createTempDirectory("workbench-pinned-");
        try {
            for (BundlePin pin : pins) {
                if (pin.sha256().matches("[0-9a-f]{64}")) {
                    Optional<byte[]> bytes = jar.apply(pin);
                    if (bytes.isPresent()) {
                        Files.write(folder.resolve(path(pin)), bytes.get());
                    }
                }
            }
            String err = run("index the pinned bundles", "repo", "index", folder.toString());
            if (err != null) {
                throw new IOException("could not index the pinned bundles: " + err);
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> s = Files.list(folder)) {
                for (Path p : s.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (!name.startsWith(".") && Files.isRegularFile(p)) {
                        files.put(name, Files.readAllBytes(p));
                    }
                }
            }
            return files;
        } finally {
            delete(folder);
        }
    }

    /** The checked bytes of {@code pin}'s jar from {@code source}, the coordinator's repository. */
    byte[] fetch(BundlePin pin, RepositorySource source) throws MissingBundleException {
        Path folder = null;
        try {
            Optional<byte[]> index = source.file(RepositorySource.INDEX);
            if (index.isEmpty()) {
                throw new MissingBundleException(pin, "this member lacks bundle " + pin
                        + " and the coordinator offers no repository of it");
            }
            folder = Files.createTempDirectory("workbench-fetch-");
            Files.write(folder.resolve(RepositorySource.INDEX), index.get());
            Optional<byte[]> jar = source.file(path(pin));
            if (jar.isPresent()) {
                Files.write(folder.resolve(path(pin)), jar.get());
            }
            Path target = folder.resolve("fetched.jar");
            String err = run("fetch", "fetch-pinned", "--repo", folder.toString(), "--sha256", pin.sha256(), "--to",
                    target.toString(), pin.symbolicName(), pin.version());
            if (err != null) {
                throw new MissingBundleException(pin, "this member lacks bundle " + pin
                        + " and the coordinator's repository did not give it: " + err);
            }
            return Files.readAllBytes(target);
        } catch (MissingBundleException e) {
            throw e;
        } catch (Exception e) {
            throw new MissingBundleException(pin, "this member lacks bundle " + pin + " and could not fetch it: " + e);
        } finally {
            if (folder != null) {
                delete(folder);
            }
        }
    }

    /** Runs a repository command; {@code null} when it succeeded, else what it said on standard error. */
    private String run(String what, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = commands.execute(args, o, e);
        }
        if (status == Workbench.OK) {
            return null;
        }
        String said = err.toString(StandardCharsets.UTF_8).strip().replaceFirst("^(error|failed): ", "");
        return said.isEmpty() ? what + " failed with exit " + status : said;
    }

    private static void delete(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
