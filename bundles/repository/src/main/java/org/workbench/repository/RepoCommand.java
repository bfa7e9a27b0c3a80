package org.workbench.repository;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code repo index|add|list|remove}: a folder's index and the configured repositories. */
@Command(name = "repo", mixinStandardHelpOptions = true, description = "plugin repositories: index a folder, add, list, remove")
final class RepoCommand implements Callable<Integer> {
    private final Session session;

    RepoCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws InvalidRequest {
        throw new InvalidRequest("repo needs one of: index DIR, add NAME URL, list, remove NAME (./workbench repo --help)");
    }

    @Command(name = "index", mixinStandardHelpOptions = true, description = "write or refresh DIR/index.xml: every bundle's identity, requirements, capabilities, SHA-256, size and providers")
    static final class Index implements Callable<Integer> {
        private final Session session;
        @Parameters(paramLabel = "DIR", description = "a folder of plugin jars")
        Path folder;
        @Option(names = "--gz", description = "write index.xml.gz instead")
        boolean gzip;

        Index(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() throws Exception {
            RepositoryIndexer.Outcome outcome = RepositoryIndexer.index(folder, gzip);
            for (Path skipped : outcome.skipped()) {
                session.err.println("warning: " + skipped + " is not an OSGi bundle; left out of the index");
            }
            session.out.println(outcome.resources().size() + " bundles indexed: " + outcome.index());
            return Workbench.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "configure a repository (a folder, file: or http(s): URL)")
    static final class Add implements Callable<Integer> {
        private final Session session;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "URL")
        String location;

        Add(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() throws Exception {
            URI uri = Locations.uri(location, "repo add " + name);
            RepositoryIndex index = RepositoryIndex.read(name, uri);
            session.settings().add(name, uri);
            session.out.println("repository " + name + ": " + uri + " (" + index.resources().size() + " bundles), in "
                    + session.settings().file());
            return Workbench.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "the configured repositories")
    static final class ListRepositories implements Callable<Integer> {
        private final Session session;

        ListRepositories(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() throws Exception {
            Map<String, URI> repositories = session.settings().repositories();
            if (repositories.isEmpty()) {
                session.out.println("no repositories (add one with ./workbench repo add NAME URL)");
            }
            repositories.forEach((name, uri) -> session.out.println(name + "  " + uri));
            return Workbench.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "forget a configured repository")
    static final class Remove implements Callable<Integer> {
        private final Session session;
        @Parameters(paramLabel = "NAME")
        String name;

        Remove(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() throws Exception {
            if (!session.settings().remove(name)) {
                throw new InvalidRequest("repo remove: no repository named " + name + "; configured: "
                        + String.join(", ", session.settings().repositories().keySet()));
            }
            session.out.println("removed repository " + name);
            return Workbench.OK;
        }
    }
}
