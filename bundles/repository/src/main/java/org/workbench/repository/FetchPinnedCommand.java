package org.workbench.repository;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.framework.Version;
import org.osgi.resource.Resource;
import org.workbench.api.Workbench;

import aQute.bnd.osgi.resource.ResourceUtils;
import aQute.bnd.osgi.resource.ResourceUtils.ContentCapability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fetch-pinned --repo LOCATION --sha256 SHA --to FILE NAME VERSION} (for the engine on a cluster
 * member, hidden): the jar of bundle NAME VERSION from the repository at LOCATION (the coordinator's
 * repository of a unit's pinned jars), read as {@code install} reads any repository. FILE is written
 * (under a temporary name, then renamed) only when the index's {@code osgi.content} is the pinned
 * SHA-256, the jar lies in the repository's folder, and the downloaded jar is the one the index describes. Exit 2 when the repository does not
 * offer that bundle, 1 when it offers another jar or the download differs from its index; nothing is
 * written then.
 */
@Command(name = "fetch-pinned", hidden = true)
final class FetchPinnedCommand implements Callable<Integer> {
    private final Session session;
    @Option(names = "--repo", required = true, paramLabel = "LOCATION")
    String repository;
    @Option(names = "--sha256", required = true, paramLabel = "SHA256")
    String sha256;
    @Option(names = "--to", required = true, paramLabel = "FILE")
    Path target;
    @Parameters(index = "0", paramLabel = "NAME")
    String name;
    @Parameters(index = "1", paramLabel = "VERSION")
    String version;

    FetchPinnedCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        Version wanted;
        try {
            wanted = Version.parseVersion(version);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("fetch-pinned: '" + version + "' is not an OSGi version (MAJOR.MINOR.MICRO)");
        }
        RepositoryIndex index = RepositoryIndex.read("of the coordinator", Locations.uri(repository, "--repo"));
        Resource r = offered(index.resources(), wanted);
        ContentCapability content = ResourceUtils.getContentCapability(r);
        String listed = content == null || content.osgi_content() == null ? "(none)" : content.osgi_content();
        if (!listed.equalsIgnoreCase(sha256)) {
            throw new PluginWriter.Tampered("the coordinator's repository offers " + name + " " + wanted
                    + " with SHA-256 " + listed + ", not the pinned " + sha256 + "; not installed");
        }
        URI folder = index.index().resolve(".");
        if (content.url() == null || !content.url().normalize().toString().startsWith(folder.toString())) {
            // the coordinator's repository holds its jars beside its index: an index that sends the
            // member elsewhere was not written by the coordinator
            throw new PluginWriter.Tampered("the coordinator's repository names " + content.url() + " for " + name + " "
                    + wanted + ", outside the repository (" + folder + "); not fetched");
        }
        byte[] bytes = PluginWriter.download(r);
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".fetch", ".part");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Workbench.OK;
    }

    private Resource offered(List<Resource> resources, Version wanted) throws InvalidRequest {
        for (Resource r : resources) {
            if (name.equals(Identity.name(r)) && wanted.equals(Identity.version(r))) {
                return r;
            }
        }
        throw new InvalidRequest("the coordinator's repository does not offer bundle " + name + " " + wanted);
    }
}
