package org.workbench.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real runtime serving the web workbench for the web tests: {@code serve --port P} on a free
 * port, with an experiments folder holding copies of shipped descriptors beside the test's answer
 * files ({@code src/test/resources/web}), and fresh results and plugins folders.
 */
final class WebServer implements AutoCloseable {
    final Path experiments;
    final Path results;
    final Path plugins;
    final int port;
    final String url;
    final Launcher launcher;
    final CompletableFuture<Integer> serving;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final HttpClient http = HttpClient.newHttpClient();

    WebServer(Path work, String... descriptors) throws Exception {
        this(work, copies(work, descriptors));
    }

    /** Serves {@code experiments} as it is (the shipped folder: its descriptors, answers and homework index). */
    WebServer(Path work, Path experiments) throws Exception {
        this.experiments = experiments;
        results = work.resolve("results");
        plugins = Files.createDirectories(work.resolve("plugins"));
        port = freePort();
        launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false);
        PipedInputStream pipe = new PipedInputStream(1 << 16);
        PrintStream out = new PrintStream(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        serving = CompletableFuture.supplyAsync(() -> {
            try {
                return launcher.execute(new String[] { "serve", "--port", Integer.toString(port), "--out", results.toString(),
                        "--experiments", experiments.toString() }, out, errStream);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            } finally {
                out.close();
            }
        });
        String line = readLine(pipe);
        Matcher m = Pattern.compile("serving the workbench on (http://127\\.0\\.0\\.1:\\d+/)").matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("serve did not print its URL: '" + line + "'; stderr: " + err());
        }
        url = m.group(1);
    }

    /** The shipped answers served beside their descriptor (the others come from the test's own answer files). */
    private static final java.util.Set<String> SHIPPED_ANSWERS = java.util.Set.of("p1-2e-variance-vs-n.md");

    private static Path copies(Path work, String... descriptors) throws IOException {
        Path experiments = Files.createDirectories(work.resolve("experiments"));
        for (String d : descriptors) {
            Files.copy(WorkbenchRuntimeIT.EXPERIMENTS.resolve(d), experiments.resolve(d));
            String answer = d.replaceAll("\\.json$", ".md");
            if (SHIPPED_ANSWERS.contains(answer)) {
                Files.copy(WorkbenchRuntimeIT.EXPERIMENTS.resolve(answer), experiments.resolve(answer));
            }
        }
        for (String f : new String[] { "homework.json", "p1-1-posterior.md", "p4-fashion-mnist-mlp.md" }) {
            try (InputStream in = WebServer.class.getResourceAsStream("/web/" + f)) {
                Path target = f.equals("homework.json") ? Files.createDirectories(experiments.resolve("homework"))
                        .resolve("index.json") : experiments.resolve(f);
                Files.copy(in, target);
            }
        }
        return experiments;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0 && c != '\n';) {
            b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token the home page carries. */
    String token() throws IOException, InterruptedException {
        Matcher m = Pattern.compile("name=\"wb-token\" content=\"([0-9a-f]+)\"").matcher(get("").body());
        if (!m.find()) {
            throw new IllegalStateException("the home page carries no token");
        }
        return m.group(1);
    }

    HttpResponse<String> post(String path, String form, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            b.header("X-Workbench-Token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        launcher.close();
        serving.get(30, TimeUnit.SECONDS);
    }

}
