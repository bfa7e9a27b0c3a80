package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The run store on a real PostgreSQL server (docs/run-store.md): a server of its own in a temporary
 * folder (initdb and pg_ctl from Debian's postgresql, run as the postgres user when the test runs as
 * root, which initdb refuses), two results folders whose {@code store.conf} names it, and two
 * workbench processes running into them at once: both runs land in the one store, each tagged with the
 * folder it came from, and {@code runs} in either folder lists both. Skipped where PostgreSQL is not
 * installed.
 */
class PostgresStoreIT {
    static Path work;
    static Path data;
    static List<String> as = List.of();
    static Path bin;
    static int port;
    static String url;

    @BeforeAll
    static void server() throws Exception {
        bin = installed();
        assumeTrue(bin != null, "skipped: no PostgreSQL installed (/usr/lib/postgresql/*/bin/initdb; "
                + "apt-get install postgresql, as .ci/run does)");
        work = Files.createTempDirectory("wb-postgres");
        if ("root".equals(System.getProperty("user.name"))) {
            as = List.of("runuser", "-u", "postgres", "--");
            command(List.of("chown", "postgres", work.toString()));
        }
        data = work.resolve("data");
        port = freePort();
        command(with(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "wb", "--auth=trust", "-E", "UTF8",
                "--no-sync"));
        command(with(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", work.resolve("log.txt").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -h 127.0.0.1 -k " + work + " -F", "start"));
        url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=wb";
    }

    @AfterAll
    static void stop() throws Exception {
        if (data != null) {
            command(with(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
        }
        if (work != null) {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void twoWorkbenchesWriteToOneStoreAtOnce() throws Exception {
        Path a = Files.createDirectories(work.resolve("a/results"));
        Path b = Files.createDirectories(work.resolve("b/results"));
        for (Path results : List.of(a, b)) {
            Files.writeString(results.resolve("store.conf"), "# the team's store\nstore: " + url + "\n",
                    StandardCharsets.UTF_8);
        }
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        String descriptor = WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-1-posterior.json").toString();
        try (WorkbenchProcess first = WorkbenchProcess.start(work.resolve("a"), plugins, "run", descriptor, "--out",
                a.toString(), "--quiet");
                WorkbenchProcess second = WorkbenchProcess.start(work.resolve("b"), plugins, "run", descriptor,
                        "--sweep", "data.n=5,50", "--out", b.toString(), "--quiet")) {
            assertEquals(0, first.exit(), first.stderr());
            assertEquals(0, second.exit(), second.stderr());
            assertTrue(!first.stderr().contains("warning") && !second.stderr().contains("warning"),
                    first.stderr() + second.stderr());
        }
        // both runs were indexed as they were published, each with the folder it came from
        Set<String> origins = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT origin, points FROM wb_runs ORDER BY points")) {
            List<Integer> points = new ArrayList<>();
            while (rs.next()) {
                origins.add(rs.getString(1));
                points.add(rs.getInt(2));
            }
            assertEquals(List.of(0, 2), points);
        }
        assertEquals(2, origins.size(), origins.toString());
        assertTrue(origins.stream().anyMatch(o -> o.endsWith(a.toString())), origins.toString());

        // runs in either folder answers from the shared store: three rows (a run and a sweep's two points)
        try (WorkbenchProcess runs = WorkbenchProcess.start(work.resolve("a"), plugins, "runs", "--out", a.toString(),
                "--json", "--where", "data.n >= 5", "--columns", "data.n")) {
            assertEquals(0, runs.exit(), runs.stderr());
            JsonArray rows = JsonParser.parseString(String.join("\n", runs.lines())).getAsJsonObject().getAsJsonArray("runs");
            assertEquals(3, rows.size(), rows.toString());
        }
        // the conditions as row-id sets and a page sorted by the condition's key, on the server too
        try (WorkbenchProcess runs = WorkbenchProcess.start(work.resolve("a"), plugins, "runs", "--out", a.toString(),
                "--json", "--where", "data.n >= 5 and data.n <= 50", "--sort", "-data.n", "--limit", "1",
                "--columns", "data.n")) {
            assertEquals(0, runs.exit(), runs.stderr());
            JsonObject answer = JsonParser.parseString(String.join("\n", runs.lines())).getAsJsonObject();
            assertEquals(3, answer.get("total").getAsInt(), answer.toString());
            JsonArray rows = answer.getAsJsonArray("runs");
            assertEquals(1, rows.size(), rows.toString());
            assertEquals(50.0, rows.get(0).getAsJsonObject().getAsJsonObject("values").get("data.n").getAsDouble(),
                    rows.toString());
        }
    }

    /** The bin folder of the newest installed PostgreSQL, or {@code null}. */
    static Path installed() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(java.util.Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString()
                            .replaceAll("\\D", "0")))).orElse(null);
        }
    }

    private static List<String> with(String... args) {
        List<String> all = new ArrayList<>(as);
        all.addAll(List.of(args));
        return all;
    }

    private static void command(List<String> args) throws Exception {
        Path log = Files.createTempFile("wb-postgres", ".txt");
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", args) + " did not end within 90 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", args) + " failed (" + p.exitValue() + "): "
                        + Files.readString(log));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * A second workbench that found the schema unmade, and waited for the schema lock while the first made
     * it, opens without DDL: its {@code CREATE INDEX IF NOT EXISTS} would take a share lock on every table
     * while the first is already writing runs (a put deletes from {@code wb_values}, then {@code wb_rows}),
     * and the two deadlocked (seen in CI). Replayed here step by step with JDBC around {@code RunStore.open};
     * the server's log says whether a deadlock was detected.
     */
    @Test
    void aSecondOpenThatWaitedForTheSchemaLockLocksNoTableAWriterUses() throws Exception {
        String db = "race";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        String raceUrl = url.replace("/postgres?", "/" + db + "?");
        org.workbench.engine.store.RunStore.open(raceUrl, null).close();
        java.util.Map<String, String> stamps = new java.util.LinkedHashMap<>();
        try (Connection a = DriverManager.getConnection(raceUrl); Statement s = a.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT name, val FROM wb_meta WHERE name = 'schema' OR name LIKE 'ddl.%'")) {
                while (rs.next()) {
                    stamps.put(rs.getString(1), rs.getString(2));
                }
            }
            assertEquals(3, stamps.size(), stamps.toString());
            // the schema as another process is making it: its tables there, its stamps not yet
            s.execute("DELETE FROM wb_meta WHERE name = 'schema' OR name LIKE 'ddl.%'");
            a.setAutoCommit(false);
            s.execute("SELECT pg_advisory_xact_lock(" + 0x7762736368656d61L + ")"); // StoreSchema.SCHEMA_LOCK, "wbschema"
            long deadlocks = deadlocksLogged();
            Thread second = new Thread(() -> {
                try {
                    org.workbench.engine.store.RunStore.open(raceUrl, null).close();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            second.start();
            try (Connection w = DriverManager.getConnection(raceUrl); Statement q = w.createStatement()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                boolean waiting = false;
                while (!waiting && System.nanoTime() < deadline) {
                    try (ResultSet rs = q.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
                        rs.next();
                        waiting = rs.getInt(1) > 0;
                    }
                    Thread.sleep(20); // polling the server's lock table, with a deadline
                }
                assertTrue(waiting, "the second open waits for the schema lock");
            }
            try (Connection writer = DriverManager.getConnection(raceUrl); Statement put = writer.createStatement()) {
                writer.setAutoCommit(false);
                put.execute("DELETE FROM wb_values WHERE row_id IN (SELECT row_id FROM wb_rows WHERE run_key = 'x')");
                try (java.sql.PreparedStatement i = a.prepareStatement("INSERT INTO wb_meta (name, val) VALUES (?, ?)")) {
                    for (var e : stamps.entrySet()) {
                        i.setString(1, e.getKey());
                        i.setString(2, e.getValue());
                        i.executeUpdate();
                    }
                }
                a.commit(); // the schema is made: the second open goes on
                Thread.sleep(300); // time for the second open to reach its DDL, where it would lock the tables
                put.execute("DELETE FROM wb_rows WHERE run_key = 'x'");
                writer.commit();
            }
            second.join(TimeUnit.SECONDS.toMillis(60));
            assertEquals(deadlocks, deadlocksLogged(), "no deadlock between the second open and the writer");
        }
    }

    private static long deadlocksLogged() throws IOException {
        try (Stream<String> lines = Files.lines(work.resolve("log.txt"))) {
            return lines.filter(l -> l.contains("deadlock detected")).count();
        }
    }
}
