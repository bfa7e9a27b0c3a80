package org.workbench.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The short options an executor declares become --with KEY=VALUE; the engine knows none of them. */
class ExecutorAliasesTest {
    private static final Map<String, ExecutorAliases.Alias> DECLARED = ExecutorAliases.parse(
            List.of("--join=join", "--cluster=cluster", "--no-fetch=fetch=false"));
    private static final Map<String, Boolean> KNOWN = Map.of("--executor", true, "--with", true, "--out", true,
            "--quiet", false, "--set", true);

    private static String[] rewrite(List<String> asked, String... args) {
        return ExecutorAliases.rewrite(args, KNOWN, name -> {
            asked.add(String.valueOf(name));
            return DECLARED;
        });
    }

    @Test
    void declaredOptionsBecomeWith() {
        List<String> asked = new ArrayList<>();
        assertArrayEquals(new String[] {"x.json", "--executor", "hazelcast", "--with", "cluster=lab", "--with",
            "join=127.0.0.1:5701", "--with", "fetch=false", "--out", "--join"},
                rewrite(asked, "x.json", "--executor", "hazelcast", "--cluster", "lab", "--join=127.0.0.1:5701",
                        "--no-fetch", "--out", "--join"));
        assertEquals(List.of("hazelcast"), asked, "the named executor's options, asked once");
    }

    @Test
    void aCommandLineWithoutUnknownOptionsAsksNoExecutor() {
        List<String> asked = new ArrayList<>();
        String[] args = {"x.json", "--quiet", "--set", "--join=1", "--with", "port=5", "--", "--join"};
        assertArrayEquals(args, rewrite(asked, args));
        assertEquals(List.of(), asked, "nothing to rewrite: no executor's bundles need starting");
    }

    @Test
    void anUndeclaredOptionIsLeftForPicocliToRefuse() {
        assertArrayEquals(new String[] {"--nonsense", "1"}, rewrite(new ArrayList<>(), "--nonsense", "1"));
    }

    @Test
    void aBadDeclarationIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExecutorAliases.parse(List.of("join")));
        assertEquals("option declaration 'join' is not --OPTION=PARAMETER or --OPTION=PARAMETER=VALUE", e.getMessage());
    }
}
