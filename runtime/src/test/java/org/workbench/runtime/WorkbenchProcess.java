package org.workbench.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM of the assembled distribution ({@code java -jar dist/workbench.jar ...}), with its
 * own temporary folder; its standard output is read line by line (a worker's {@code member HOST:PORT
 * ready} completes {@link #ready()}), its standard error is kept in a file for assertions.
 */
final class WorkbenchProcess implements AutoCloseable {
    private final Process process;
    private final Path err;
    private final Path tmp;
    private final List<String> lines = new ArrayList<>();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final Thread reader;

    private WorkbenchProcess(Process process, Path err, Path tmp) {
        this.process = process;
        this.err = err;
        this.tmp = tmp;
        reader = new Thread(this::read, "workbench-process-out");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code ./workbench ARGS} with {@code plugins} as its plugins folder, inside {@code folder}. */
    static WorkbenchProcess start(Path folder, Path plugins, String... args) throws IOException {
        return start(WorkbenchRuntimeIT.HOME, folder, plugins, args);
    }

    /** Starts {@code ./workbench ARGS} from the distribution folder {@code home} (its own copy of the bundles). */
    static WorkbenchProcess start(Path home, Path folder, Path plugins, String... args) throws IOException {
        Files.createDirectories(folder);
        Path tmp = Files.createDirectories(folder.resolve("tmp"));
        Path err = folder.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "--add-modules", "jdk.incubator.vector", "-Djava.io.tmpdir=" + tmp,
                "-Djava.awt.headless=true", "-jar", WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(),
                "--home", home.toString(), "--plugins", plugins.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectError(err.toFile()).start();
        return new WorkbenchProcess(p, err, tmp);
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.startsWith("member ") && line.endsWith(" ready")) {
                    ready.complete(line.substring("member ".length(), line.length() - " ready".length()));
                }
            }
        } catch (IOException ignored) {
            // the process was killed
        }
        ready.completeExceptionally(new IllegalStateException("the process ended before it was ready: " + stderr()));
    }

    /** A worker's address, once it is ready. */
    String ready() throws Exception {
        return ready.get(90, TimeUnit.SECONDS);
    }

    /** Waits for the process to end and returns its exit status. */
    int exit() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the process did not end within 120 s: " + stderr());
        }
        return process.exitValue();
    }

    /** Whether a line of standard output so far starts with {@code prefix}. */
    boolean printed(String prefix) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.startsWith(prefix));
        }
    }

    /** Every line of standard output, once the process has ended and its output is read to the end. */
    List<String> lines() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(30));
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The last line of standard output (a run's result.json). */
    String lastLine() {
        synchronized (lines) {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    String stderr() {
        try {
            return Files.exists(err) ? Files.readString(err) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Whether the process is inside a unit now (a unit works in a temporary folder of its own). */
    boolean runningAUnit() throws IOException {
        try (var s = Files.list(tmp)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("workbench-unit-"));
        }
    }

    /** Ctrl-C: SIGTERM, then waits for the process to end. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
