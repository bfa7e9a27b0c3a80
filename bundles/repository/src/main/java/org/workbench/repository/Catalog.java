package org.workbench.repository;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

import aQute.bnd.osgi.repository.ResourcesRepository;

/** Every configured repository read once, searched as one (bnd's {@link ResourcesRepository}). */
final class Catalog {
    private final List<RepositoryIndex> indexes;
    private final ResourcesRepository all = new ResourcesRepository();
    private final Map<Resource, String> origin = new IdentityHashMap<>();

    private Catalog(List<RepositoryIndex> indexes) {
        this.indexes = indexes;
        for (RepositoryIndex index : indexes) {
            for (Resource r : index.resources()) {
                all.add(r);
                origin.put(r, index.name());
            }
        }
    }

    static Catalog read(Map<String, URI> repositories) throws IOException {
        List<RepositoryIndex> indexes = new ArrayList<>();
        for (Map.Entry<String, URI> e : repositories.entrySet()) {
            indexes.add(RepositoryIndex.read(e.getKey(), e.getValue()));
        }
        return new Catalog(indexes);
    }

    List<RepositoryIndex> indexes() {
        return indexes;
    }

    List<Resource> resources() {
        return all.getResources();
    }

    String origin(Resource r) {
        return origin.getOrDefault(r, "?");
    }

    /** The capabilities that satisfy {@code requirement}, highest version first. */
    List<Capability> providers(Requirement requirement) {
        List<Capability> found = new ArrayList<>(all.findProvider(requirement));
        found.sort(Comparator.comparing((Capability c) -> Identity.version(c.getResource())).reversed());
        return found;
    }

    /** The resources whose identity is {@code symbolicName}, highest version first. */
    List<Resource> bundles(String symbolicName) {
        return resources().stream().filter(r -> symbolicName.equals(Identity.name(r)))
                .sorted(Comparator.comparing((Resource x) -> Identity.version(x)).reversed()).toList();
    }

    static Version newest(List<Resource> resources) {
        return resources.stream().map(Identity::version).max(Comparator.naturalOrder()).orElse(Version.emptyVersion);
    }
}
