package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineFactsTest {
    @TempDir
    Path folder;

    @Test
    void theModelIsTheFirstModelNameOfCpuinfo() throws Exception {
        Path cpuinfo = folder.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel\t\t: 17\n"
                + "model name\t: AMD EPYC 9R14 96-Core Processor\nprocessor\t: 1\nmodel name\t: other\n");
        assertEquals("AMD EPYC 9R14 96-Core Processor", MachineFacts.model(cpuinfo));
    }

    @Test
    void withoutCpuinfoTheModelFallsBackToWhatJavaKnows() {
        assertFalse(MachineFacts.model(folder.resolve("missing")).isBlank());
    }

    @Test
    void theCpuHasAModelAndTheCoresThisJvmMayUse() {
        assertEquals(Runtime.getRuntime().availableProcessors(), MachineFacts.cpu().get("cores").getAsInt());
        assertTrue(!MachineFacts.host().isBlank());
    }
}
