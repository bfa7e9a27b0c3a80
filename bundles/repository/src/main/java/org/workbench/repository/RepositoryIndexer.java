package org.workbench.repository;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.Version;
import org.osgi.resource.Resource;

import aQute.bnd.osgi.repository.XMLResourceGenerator;
import aQute.bnd.osgi.resource.ResourceBuilder;

/**
 * Writes the R5 repository index ({@code index.xml}, or {@code index.xml.gz}) of a folder of jars
 * with bnd: for each bundle its identity, requirements, capabilities, SHA-256 and size (bnd's
 * {@code osgi.content}), and one capability per workbench provider: bnd writes those into the manifest
 * at build time ({@code @WorkbenchProvider} is a bundle annotation since API 1.4), so they come with the
 * bundle's other capabilities; for a jar built against an older API, they are read from its component
 * descriptions ({@link ProviderCapabilities}).
 * URLs are relative to the folder, so the folder can be copied or served as it is. The index is
 * written under a temporary name and renamed.
 */
final class RepositoryIndexer {
    /** What was indexed: the index file, the bundles and the jars that are not bundles. */
    record Outcome(Path index, List<Resource> resources, List<Path> skipped) {
    }

    private RepositoryIndexer() {
    }

    static Outcome index(Path folder, boolean gzip) throws IOException, InvalidRequest {
        if (!Files.isDirectory(folder)) {
            throw new InvalidRequest("repo index: " + folder + " is not a folder (give a folder of plugin jars)");
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(folder)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        List<Resource> resources = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path jar : jars) {
            Resource r = resource(jar);
            if (r == null) {
                skipped.add(jar);
            } else {
                resources.add(r);
            }
        }
        Path index = folder.toAbsolutePath().normalize().resolve(gzip ? "index.xml.gz" : "index.xml");
        Path tmp = Files.createTempFile(folder, ".index", ".tmp");
        try {
            XMLResourceGenerator generator = new XMLResourceGenerator().name(folder.toAbsolutePath().getFileName()
                    .toString()).increment(System.currentTimeMillis()).base(folder.toAbsolutePath().toUri())
                    .resources(resources);
            if (gzip) {
                generator.compress();
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                generator.save(out);
            }
            Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        // a stale index of the other form would disagree with this one
        Files.deleteIfExists(folder.resolve(gzip ? "index.xml" : "index.xml.gz"));
        return new Outcome(index, resources, skipped);
    }

    /** The resource of one jar, or {@code null} when it is not an OSGi bundle. */
    static Resource resource(Path jar) throws IOException {
        ResourceBuilder builder = new ResourceBuilder();
        try {
            if (!builder.addFile(jar.toAbsolutePath().toFile(), jar.toAbsolutePath().toUri())) {
                return null;
            }
        } catch (Exception e) {
            throw new IOException(jar + ": cannot read it as a bundle: " + e.getMessage(), e);
        }
        boolean declared = builder.getCapabilities().stream()
                .anyMatch(c -> ProviderCapabilities.NAMESPACE.equals(c.getNamespace()));
        if (!declared) {
            Version version = version(builder);
            for (ProviderCapabilities.Provider p : ProviderCapabilities.read(jar)) {
                builder.addCapability(p.capability(version));
            }
        }
        return builder.build();
    }

    private static Version version(ResourceBuilder builder) {
        return builder.getCapabilities().stream().filter(c -> "osgi.identity".equals(c.getNamespace())).findFirst()
                .map(c -> Version.parseVersion(String.valueOf(c.getAttributes().get("version"))))
                .orElse(Version.emptyVersion);
    }
}
