package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wb:serve} in the Gogo shell ({@code ./workbench shell}): the web workbench served from the
 * shell's own runtime in the background, a run started with {@code wb:run} in that shell listed among
 * the runs in progress that every page's header shows ({@code /api/active}) and cancelled from there,
 * and {@code wb:serve stop} closing the port while the shell goes on.
 */
class WebShellIT {
    private static final Pattern SERVING = Pattern.compile("serving the workbench on (http://127\\.0\\.0\\.1:(\\d+)/)");
    private static final long WAIT_S = 120;

    @TempDir
    Path work;

    @Test
    void theShellServesTheWebAndItsRunsShowInTheHeader() throws Exception {
        Path experiments = Files.createDirectories(work.resolve("experiments"));
        Files.copy(WorkbenchRuntimeIT.EXPERIMENTS.resolve("p4-fashion-mnist-mlp.json"), experiments.resolve("p4-fashion-mnist-mlp.json"));
        Path results = work.resolve("results");
        Process shell = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true", "-jar",
                WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(), "--home", WorkbenchRuntimeIT.HOME.toString(),
                "--plugins", Files.createDirectories(work.resolve("plugins")).toString(), "shell"))
                .redirectError(work.resolve("shell.err").toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuffer said = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    lines.add(line);
                    said.append(line).append('\n');
                }
            } catch (IOException ended) {
                // the shell is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        try (Writer in = new java.io.OutputStreamWriter(shell.getOutputStream(), StandardCharsets.UTF_8)) {
            say(in, "wb:serve --port 0 --out " + results + " --experiments " + experiments);
            String line = await(lines, "serving the workbench on", shell);
            assertTrue(line.contains("wb:serve stop stops it"), line);
            Matcher m = SERVING.matcher(line);
            assertTrue(m.find(), line);
            String url = m.group(1);
            int port = Integer.parseInt(m.group(2));
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode(), "the home page is served while the shell takes commands");

            // a run started in the shell is one of this runtime's runs in progress: the header lists it
            say(in, "wb:run " + experiments.resolve("p4-fashion-mnist-mlp.json") + " --out " + results
                    + " --set data.with.trainLimit=2000 --set data.with.testLimit=500 --set task.with.epochs=500");
            String active = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
            while (System.nanoTime() < deadline) {
                active = http.send(HttpRequest.newBuilder(URI.create(url + "api/active")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (active.contains("p4-fashion-mnist-mlp")) {
                    break;
                }
                Thread.sleep(100); // polling for the run to start, with a deadline
            }
            assertNotNull(active);
            assertTrue(active.contains("p4-fashion-mnist-mlp"), "the shell's run is listed as in progress: " + active);
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(active);
            assertTrue(id.find(), active);
            // cancelled from the page's API, it ends in the shell as cancelled
            String home = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = Pattern.compile("name=\"wb-token\" content=\"([0-9a-f]+)\"").matcher(home);
            assertTrue(token.find());
            HttpResponse<String> cancel = http.send(HttpRequest.newBuilder(URI.create(url + "api/cancel?id=" + id.group(1)))
                    .header("X-Workbench-Token", token.group(1)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, cancel.statusCode(), cancel.body());
            say(in, "echo after-the-run");
            await(lines, "after-the-run", shell);
            assertFalse(http.send(HttpRequest.newBuilder(URI.create(url + "api/active")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("p4-fashion-mnist-mlp"), "the run is no longer in progress");

            // stop closes the port, the shell goes on, and serves again
            say(in, "wb:serve stop");
            assertTrue(await(lines, "stopped serving on", shell).contains(url));
            assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
                    "nothing answers on the port after wb:serve stop");
            say(in, "wb:serve --port 0 --out " + results + " --experiments " + experiments);
            assertTrue(SERVING.matcher(await(lines, "serving the workbench on", shell)).find(), "served again");
            say(in, "wb:serve stop");
            await(lines, "stopped serving on", shell);
            say(in, "exit");
        }
        assertTrue(shell.waitFor(WAIT_S, TimeUnit.SECONDS), "the shell ended");
        String err = Files.readString(work.resolve("shell.err"));
        assertEquals(0, shell.exitValue(), err);
        // Gogo writes a command's error stream to the shell's console as well
        assertTrue((said + err).contains("cancelled"), "the shell's run ended as cancelled: " + said + err);
        // at its next progress report, not after its 4,000 steps (the training waits on nothing a cancel interrupts)
        assertFalse(said.toString().contains("training 4000/4000"), "the cancel stopped the training before its end: " + said);
        assertFalse(err.contains("Exception"), err);
    }

    private static void say(Writer in, String command) throws IOException {
        in.write(command + "\n");
        in.flush();
    }

    /** The next line of the shell's output that contains {@code text}, waiting up to two minutes. */
    private static String await(BlockingQueue<String> lines, String text, Process shell) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                if (!shell.isAlive()) {
                    break;
                }
                continue;
            }
            seen.append(line).append('\n');
            if (line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("the shell did not print '" + text + "'; it printed:\n" + seen);
    }
}
