package org.workbench.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether the component runtime (Felix SCR) keeps the component descriptors it parsed in the bundle
 * cache ({@value #PROPERTY}, SCR's own cache: written when SCR stops, read when it starts, an entry
 * used only for the same bundle id and last-modified time), so that a start that reuses the cache
 * reads no component XML.
 *
 * <p>Only while the plugins folder holds no jar: SCR keeps the components that it could read and
 * check, so a plugin with a faulty descriptor would have its error reported at its first start only.
 * With a plugin present, every start parses every descriptor, as before, and reports its errors.
 */
final class ComponentMetadataCache {
    /** SCR's framework property for its descriptor cache. */
    static final String PROPERTY = "ds.cache.metadata";
    /** The file SCR writes into its bundle's data folder. */
    static final String STORE = "componentMetadataStore";

    private ComponentMetadataCache() {
    }

    /**
     * Whether a bundle cache folder holds SCR's kept descriptors (in Felix's layout,
     * {@code bundleN/data/}{@value #STORE}): then SCR's start parses none of the cached bundles'.
     */
    static boolean present(Path cache) {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("bundle")
                    && Files.isRegularFile(p.resolve("data").resolve(STORE)));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
