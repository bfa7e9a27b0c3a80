package org.workbench.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;
import org.workbench.api.Kinds;

/** The launcher's index of which bundle provides what: one line a provider, rewritten only when it changes. */
class ProviderIndexTest {
    @TempDir
    Path home;

    private static ProviderSource source(ProviderEntry... entries) {
        return () -> List.of(entries);
    }

    private static ProviderEntry entry(String kind, String name, String bundle) {
        return new ProviderEntry(kind, name, "", Version.emptyVersion, bundle, 0, () -> null);
    }

    @Test
    void everyProviderIsWrittenWithItsKindAndBundleSortedAndOnlyWhenTheIndexChanges() throws IOException {
        ProviderSource providers = source(entry(Kinds.PRIOR, "gaussian", "org.workbench.prior-gaussian"),
                entry(Kinds.DATA, "gaussian-sample", "org.workbench.data-basic"),
                entry(Kinds.DATA, "csv", "org.workbench.data-basic"),
                entry(Kinds.PRIOR, "gaussian", "org.workbench.prior-gaussian"));
        ProviderIndex.record(home, providers);
        Path file = home.resolve(ProviderIndex.FILE);
        assertEquals("data csv org.workbench.data-basic\ndata gaussian-sample org.workbench.data-basic\n"
                + "prior gaussian org.workbench.prior-gaussian\n", Files.readString(file));
        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, old);
        ProviderIndex.record(home, providers);
        assertEquals(old, Files.getLastModifiedTime(file), "unchanged: not written again");
        ProviderIndex.record(home, source(entry(Kinds.TASK, "gaussian-mean", "org.workbench.task-gaussian-mean")));
        assertEquals("task gaussian-mean org.workbench.task-gaussian-mean\n", Files.readString(file));
    }
}
