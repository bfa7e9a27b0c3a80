package org.workbench.engine.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** serve asks for its first pages itself before it prints its address, and never waits longer than its budget. */
class FirstPagesTest {
    @Test
    void theRunsPageIsAskedForOnlyWhereItWouldNotMakeAStore() {
        assertEquals(List.of(""), FirstPages.pages(false));
        assertEquals(List.of("", "runs"), FirstPages.pages(true));
    }

    @Test
    void eachPageIsAskedForUntilItAnswersAsABrowserWould() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        AtomicInteger registering = new AtomicInteger(2); // the first two requests find no page yet
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            asked.add(x.getRequestURI().getPath() + " " + x.getRequestHeaders().getFirst("Accept-Encoding"));
            byte[] body = "<html></html>".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(registering.getAndDecrement() > 0 ? 404 : 200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            List<String> answered = new FirstPages(base, 30_000, 0, new QuietProcess(() -> 0L, 1)).warm(FirstPages.pages(true));
            assertEquals(List.of("", "runs"), answered);
            assertEquals(List.of("/ gzip", "/ gzip", "/ gzip", "/runs gzip"), asked);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theStaticFilesThePagesLinkAreAskedForOnceAndTheLastPageAgainWhileTheJitCompilesIt() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            asked.add(x.getRequestURI().getPath());
            String html = "<html><head><style>p{}</style><script src=\"/static/v-0a1b2c/workbench.js\" defer></script>"
                    + "<link rel=\"icon\" href=\"data:image/svg+xml,x\"></head><body><img src=\"/files/a/b/plot.png\">"
                    + "<a href=\"/static/v-0a1b2c/katex/katex.min.css\">style</a></body></html>";
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
                gz.write(html.getBytes(StandardCharsets.UTF_8)); // as the pages answer a browser that accepts gzip
            }
            x.getResponseHeaders().set("Content-Encoding", "gzip");
            x.sendResponseHeaders(200, zipped.size());
            x.getResponseBody().write(zipped.toByteArray());
            x.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            assertEquals(List.of("", "runs"), new FirstPages(base, 30_000, 3, new QuietProcess(() -> 0L, 1)).warm(FirstPages.pages(true)));
            assertEquals(List.of("/", "/runs", "/static/v-0a1b2c/workbench.js", "/static/v-0a1b2c/katex/katex.min.css",
                    "/runs", "/runs", "/runs"), asked, "each linked script and style once, never a result file");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPageThatDoesNotAnswerIsLeftToItsFirstVisitorWithinTheBudget() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        try {
            List<String> answered = new FirstPages("http://127.0.0.1:" + server.getAddress().getPort() + "/", 300)
                    .warm(FirstPages.pages(true));
            assertTrue(answered.isEmpty(), "gave up at its budget (without one, this test would never end): " + answered);
        } finally {
            release.countDown();
            server.stop(0);
        }
    }
}
