package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The system bundle's exports kept with a bundle cache: the start that reuses the cache gets the same
 * Export-Package (JDK packages and the extra ones) as the start that computed it, and a cache made
 * with other extra packages is not reused (so not its list either).
 */
class SystemPackagesTest {
    private static final String EXTRA = "org.example.extra;version=1.2.0";

    @TempDir
    Path home;

    @Test
    void aReusedCacheGivesTheFrameworkTheExportsItComputedBefore() throws Exception {
        String first = start("stamp", false);
        String second = start("stamp", true);
        assertEquals(first, second);
        assertTrue(second.contains("org.example.extra; version=\"1.2.0\""), "the extra package is exported once more");
        assertTrue(second.contains("javax.xml.parsers"), "the JDK's packages are exported");
        assertEquals(1, second.split("org\\.example\\.extra;", -1).length - 1, "exported once");
        // another stamp: the cache is cleaned and the list computed again
        assertEquals(first, start("another stamp", false));
    }

    /** Starts a bare framework on the cache of {@code stamp}; checks whether it reused the kept list; gives its Export-Package. */
    private String start(String stamp, boolean expectReused) throws Exception {
        try (FrameworkStorage storage = FrameworkStorage.open(home, "run", stamp)) {
            Map<String, String> config = new HashMap<>();
            config.put(Constants.FRAMEWORK_STORAGE, storage.folder().toString());
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, storage.reusable() ? "none"
                    : Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            SystemPackages packages = SystemPackages.configure(config, storage, EXTRA);
            assertEquals(expectReused, packages.reused());
            if (!expectReused) {
                assertFalse(config.containsKey(Constants.FRAMEWORK_SYSTEMPACKAGES));
            }
            Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(config);
            framework.init();
            try {
                packages.keep(framework.getBundleContext());
                return framework.getHeaders().get(Constants.EXPORT_PACKAGE);
            } finally {
                framework.stop();
                framework.waitForStop(10_000);
                storage.stoppedCleanly();
            }
        }
    }
}
