package org.workbench.engine.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints an HTML page to PDF with headless Chromium: the page's own print style sheet, its fonts
 * and its math (typeset by the page's KaTeX before the page finishes loading), so the PDF looks like
 * the page. Chromium runs with a fresh profile in a temporary folder and no network, background
 * or sync services (the machine may be offline); the PDF is written under a temporary name and
 * renamed when whole.
 */
public final class ChromiumPdf {
    /** Environment variable naming the Chromium (or Chrome) executable to use instead of the one on the path. */
    public static final String ENVIRONMENT = "WORKBENCH_CHROMIUM";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private static final long TIMEOUT_SECONDS = 180;

    /** Paper sizes the hand-in is printed on. */
    public enum Paper {
        LETTER("letter"), A4("A4");

        private final String css;

        Paper(String css) {
            this.css = css;
        }
    }

    private final Path executable;

    private ChromiumPdf(Path executable) {
        this.executable = executable;
    }

    /** The Chromium named by {@value #ENVIRONMENT}, else the first of chromium, chromium-browser, google-chrome on the path. */
    public static Optional<ChromiumPdf> find(Map<String, String> environment) {
        String named = environment.get(ENVIRONMENT);
        if (named != null && !named.isBlank()) {
            Path p = Path.of(named);
            return Files.isExecutable(p) ? Optional.of(new ChromiumPdf(p)) : Optional.empty();
        }
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String name : NAMES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(new ChromiumPdf(candidate));
                }
            }
        }
        return Optional.empty();
    }

    public Path executable() {
        return executable;
    }

    /**
     * Prints {@code html} on {@code paper} to {@code pdf}.
     *
     * @throws IOException when Chromium fails, times out or writes no PDF (its output is in the message)
     */
    public void print(Path html, Path pdf, Paper paper) throws IOException {
        Path work = Files.createTempDirectory("workbench-chromium-");
        try {
            // the page itself leaves the paper to the reader's printer; this copy names it
            Path page = work.resolve("page.html");
            String text = Files.readString(html, StandardCharsets.UTF_8);
            int head = text.indexOf("</head>");
            String size = "<style>@page { size: " + paper.css + "; }</style>";
            Files.writeString(page, head < 0 ? size + text : text.substring(0, head) + size + text.substring(head),
                    StandardCharsets.UTF_8);
            Path printed = work.resolve("page.pdf");
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + work.resolve("profile"),
                    "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=10000",
                    "--print-to-pdf=" + printed, page.toUri().toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("HOME", work.toString());
            Process process = builder.start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(process.getInputStream(), output), "chromium-output");
            reader.setDaemon(true);
            reader.start();
            boolean finished;
            try {
                finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!finished) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                reader.join(2000);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while Chromium printed " + html, e);
            }
            String said = tail(output.toString(StandardCharsets.UTF_8));
            if (!finished) {
                throw new IOException(executable + " did not print " + html + " within " + TIMEOUT_SECONDS + " s" + said);
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(printed) || Files.size(printed) == 0) {
                throw new IOException(executable + " exited with status " + process.exitValue() + " and printed no PDF of "
                        + html + said);
            }
            Path temporary = pdf.resolveSibling("." + pdf.getFileName() + ".tmp");
            Files.copy(printed, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(work);
        }
    }

    /** The paper named on the command line, case-insensitively. */
    public static Paper paper(String name) {
        return Paper.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the process ended; what it said so far is kept
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        return ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
