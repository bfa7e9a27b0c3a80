package org.workbench.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's record of the distribution decides what is built in: location, identity and SHA-256. */
class BuiltInBundlesTest {
    @TempDir
    Path home;

    private BuiltInBundles recorded(Path jar, String name, String version) throws Exception {
        Files.writeString(home.resolve(BuiltInBundles.FILE), "# a comment\n" + BuiltInBundles.sha256(jar) + " "
                + home.relativize(jar) + " " + name + " " + version + "\n");
        return BuiltInBundles.of(home);
    }

    @Test
    void aRecordedJarWithItsHashIsBuiltIn() throws Exception {
        Path jar = Files.writeString(Files.createDirectories(home.resolve("bundles")).resolve("p.jar"), "jar bytes");
        BuiltInBundles b = recorded(jar, "org.workbench.p", "1.0.0");
        Origin o = b.origin("reference:" + jar.toUri(), "org.workbench.p", "1.0.0");
        assertTrue(o.builtIn(), o.toString());
        assertEquals("bundles/p.jar", o.location());
        assertEquals(64, o.sha256().length());
        assertTrue(b.symbolicNames().contains("org.workbench.p"));
    }

    @Test
    void aJarChangedAfterTheBuildIsNotBuiltIn() throws Exception {
        Path jar = Files.writeString(Files.createDirectories(home.resolve("bundles")).resolve("p.jar"), "jar bytes");
        BuiltInBundles b = recorded(jar, "org.workbench.p", "1.0.0");
        Files.writeString(jar, "replaced bytes");
        Origin o = b.origin("reference:" + jar.toUri(), "org.workbench.p", "1.0.0");
        assertFalse(o.builtIn());
        assertTrue(o.why().contains("not the") && o.why().contains("the build recorded"), o.why());
    }

    @Test
    void anotherIdentityAtARecordedPathOrAJarElsewhereIsNotBuiltIn() throws Exception {
        Path jar = Files.writeString(Files.createDirectories(home.resolve("bundles")).resolve("p.jar"), "jar bytes");
        BuiltInBundles b = recorded(jar, "org.workbench.p", "1.0.0");
        assertFalse(b.origin("reference:" + jar.toUri(), "org.workbench.p", "1.9.9").builtIn());
        Path plugin = Files.writeString(Files.createTempFile("plugin", ".jar"), "jar bytes");
        try {
            Origin o = b.origin(plugin.toUri().toString(), "org.workbench.p", "1.0.0");
            assertFalse(o.builtIn());
            assertEquals("outside the distribution", o.why());
            assertEquals(plugin.toAbsolutePath().normalize().toString(), o.location());
        } finally {
            Files.delete(plugin);
        }
        assertFalse(b.origin("workbench-fetched:x", "org.workbench.p", "1.0.0").builtIn());
    }

    @Test
    void withoutARecordNothingIsBuiltIn() throws Exception {
        Path jar = Files.writeString(Files.createDirectories(home.resolve("bundles")).resolve("p.jar"), "jar bytes");
        Origin o = BuiltInBundles.of(home).origin("reference:" + jar.toUri(), "org.workbench.p", "1.0.0");
        assertFalse(o.builtIn());
        assertTrue(o.why().contains("rebuild"), o.why());
    }

    @Test
    void theActivationDeadlineIsSettableAndARunsTimeoutShortensIt() {
        assertEquals(Duration.ofSeconds(10), ActivationDeadline.parse(null));
        assertEquals(Duration.ofMillis(2500), ActivationDeadline.parse("2.5"));
        assertEquals(Duration.ofSeconds(10), ActivationDeadline.parse("-1"));
        assertEquals(Duration.ofSeconds(10), ActivationDeadline.parse("soon"));
        Duration configured = Duration.ofSeconds(10);
        try (ActivationDeadline.Scope s = ActivationDeadline.bound(Duration.ofSeconds(1))) {
            assertEquals(Duration.ofSeconds(1), ActivationDeadline.effective(configured));
            try (ActivationDeadline.Scope longer = ActivationDeadline.bound(Duration.ofSeconds(5))) {
                assertEquals(Duration.ofSeconds(1), ActivationDeadline.effective(configured), "the shorter bound stays");
            }
        }
        assertEquals(configured, ActivationDeadline.effective(configured));
        try (ActivationDeadline.Scope none = ActivationDeadline.bound(null)) {
            assertEquals(configured, ActivationDeadline.effective(configured));
        }
    }
}
