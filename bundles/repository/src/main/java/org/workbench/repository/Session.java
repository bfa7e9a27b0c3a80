package org.workbench.repository;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;

/**
 * What every repository command uses: the framework, the plugins folder, the settings file and
 * the repositories of this command line (the configured ones and each {@code --repo}).
 */
final class Session {
    /** Framework property naming the settings file; else {@value #SETTINGS} beside the plugins folder. */
    static final String SETTINGS_PROPERTY = "workbench.settings";
    static final String SETTINGS = "workbench-settings.json";
    final BundleContext context;
    final PrintWriter out;
    final PrintWriter err;

    Session(BundleContext context, PrintWriter out, PrintWriter err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    Path plugins() {
        String folder = context.getProperty("workbench.plugins");
        return Path.of(folder == null ? "plugins" : folder).toAbsolutePath().normalize();
    }

    RepositorySettings settings() {
        String file = context.getProperty(SETTINGS_PROPERTY);
        return new RepositorySettings(file != null ? Path.of(file) : plugins().getParent().resolve(SETTINGS));
    }

    /** The configured repositories and then those given by {@code --repo}. */
    Map<String, URI> repositories(List<String> extra) throws InvalidRequest, IOException {
        Map<String, URI> all = new LinkedHashMap<>(settings().repositories());
        int i = 1;
        for (String location : extra) {
            all.put(extra.size() == 1 ? "--repo" : "--repo#" + i, Locations.uri(location, "--repo"));
            i++;
        }
        return all;
    }

    Catalog catalog(List<String> extra) throws InvalidRequest, IOException {
        Map<String, URI> repositories = repositories(extra);
        if (repositories.isEmpty()) {
            throw new InvalidRequest("no repository is configured: add one with ./workbench repo add NAME URL, or give --repo URL");
        }
        return Catalog.read(repositories);
    }

    InstalledPlugins installed() {
        return new InstalledPlugins(context, plugins());
    }
}
