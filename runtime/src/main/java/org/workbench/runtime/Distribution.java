package org.workbench.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The distribution's declaration of itself, {@code distribution.properties} at its root (the build
 * copies it there from {@code runtime/src/dist/}, where the build also reads its copy lists): which
 * folders hold which artifacts, and which folders start only on demand.
 */
final class Distribution {
    /** The file's name, at the distribution's root. */
    static final String FILE = "distribution.properties";
    /** The property listing the folders that start on demand. */
    static final String ON_DEMAND = "dist.onDemand";

    private final Properties properties;

    private Distribution(Properties properties) {
        this.properties = properties;
    }

    /** Reads {@code home/distribution.properties}. */
    static Distribution read(Path home) throws IOException {
        Path file = home.resolve(FILE);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new IOException("the distribution " + home + " has no " + FILE + ", which says what its folders hold:"
                    + " rebuild it (mvn install)", e);
        }
        if (p.getProperty(ON_DEMAND) == null) {
            throw new IOException(file + " has no " + ON_DEMAND + " (the folders that start on demand): rebuild the"
                    + " distribution from runtime/src/dist/" + FILE);
        }
        return new Distribution(p);
    }

    /** The folders whose bundles the engine starts only for the commands that need them. */
    List<String> onDemand() {
        return list(ON_DEMAND);
    }

    /** The artifactIds that folder {@code folder} holds, as declared; empty when it declares none. */
    List<String> artifacts(String folder) {
        return list("dist." + folder);
    }

    private List<String> list(String key) {
        String value = properties.getProperty(key, "");
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
