package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin author's mistakes on the real runtime ({@link AuthorPlugin} builds the plugins): a
 * parameter read but not declared, a settings record whose {@code int} cannot hold a number, a
 * default of the wrong type are the plugin's faults (exit 1 naming the provider, its bundle and the
 * parameter; {@code validate} finds them before a run); a plugin that is not active is explained
 * wherever its name is used; the shell's {@code exit} and Ctrl-D end with status 0.
 */
class AuthorsIT {
    @TempDir
    static Path work;
    static Path plugins;
    static Launcher launcher;

    @BeforeAll
    static void boot() throws Exception {
        plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJars.drop(AuthorPlugin.build(work, "Undeclared", "undeclared", "[1.3,2)", true), plugins, "undeclared.jar");
        PluginJars.drop(AuthorPlugin.build(work, "Truncating", "truncating", "[1.3,2)", true), plugins, "truncating.jar");
        PluginJars.drop(AuthorPlugin.build(work, "StringDefault", "stringdefault", "[1.3,2)", true), plugins,
                "stringdefault.jar");
        PluginJars.drop(AuthorPlugin.build(work, "Correct", "newer", "[1.99,2)", true), plugins, "newer.jar");
        PluginJars.drop(AuthorPlugin.build(work, "Correct", "nameless", "[1.3,2)", false), plugins, "nameless.jar");
        PluginJars.drop(AuthorPlugin.build(work, "Correct", "mislabelled", "[1.3,2)", true, "loss"), plugins,
                "mislabelled.jar");
        launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false);
        try (ServiceWaiter providers = new ServiceWaiter(launcher.framework().getBundleContext(),
                "(&(objectClass=org.workbench.api.Provider)(component.name=org.example.authors.*))")) {
            providers.await(refs -> refs.size() == 5, 10_000, "the five resolved author plugins");
        }
    }

    @AfterAll
    static void shutdown() throws Exception {
        launcher.close();
    }

    static Path descriptor(String prior) throws Exception {
        Path file = work.resolve(prior + ".json");
        Files.writeString(file, "{\"format\":1,\"name\":\"author-" + prior + "\",\"task\":{\"use\":\"gaussian-mean\"},"
                + "\"components\":{\"data\":{\"use\":\"inline\",\"with\":{\"values\":[0.5,1.5]}},"
                + "\"prior\":{\"use\":\"" + prior + "\"},"
                + "\"likelihood\":{\"use\":\"gaussian\",\"with\":{\"variance\":1}}}}");
        return file;
    }

    static WorkbenchRuntimeIT.Outcome execute(String... args) throws Exception {
        return PluginsIT.executeOn(launcher, args);
    }

    static WorkbenchRuntimeIT.Outcome run(String prior) throws Exception {
        return execute("run", descriptor(prior).toString(), "--out", work.resolve("results").toString());
    }

    /** Exit 1 from run and validate, naming the provider, its bundle and {@code what}; nothing written. */
    static void thePluginsFault(String prior, String what) throws Exception {
        String named = "prior '" + prior + "' 1.0.0 (bundle test.authors." + prior + ")";
        WorkbenchRuntimeIT.Outcome run = run(prior);
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains(named) && run.err().contains(what), run.err());
        assertTrue(run.err().lines().count() < 12, "no long stack trace: " + run.err());
        assertFalse(Files.exists(work.resolve("results/author-" + prior)), "nothing written");
        WorkbenchRuntimeIT.Outcome validate = execute("validate", descriptor(prior).toString());
        assertEquals(1, validate.status(), "validate creates the component once: " + validate.out() + validate.err());
        assertTrue(validate.err().contains(named) && validate.err().contains(what), validate.err());
    }

    @Test
    void aKindThatDisagreesWithTheProvidedTypeIsRefusedNamingBoth() throws Exception {
        String why = "it is registered as kind 'loss' but creates a prior (org.workbench.api.bayes.Prior), and a loss is"
                + " a loss (org.workbench.api.nn.Loss)";
        WorkbenchRuntimeIT.Outcome describe = execute("describe", "loss/mislabelled");
        assertTrue((describe.out() + describe.err()).contains("registered, but its component failed to activate: " + why),
                describe.out() + describe.err());
        WorkbenchRuntimeIT.Outcome list = execute("list", "--wide");
        assertTrue(list.out().contains("provider loss 'mislabelled' from test.authors.mislabelled 1.0.0"), list.out());
        assertTrue(list.out().contains(why), list.out());
    }

    @Test
    void aRunTellsTheScriptWhichTasksAreLight() throws Exception {
        run("truncating");
        assertEquals("gaussian-mean\ngradient-check\n", Files.readString(WorkbenchRuntimeIT.HOME.resolve("light-tasks")),
                "the tasks that say @WorkbenchProvider(light = true), for ./workbench's quick-compiler runs");
    }

    @Test
    void readingAnUndeclaredParameterIsThePluginsFault() throws Exception {
        thePluginsFault("undeclared", "read parameter 'eps', which the provider does not declare (it declares: epsilon)");
    }

    @Test
    void anIntComponentForANumberIsThePluginsFault() throws Exception {
        thePluginsFault("truncating", "Settings.epsilon is an int, but parameter 'epsilon' is a number and its value "
                + "1.0E-8 is not whole");
    }

    @Test
    void aDefaultOfTheWrongTypeIsThePluginsFault() throws Exception {
        thePluginsFault("stringdefault", "parameter 'epsilon' is a number, but its default \"1e-8\" is a String");
        WorkbenchRuntimeIT.Outcome describe = execute("describe", "prior/stringdefault");
        assertEquals(1, describe.status(), describe.out() + describe.err());
        assertTrue(describe.err().contains("(bundle test.authors.stringdefault) could not declare its parameters: "
                + "parameter 'epsilon' is a number"), describe.err());
    }

    @Test
    void aPluginBuiltAgainstANewerApiIsExplainedWhereverItsNameIsUsed() throws Exception {
        String why = "newer is in plugins/ (newer.jar, bundle test.authors.newer 1.0.0) but not active: needs "
                + "org.workbench.api [1.99,2), installed 1.";
        WorkbenchRuntimeIT.Outcome run = run("newer");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("no prior named 'newer'; " + why), run.err());
        WorkbenchRuntimeIT.Outcome validate = execute("validate", descriptor("newer").toString());
        assertTrue(validate.status() == 2 && validate.err().contains(why), validate.err());
        WorkbenchRuntimeIT.Outcome describe = execute("describe", "prior/newer");
        assertTrue(describe.status() == 2 && describe.err().contains(why), describe.err());
        WorkbenchRuntimeIT.Outcome list = execute("list", "prior");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("in plugins/ but not active:") && list.out().replaceAll("\\s+", " ")
                .contains("prior newer: newer.jar, bundle test.authors.newer 1.0.0: not active: needs org.workbench.api "
                        + "[1.99,2)"), list.out());
    }

    @Test
    void aProviderWithoutWorkbenchProviderIsExplained() throws Exception {
        WorkbenchRuntimeIT.Outcome run = run("nameless");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("nameless is in plugins/ (nameless.jar, bundle test.authors.nameless 1.0.0) but not "
                + "active: has no @WorkbenchProvider"), run.err());
    }

    @Test
    void exitAndCtrlDEndTheShellWithStatusZero() throws Exception {
        for (String input : List.of("exit\n", "")) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true", "-jar",
                    WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(), "--home", WorkbenchRuntimeIT.HOME.toString(),
                    "--plugins", work.resolve("no-plugins").toString(), "shell"));
            Path err = work.resolve("shell-" + input.length() + ".err");
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile()).start();
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the shell ended");
            String stderr = Files.readString(err);
            assertEquals(0, p.exitValue(), (input.isEmpty() ? "Ctrl-D" : "exit") + ": " + stderr);
            assertFalse(stderr.contains("Exception"), stderr);
        }
    }
}
