package org.workbench.engine.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.workbench.engine.input.InvalidInputException;

/**
 * Where the store of a results folder lives: the {@value #ENVIRONMENT} environment variable, else a
 * {@code store: URL} line in {@code <results>/}{@value #SETTINGS}, else the embedded H2 file
 * {@code <results>/.store/runs.mv.db}. A PostgreSQL URL carries its user and password as URL
 * parameters ({@code jdbc:postgresql://host/db?user=wb&password=...}) or in the
 * {@code PGUSER}/{@code PGPASSWORD} environment variables.
 *
 * @param url      the JDBC URL
 * @param shared   whether the store was named by a setting (a server every run writes to), rather than the default file
 */
public record StoreLocation(String url, Properties credentials, boolean shared, Path folder) {
    public static final String ENVIRONMENT = "WORKBENCH_STORE";
    public static final String SETTINGS = "store.conf";
    static final String FOLDER = ".store";
    static final String FILE = "runs";

    /** The store of the results folder {@code results} under the environment {@code env}. */
    /** The URL of the store a results folder keeps inside itself when no other is set (its {@code .store} folder). */
    static String embeddedUrl(Path results) {
        return "jdbc:h2:file:" + results.toAbsolutePath().normalize().resolve(FOLDER).resolve(FILE) + ";AUTO_SERVER=TRUE";
    }

    public static StoreLocation of(Path results, Map<String, String> env) throws InvalidInputException {
        Path root = results.toAbsolutePath().normalize();
        String url = env.get(ENVIRONMENT);
        Path settings = root.resolve(SETTINGS);
        String from = ENVIRONMENT;
        if ((url == null || url.isBlank()) && Files.isRegularFile(settings)) {
            url = setting(settings);
            from = settings.toString();
        }
        Properties credentials = new Properties();
        if (url == null || url.isBlank()) {
            return new StoreLocation(embeddedUrl(root), credentials, false, root);
        }
        url = url.strip();
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new InvalidInputException(null, null, from + ": store '" + url + "' is not a store URL; give "
                    + "jdbc:postgresql://HOST[:PORT]/DATABASE (a team's server) or jdbc:h2:file:PATH");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            if (env.get("PGUSER") != null && !url.contains("user=")) {
                credentials.setProperty("user", env.get("PGUSER"));
            }
            if (env.get("PGPASSWORD") != null && !url.contains("password=")) {
                credentials.setProperty("password", env.get("PGPASSWORD"));
            }
        }
        return new StoreLocation(url, credentials, true, root);
    }

    /** Whether the store is in use: named by a setting, or its file made by an earlier {@code runs}. */
    public boolean inUse() {
        return shared || Files.exists(folder.resolve(FOLDER).resolve(FILE + ".mv.db"));
    }

    /** The store's size on disk in bytes (the embedded file), or -1 for a server. */
    public long bytes() throws IOException {
        Path file = folder.resolve(FOLDER).resolve(FILE + ".mv.db");
        return shared || !Files.exists(file) ? -1 : Files.size(file);
    }

    private static String setting(Path settings) throws InvalidInputException {
        try {
            for (String line : Files.readAllLines(settings, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.startsWith("store:")) {
                    return l.substring("store:".length()).strip();
                }
                if (!l.isEmpty() && !l.startsWith("#")) {
                    throw new InvalidInputException(settings, null, "unknown setting '" + l.split(":", 2)[0]
                            + "'; the only setting is store: jdbc:postgresql://HOST/DATABASE");
                }
            }
            return null;
        } catch (IOException e) {
            throw new InvalidInputException(settings, null, "cannot be read: " + e.getMessage());
        }
    }
}
