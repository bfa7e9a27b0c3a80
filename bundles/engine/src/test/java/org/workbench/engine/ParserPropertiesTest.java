package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.workbench.engine.cli.CommandContext;
import org.workbench.engine.cli.Commands;
import org.workbench.engine.cli.Versions;
import org.workbench.engine.run.ActiveRuns;
import org.workbench.engine.output.XChartRenderer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the descriptor's bytes and the {@code --set} overrides, {@code validate} answers with
 * exit 0, 1 or 2 and one-line messages: never a stack trace, never an exception out of the engine.
 */
class ParserPropertiesTest {
    private static final String VALID = "{\"format\":1,\"name\":\"x\",\"seed\":5,\"task\":{\"use\":\"sum\"},"
            + "\"components\":{\"data\":{\"use\":\"values\",\"with\":{\"values\":[1,2,3],\"noise\":0.5}}},"
            + "\"sweep\":{\"data.n\":[1,2]}}";

    private static String validate(byte[] descriptor, List<String> overrides) throws IOException {
        Path folder = Files.createTempDirectory("properties");
        try {
            Path file = Files.write(folder.resolve("d.json"), descriptor);
            List<String> args = new ArrayList<>(List.of("validate", file.toString()));
            for (String o : overrides) {
                args.add("--set");
                args.add(o);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = new Commands(new CommandContext(new FakeProviders(), new XChartRenderer(), Map.of(),
                    new Versions("1.0.0", "1.2.0", "test"), false, List::of, new ActiveRuns(), org.workbench.engine.catalog.BundleJars.NONE,
                    System.out, System.err), null)
                    .execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8));
            String printed = err.toString(StandardCharsets.UTF_8);
            assertTrue(status == 0 || status == 1 || status == 2, "exit " + status + ": " + printed);
            assertTrue(!printed.contains("\tat ") && !printed.contains("Exception:") && !printed.contains("    at "),
                    "a stack trace or a raw exception: " + printed);
            assertTrue(!printed.contains("\u001b"), "an escape sequence reached the terminal: " + printed);
            return printed;
        } finally {
            try (var s = Files.walk(folder)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Property(tries = 300)
    void arbitraryBytesNeverCrashTheParser(@ForAll("bytes") byte[] descriptor) throws IOException {
        validate(descriptor, List.of());
    }

    @Property(tries = 300)
    void mutatedDescriptorsNeverCrashTheParser(@ForAll("mutations") String descriptor) throws IOException {
        validate(descriptor.getBytes(StandardCharsets.UTF_8), List.of());
    }

    @Property(tries = 400)
    void arbitraryOverridesNeverCrashTheParser(@ForAll("overrides") List<String> overrides) throws IOException {
        validate(VALID.getBytes(StandardCharsets.UTF_8), overrides);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    }

    /** The valid descriptor with a stretch replaced by JSON-ish noise (brackets, quotes, numbers, escapes). */
    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<String> noise = Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}[]\",:.-+eE0123456789 \\/'\u001b\u0000nultrfa").ofMaxLength(12),
                Arbitraries.of("1e999", "-0", "1e-320", "1.7e308", "9223372036854775808", "null", "true", "[]", "{}",
                        "\"\"", "[[[[[[[[", "\"\\ud800\"", "NaN", "//", "/*", "'x'", "\"data.n\"", "\"sweep\""));
        return Combinators.combine(Arbitraries.integers().between(0, VALID.length()),
                Arbitraries.integers().between(0, 20), noise).as((at, cut, text) ->
                        VALID.substring(0, at) + text + VALID.substring(Math.min(VALID.length(), at + cut)));
    }

    @Provide
    Arbitrary<List<String>> overrides() {
        Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of("data", "with", "values", "noise", "n", "task",
                "seed", "name", "components", "sweep", "0", "1", "99999999999999999999", "-1", "", " ", "format", "use",
                "version", "plots", "timeout"), Arbitraries.strings().withChars("ab.=0[]\"{}\u001b ").ofMaxLength(5));
        Arbitrary<String> path = segment.list().ofMinSize(0).ofMaxSize(5).map(l -> String.join(".", l));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("1", "1e999", "-1", "[1,2]", "{}", "[]", "null",
                "\"s\"", "true", "{\"a\":1}", "[[1]]", "9223372036854775808", "", "=", "{"),
                Arbitraries.strings().ofMaxLength(8));
        Arbitrary<String> override = Combinators.combine(path, Arbitraries.of("=", "", "=="), value)
                .as((p, eq, v) -> p + eq + v);
        return override.list().ofMaxSize(3);
    }
}
