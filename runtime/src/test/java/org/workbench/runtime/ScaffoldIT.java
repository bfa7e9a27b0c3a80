package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new-plugin} end to end: the generated project builds with Maven (offline, against the API
 * artifact of this build, at the version chosen with {@code -Dplugin.version}), passes its own
 * contract and behaviour tests, and its jar dropped into the watched folder is listed and described.
 */
class ScaffoldIT {
    static final String API_VERSION = System.getProperty("workbench.api.version");

    @TempDir
    Path work;

    record Outcome(int status, String out, String err) {
    }

    static Outcome execute(Launcher launcher, String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = launcher.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aGeneratedOptimizerBuildsPassesItsTestsAndDropsIn() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path project = work.resolve("quick-sgd");
        try (Launcher launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false)) {
            Outcome made = execute(launcher, "new-plugin", "optimizer", "quick-sgd", "--dir", project.toString());
            assertEquals(0, made.status(), made.err());
            assertTrue(Files.isRegularFile(project.resolve("src/main/java/org/example/quicksgd/WeightDecaySgd.java")),
                    made.out());
            Outcome again = execute(launcher, "new-plugin", "optimizer", "quick-sgd", "--dir", project.toString());
            assertEquals(2, again.status(), "an existing project is never overwritten");

            long t0 = System.nanoTime();
            String log = maven(project, "package", "-Dplugin.version=1.1.0");
            double seconds = (System.nanoTime() - t0) * 1e-9;
            Path jar = project.resolve("target/optimizer-quick-sgd-1.1.0.jar");
            assertTrue(Files.isRegularFile(jar), log);
            assertTrue(Files.readString(project.resolve("target/surefire-reports/org.example.quicksgd.QuickSgdOptimizerProviderTest.txt"))
                    .contains("Tests run: 3, Failures: 0, Errors: 0"), "the contract test ran");
            assertTheBuildIndexedItsJar(launcher, project.resolve("target"), jar, "optimizer/quick-sgd");

            String filter = "(&(objectClass=org.workbench.api.Provider)(workbench.name=quick-sgd))";
            try (ServiceWaiter waiter = new ServiceWaiter(launcher.framework().getBundleContext(), filter)) {
                Files.copy(jar, plugins.resolve("quick-sgd.jar.tmp"));
                Files.move(plugins.resolve("quick-sgd.jar.tmp"), plugins.resolve("quick-sgd.jar"),
                        StandardCopyOption.ATOMIC_MOVE);
                waiter.await(refs -> {
                    try {
                        return execute(launcher, "list", "optimizer").out().lines()
                                .anyMatch(l -> l.startsWith("optimizer") && l.contains(" quick-sgd ") && l.contains("1.1.0"));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return true;
                    }
                }, 20_000, "the engine lists optimizer quick-sgd 1.1.0");
            }
            Outcome described = execute(launcher, "describe", "optimizer/quick-sgd");
            assertEquals(0, described.status(), described.err());
            assertTrue(described.out().contains("weightDecay") && described.out().contains("org.example.optimizer-quick-sgd"),
                    described.out());
            System.out.printf("plugin scaffold: generated, built with Maven (tests included) in %.1f s, listed%n", seconds);
        }
    }

    /**
     * The proof that {@code result.json} is a published contract: a generated task, built and dropped in,
     * runs, its results satisfy the result schema, and its run page, charts, tables and compare view come
     * from the layout it declares, with no change to the web bundle.
     */
    @Test
    void aGeneratedTaskRunsAndGetsItsPageChartsAndCompareViewFromItsLayout() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path project = work.resolve("task-darts");
        Path results = work.resolve("results");
        Path experiments = Files.createDirectories(work.resolve("experiments"));
        Path descriptor = experiments.resolve("darts-example.json");
        ResultContract contract;
        List<String> runs = new ArrayList<>();
        try (Launcher launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false)) {
            Outcome made = execute(launcher, "new-plugin", "task", "darts", "--dir", project.toString());
            assertEquals(0, made.status(), made.err());
            Files.copy(project.resolve("darts-example.json"), descriptor);
            Outcome schema = execute(launcher, "schema", "--result", work.resolve("result.schema.json").toString());
            assertEquals(0, schema.status(), schema.err());
            contract = ResultContract.of(work.resolve("result.schema.json"));

            String log = maven(project, "package");
            Path jar = project.resolve("target/task-darts-1.0.0.jar");
            assertTrue(Files.isRegularFile(jar), log);
            assertTrue(Files.readString(project.resolve("target/surefire-reports/org.example.darts.MonteCarloPiTest.txt"))
                    .contains("Tests run: 3, Failures: 0, Errors: 0"), "the task's own tests ran, its layout checked");
            String filter = "(&(objectClass=org.workbench.api.Provider)(workbench.name=darts))";
            try (ServiceWaiter waiter = new ServiceWaiter(launcher.framework().getBundleContext(), filter)) {
                Files.copy(jar, plugins.resolve("task-darts.jar.tmp"));
                Files.move(plugins.resolve("task-darts.jar.tmp"), plugins.resolve("task-darts.jar"),
                        StandardCopyOption.ATOMIC_MOVE);
                waiter.await(refs -> !refs.isEmpty(), 20_000, "the task darts is registered");
            }
            Outcome described = execute(launcher, "describe", "task/darts");
            assertEquals(0, described.status(), described.err());
            assertTrue(described.out().contains("chart estimate: estimate of pi (estimate) against samples over results.trace"),
                    described.out());
            for (String samples : List.of("20000", "40000")) {
                Outcome run = execute(launcher, "run", descriptor.toString(), "--out", results.toString(), "--quiet",
                        "--set", "task.with.samples=" + samples);
                assertEquals(0, run.status(), run.err());
                Path result = Path.of(run.out().strip().lines().reduce((a, b) -> b).orElseThrow());
                org.workbench.api.result.RunSummary summary = contract.check(result);
                assertEquals(List.of("estimate", "error"), summary.layout().charts().stream()
                        .map(org.workbench.api.result.Chart::id).toList());
                runs.add(summary.name() + "/" + result.getParent().getFileName());
            }
        }
        try (WebServer server = new WebServer(work, experiments)) {
            String page = server.get("runs/" + runs.get(0)).body();
            assertTrue(page.contains("\"id\":\"estimate\"") && page.contains("estimate of pi")
                    && page.contains("\"id\":\"error\"") && page.contains("standard error"), page);
            assertTrue(page.contains("id=\"table-summary\"") && page.contains("darts (darts)")
                    && page.contains("<td class=\"num\">20,000</td>") && page.contains("id=\"table-trace\""), page);
            String compare = server.get("compare?run=" + runs.get(0) + "&run=" + runs.get(1)).body();
            assertTrue(compare.contains("estimate of pi #1") && compare.contains("estimate of pi #2")
                    && compare.contains("\"id\":\"error\""), compare);
        }
    }

    /**
     * {@code mvn package} wrote {@code target/index.xml}: the jar with its SHA-256, size and provider,
     * so {@code target/} is a repository that {@code search} reads.
     */
    private static void assertTheBuildIndexedItsJar(Launcher launcher, Path target, Path jar, String provider)
            throws Exception {
        Path index = target.resolve("index.xml");
        assertTrue(Files.isRegularFile(index), "mvn package writes target/index.xml");
        String xml = Files.readString(index);
        byte[] bytes = Files.readAllBytes(jar);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertTrue(xml.toLowerCase(java.util.Locale.ROOT).contains("value=\"" + sha + "\""), "the jar's SHA-256 in\n" + xml);
        assertTrue(xml.contains("<attribute name=\"size\" value=\"" + bytes.length + "\"")
                && xml.contains("<attribute name=\"url\" value=\"" + jar.getFileName() + "\""), xml);
        assertTrue(xml.contains("namespace=\"org.workbench.provider\""), "the provider's capability in\n" + xml);
        Outcome search = execute(launcher, "search", "--repo", target.toString());
        assertEquals(0, search.status(), search.err());
        assertTrue(search.out().lines().anyMatch(l -> l.startsWith(provider + " ") && l.contains("1.1.0")), search.out());
    }

    /** Runs Maven offline on the generated project, against this build's API artifact. */
    private static String maven(Path project, String... goals) throws IOException, InterruptedException {
        Path repository = Path.of(System.getProperty("workbench.m2"));
        provideApi(repository);
        List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B", "-q", "-o",
                "-Dmaven.repo.local=" + repository, "-f", project.resolve("pom.xml").toString()));
        command.addAll(Arrays.asList(goals));
        Path log = project.resolve("build.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "Maven did not finish within 300 s");
        String text = Files.readString(log);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    /**
     * Puts this build's API jar and test-jar into the local repository as {@code mvn install} would,
     * so that the offline build finds them also after a plain {@code mvn verify} (which installs nothing).
     */
    private static void provideApi(Path repository) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("org/workbench/api/" + API_VERSION));
        copyIfDifferent(Path.of(System.getProperty("workbench.api.jar")), folder.resolve("api-" + API_VERSION + ".jar"));
        copyIfDifferent(Path.of(System.getProperty("workbench.api.testjar")),
                folder.resolve("api-" + API_VERSION + "-tests.jar"));
        Path pom = folder.resolve("api-" + API_VERSION + ".pom");
        if (!Files.exists(pom)) {
            Files.writeString(pom, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                    + "<groupId>org.workbench</groupId><artifactId>api</artifactId><version>" + API_VERSION
                    + "</version></project>\n");
        }
    }

    private static void copyIfDifferent(Path from, Path to) throws IOException {
        if (!Files.exists(to) || Files.mismatch(from, to) != -1) {
            Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String mavenExecutable() {
        String home = System.getProperty("maven.home", System.getenv("MAVEN_HOME"));
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }
}
