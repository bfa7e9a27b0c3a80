package org.workbench.engine.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The distribution's own declaration of its on-demand folders, {@code distribution.properties} at its
 * root (written by the build from {@code runtime/src/dist/}, which the build's copy lists and the
 * launcher read too): the engine starts only a folder declared there, so a folder name the engine
 * uses and the distribution's layout cannot drift apart unnoticed.
 */
final class DeclaredFolders {
    static final String FILE = "distribution.properties";
    static final String ON_DEMAND = "dist.onDemand";

    private DeclaredFolders() {
    }

    /** The folders of the distribution at {@code home} that start on demand, as it declares them. */
    static List<String> onDemand(Path home) throws IOException {
        Properties p = new Properties();
        Path file = home.resolve(FILE);
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new IOException("the distribution " + home + " has no " + FILE + " (which declares its folders):"
                    + " rebuild it with mvn install", e);
        }
        return Arrays.stream(p.getProperty(ON_DEMAND, "").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * Refuses {@code folder} unless the distribution at {@code home} declares it on demand.
     *
     * @throws IOException naming the folder, the file and the folders it declares
     */
    static void requireOnDemand(Path home, String folder) throws IOException {
        List<String> declared = onDemand(home);
        if (!declared.contains(folder)) {
            throw new IOException("the distribution does not declare folder '" + folder + "' as started on demand ("
                    + home.resolve(FILE) + " declares " + ON_DEMAND + "=" + String.join(",", declared)
                    + "): add it there (runtime/src/dist/" + FILE + ") and rebuild");
        }
    }
}
