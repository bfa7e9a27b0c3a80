package org.workbench.cachefolder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The cache folder's rule, which decoded Fashion-MNIST and the vector backend's kernel choices share. */
class CacheFolderTest {
    @Test
    void thePropertyThenTheVariableThenAnAbsoluteXdgCacheHomeThenHome() {
        assertEquals(Path.of("/p"), CacheFolder.of("/p", "/v", "/x", "/home/u"));
        assertEquals(Path.of("/v"), CacheFolder.of(" ", "/v", "/x", "/home/u"));
        assertEquals(Path.of("/x/workbench"), CacheFolder.of(null, "", "/x", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/workbench"), CacheFolder.of(null, null, "relative", "/home/u"),
                "a relative XDG_CACHE_HOME is ignored, as the XDG spec says");
        assertEquals(Path.of("/home/u/.cache/workbench"), CacheFolder.of(null, null, null, "/home/u"));
    }
}
