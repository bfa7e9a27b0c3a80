package org.workbench.engine.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the server for its home page, and for the runs page when the results folder has a run store,
 * before {@code serve} prints its address, so that nobody's first page pays for what every first
 * request pays once (docs/web.md): the pages' templates compiled, their classes loaded and first run,
 * Jetty's and the compression's first request, the store opened and synchronised and its first query.
 * At 100,000 runs the runs page's first request took 2 s of wall time and 1 s of CPU after the store
 * was open, its next ones 0.3 s. Each request is sent once its page answers (the pages register just
 * after the port opens); the whole warm-up gives up after {@code budgetMs}, and a page that fails is
 * left to its first visitor.
 */
final class FirstPages {
    private final String base;
    private final long budgetMs;

    /** @param base the server's address, {@code http://127.0.0.1:P/} */
    FirstPages(String base, long budgetMs) {
        this.base = base;
        this.budgetMs = budgetMs;
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
     * or the budget is spent.
     *
     * @return the pages that answered 200
     */
    List<String> warm(List<String> pages) {
        long deadline = System.currentTimeMillis() + budgetMs;
        List<String> answered = new ArrayList<>();
        for (String page : pages) {
            while (System.currentTimeMillis() < deadline) {
                int status = get(page, deadline);
                if (status == 200) {
                    answered.add(page);
                    break;
                }
                if (status != 404 && status != 503) {
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
        return answered;
    }

    /** One GET, read to its end (gzipped, as a browser asks); the status, or -1 when it failed or timed out. */
    private int get(String page, long deadline) {
        int left = (int) Math.max(1, deadline - System.currentTimeMillis());
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create(base + page).toURL().openConnection();
            c.setConnectTimeout(left);
            c.setReadTimeout(left);
            c.setRequestProperty("Accept-Encoding", "gzip");
            c.setRequestProperty("Accept", "text/html");
            int status = c.getResponseCode();
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                if (in != null) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return status;
        } catch (IOException | RuntimeException e) {
            return -1;
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }
}
