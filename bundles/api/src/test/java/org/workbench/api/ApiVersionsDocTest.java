package org.workbench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The table "Versions of the API" in {@code docs/plugin-guide.md} lists every exported package with the
 * version its {@code package-info.java} declares: this test reads both, so the page cannot go stale.
 */
class ApiVersionsDocTest {

    private static final Path SOURCES = Path.of("src/main/java/org/workbench/api");
    private static final Path GUIDE = Path.of("../../docs/plugin-guide.md");
    private static final Pattern DECLARED = Pattern.compile("@Version\\(\"([0-9.]+)\"\\)\\s*package\\s+([\\w.]+);");
    private static final Pattern ROW = Pattern.compile("^\\| `(org\\.workbench\\.api[\\w.]*)` \\| ([0-9.]+) \\|", Pattern.MULTILINE);

    @Test
    void theGuidesTableListsEveryPackageWithItsDeclaredVersion() throws IOException {
        assertEquals(declared(), documented(),
                "docs/plugin-guide.md, section \"Versions of the API\": update the table to the versions in package-info.java");
    }

    @Test
    void theBundleVersionIsTheHighestPackageVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("</parent>.*?<version>([0-9.]+)</version>", Pattern.DOTALL).matcher(pom);
        assertTrue(m.find(), "bundles/api/pom.xml has no version of its own");
        String highest = declared().values().stream().max(ApiVersionsDocTest::compare).orElseThrow();
        assertEquals(highest, m.group(1), "the API bundle's version should be its highest package version");
    }

    private static Map<String, String> declared() throws IOException {
        Map<String, String> versions = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path info : (Iterable<Path>) files.filter(p -> p.endsWith("package-info.java"))::iterator) {
                Matcher m = DECLARED.matcher(Files.readString(info));
                if (m.find()) {
                    versions.put(m.group(2), m.group(1));
                }
            }
        }
        return versions;
    }

    private static Map<String, String> documented() throws IOException {
        Map<String, String> versions = new TreeMap<>();
        Matcher m = ROW.matcher(Files.readString(GUIDE));
        while (m.find()) {
            versions.put(m.group(1), m.group(2));
        }
        return versions;
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int d = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }
}
