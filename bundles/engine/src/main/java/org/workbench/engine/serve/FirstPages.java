package org.workbench.engine.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Asks the server for its home page, and for the runs page when the results folder has a run store,
 * before {@code serve} prints its address, so that nobody's first page pays for what every first
 * request pays once (docs/web.md): the pages' templates compiled, their classes loaded and first run,
 * Jetty's and the compression's first request, the store opened and synchronised and its first query.
 * At 100,000 runs the runs page's first request took 2 s of wall time and 1 s of CPU after the store
 * was open, its next ones 0.3 s. Each request is sent once its page answers (the pages register just
 * after the port opens); the whole warm-up gives up after {@code budgetMs}, and a page that fails is
 * left to its first visitor.
 * <p>
 * Then it asks once for each static script and style the pages link (a browser's first load asks for
 * them, and their servlet and compression have their own first request), and for the last page
 * {@value #REPEATS} more times: one request runs the page's code once, interpreted, and the JIT
 * compiles it over the next dozen, on the same two cores as the visitor's browser (at 100,000 runs
 * the runs page's first requests after one warm-up took 0.1-0.5 s, the JIT 0.6 s of CPU over six of
 * them; after a dozen, 20-50 ms); then it waits for the process to be idle: the JIT done compiling
 * what these requests gave it ({@link QuietProcess}, at most {@value #QUIET_WAIT_MS} ms).
 */
final class FirstPages {
    /** How many more times the last page is asked for after it answered. */
    static final int REPEATS = 12;
    /** A static file a page links: {@code /static/v-<hash>/workbench.js}. */
    private static final Pattern LINKED = Pattern.compile("(?:src|href)=\"/(static/v-[0-9a-f]+/[A-Za-z0-9._/-]+\\.(?:js|css))\"");

    /** The longest the repeated requests may take together (each 0.1-0.5 s at 100,000 runs on a loaded machine). */
    static final long REPEATS_MS = 3_000;

    /** The longest the warm-up waits for the process to be idle after its requests ({@link QuietProcess}). */
    static final long QUIET_WAIT_MS = 3_000;

    private final String base;
    private final long budgetMs;
    private final int repeats;
    private final QuietProcess quiet;

    /** @param base the server's address, {@code http://127.0.0.1:P/} */
    FirstPages(String base, long budgetMs) {
        this(base, budgetMs, REPEATS, QuietProcess.ofThisProcess());
    }

    /**
     * {@link #FirstPages(String, long)}, asking for the last page {@code repeats} more times and then waiting
     * for {@code quiet} (at most {@value #QUIET_WAIT_MS} ms).
     */
    FirstPages(String base, long budgetMs, int repeats, QuietProcess quiet) {
        this.base = base;
        this.budgetMs = budgetMs;
        this.repeats = repeats;
        this.quiet = quiet;
    }

    /** The pages to ask for: home, and the runs page only where it would not make a store. */
    static List<String> pages(boolean storeInUse) {
        List<String> pages = new ArrayList<>(List.of(""));
        if (storeInUse) {
            pages.add("runs");
        }
        return pages;
    }

    /**
     * Asks for each page in turn until it answers 200 (a 404 while the pages register is asked again)
     * or the budget is spent; then for the static files the answered pages link, once each, and for the
     * last answered page {@code repeats} more times, and waits for the process to be idle.
     *
     * @return the pages that answered 200
     */
    List<String> warm(List<String> pages) {
        long deadline = System.currentTimeMillis() + budgetMs;
        List<String> answered = new ArrayList<>();
        Set<String> linked = new LinkedHashSet<>();
        for (String page : pages) {
            while (System.currentTimeMillis() < deadline) {
                Answer answer = get(page, deadline, true);
                if (answer.status() == 200) {
                    answered.add(page);
                    Matcher m = LINKED.matcher(answer.body());
                    while (m.find()) {
                        linked.add(m.group(1));
                    }
                    break;
                }
                if (answer.status() != 404 && answer.status() != 503) {
                    break; // left to the first visitor, who sees why
                }
                try {
                    Thread.sleep(20); // the pages are still registering
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return answered;
                }
            }
        }
        for (String file : linked) {
            if (System.currentTimeMillis() < deadline) {
                get(file, deadline, false);
            }
        }
        if (!answered.isEmpty()) {
            String last = answered.get(answered.size() - 1);
            long repeatsEnd = Math.min(deadline, System.currentTimeMillis() + REPEATS_MS);
            for (int i = 0; i < repeats && System.currentTimeMillis() < repeatsEnd; i++) {
                if (get(last, deadline, false).status() != 200) {
                    break;
                }
            }
            if (repeats > 0) {
                quiet.await(Math.min(deadline, System.currentTimeMillis() + QUIET_WAIT_MS));
            }
        }
        return answered;
    }

    /** A status (-1 when the request failed or timed out) and, when asked for, the body as text. */
    private record Answer(int status, String body) {
    }

    /** One GET, read to its end (gzipped, as a browser asks). */
    private Answer get(String page, long deadline, boolean keepBody) {
        int left = (int) Math.max(1, deadline - System.currentTimeMillis());
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create(base + page).toURL().openConnection();
            c.setConnectTimeout(left);
            c.setReadTimeout(left);
            c.setRequestProperty("Accept-Encoding", "gzip");
            c.setRequestProperty("Accept", page.startsWith("static/") ? "*/*" : "text/html");
            int status = c.getResponseCode();
            String body = "";
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                if (in != null && keepBody && status == 200) {
                    InputStream text = "gzip".equalsIgnoreCase(c.getContentEncoding()) ? new GZIPInputStream(in) : in;
                    body = new String(text.readAllBytes(), StandardCharsets.UTF_8);
                } else if (in != null) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return new Answer(status, body);
        } catch (IOException | RuntimeException e) {
            return new Answer(-1, "");
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }
}
