package org.workbench.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine starts only the folders that the distribution declares on demand. */
class DeclaredFoldersTest {
    @TempDir
    Path home;

    @Test
    void theDeclaredFoldersAreRead() throws IOException {
        Files.writeString(home.resolve(DeclaredFolders.FILE), "# a comment\ndist.onDemand = cluster, web,http\n");
        assertEquals(List.of("cluster", "web", "http"), DeclaredFolders.onDemand(home));
        DeclaredFolders.requireOnDemand(home, OnDemandBundles.CLUSTER);
        DeclaredFolders.requireOnDemand(home, WebBundles.PAGES);
        DeclaredFolders.requireOnDemand(home, WebBundles.HTTP);
    }

    @Test
    void anUndeclaredFolderIsRefusedNamingTheFile() throws IOException {
        Files.writeString(home.resolve(DeclaredFolders.FILE), "dist.onDemand=web,http\n");
        IOException e = assertThrows(IOException.class, () -> DeclaredFolders.requireOnDemand(home, "cluster"));
        assertTrue(e.getMessage().startsWith("the distribution does not declare folder 'cluster' as started on demand"),
                e.getMessage());
        assertTrue(e.getMessage().contains("dist.onDemand=web,http"), e.getMessage());
    }

    @Test
    void aDistributionWithoutTheFileSaysToRebuild() {
        IOException e = assertThrows(IOException.class, () -> DeclaredFolders.onDemand(home));
        assertTrue(e.getMessage().contains("rebuild it with mvn install"), e.getMessage());
    }
}
