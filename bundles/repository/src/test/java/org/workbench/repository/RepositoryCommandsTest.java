package org.workbench.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.workbench.api.Workbench;

/**
 * The command line is made of the command asked for alone, yet an unknown command is still invalid
 * input naming it, and help lists every command.
 */
class RepositoryCommandsTest {
    private static String[] run(int expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new RepositoryCommands().execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] said = {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        assertEquals(expected, status, said[0] + said[1]);
        return said;
    }

    @Test
    void anUnknownCommandIsInvalidInputNamingIt() {
        String[] said = run(Workbench.INVALID, "serch", "prior");
        assertTrue(said[1].contains("'serch'") && said[1].contains("--help"), said[1]);
    }

    @Test
    void helpListsEveryVisibleCommandAndACommandItsOwnOptions() {
        String help = run(Workbench.OK, "--help")[0];
        for (String command : new String[] {"repo", "search", "install", "update", "uninstall"}) {
            assertTrue(help.contains(command), help);
        }
        assertTrue(!help.contains("fetch-pinned"), help);
        assertTrue(run(Workbench.OK, "install", "--help")[0].contains("--dry-run"));
    }
}
