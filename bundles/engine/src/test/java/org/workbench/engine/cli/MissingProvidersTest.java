package org.workbench.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The providers a report of invalid input says are not installed, with the range the descriptor pins. */
class MissingProvidersTest {
    @TempDir
    Path folder;

    @Test
    void aMissingProviderTakesTheRangeItsDescriptorGives() throws Exception {
        Path d = folder.resolve("d.json");
        Files.writeString(d, "{\"components\": {\"prior\": {\"use\": \"student-t\", \"version\": \"[1.0,1.1)\"},"
                + " \"network\": [{\"use\": \"dense\"}, {\"use\": \"swish\", \"version\": \"[2,3)\"}]}}");
        String report = d + ": $.components.prior.use: no prior named 'student-t'; available prior providers: gaussian\n"
                + "error: " + d + ": $.components.network[1].use: no layer named 'swish'; available layer providers: relu";
        assertEquals(List.of("prior/student-t@[1.0,1.1)", "layer/swish@[2,3)"), MissingProviders.named(report));
    }

    @Test
    void aVersionOutOfRangeIsAskedForInThatRange() {
        assertEquals(List.of("prior/student-t@[1.3,2.0)"), MissingProviders.named(
                "d.json: $.components.prior.version: no version of prior 'student-t' lies in [1.3,2.0); installed: 1.0.0"));
    }

    @Test
    void aDescriptorWithoutAVersionAsksForAny() {
        assertEquals(List.of("prior/x"), MissingProviders.named("no prior named 'x'; available prior providers: none"));
        assertEquals(null, DescriptorVersions.at(folder.resolve("missing.json"), "$.components.prior"));
    }
}
