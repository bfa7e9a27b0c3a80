package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DroppedWarningsTest {
    @Test
    void theSecurityManagerWarningsAreLeftOutAndEveryOtherLinePassedOnWhole() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = DroppedWarnings.around(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        err.printf("""
                WARNING: A terminally deprecated method in java.lang.System has been called
                WARNING: System::setSecurityManager has been called by org.workbench.runtime.ExitGuard (file:/x/workbench.jar)
                WARNING: Please consider reporting this to the maintainers of org.workbench.runtime.ExitGuard
                WARNING: System::setSecurityManager will be removed in a future release
                WARNING: Using incubator modules: jdk.incubator.vector
                error: something else%n""");
        err.print("a partial line");
        err.close();
        assertEquals("WARNING: Using incubator modules: jdk.incubator.vector\nerror: something else\na partial line",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
