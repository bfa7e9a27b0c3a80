package org.workbench.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The options an isolated run's child JVM gets: the parent's, less --isolate and --timeout, read back the same. */
class RunOptionsTest {
    @Command(name = "run")
    static final class Holder {
        @Mixin
        RunOptions options = new RunOptions();
    }

    private static RunOptions parse(List<String> args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args.toArray(String[]::new));
        return h.options;
    }

    @Test
    void theChildGetsEveryOptionButIsolateAndTimeout() throws Exception {
        RunOptions parent = parse(List.of("--set", "prior.with.variance=-9", "--sweep", "data.n=1,10", "--max-points", "50",
                "--out", "-odd folder", "--threads", "2", "--quiet", "--isolate", "--timeout", "5", "--resume",
                "--executor", "hazelcast", "--with", "cluster=lab", "--with", "join=127.0.0.1:5701", "--with", "fetch=false"));
        assertTrue(parent.isolate);
        List<String> args = parent.childArguments();
        assertFalse(args.contains("--isolate") || args.stream().anyMatch(a -> a.startsWith("--timeout")), args.toString());
        RunOptions child = parse(args);
        assertFalse(child.isolate);
        assertEquals(null, child.timeout());
        assertEquals(parent.descriptor.overrides(), child.descriptor.overrides());
        assertEquals(50, child.descriptor.maxPoints());
        assertEquals("-odd folder", child.out().toString());
        assertEquals(2, child.threads());
        assertTrue(child.quiet);
        assertEquals(parent.cluster.options(), child.cluster.options());
        assertEquals(Map.of("cluster", "lab", "join", "127.0.0.1:5701", "fetch", "false"), child.cluster.options().with());
    }

    @Test
    void noOptionsGiveNoneButTheResultsFolder() {
        assertEquals(List.of("--out=results"), parse(List.of()).childArguments());
    }
}
