package org.workbench.engine.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.workbench.api.Kinds;
import org.workbench.api.Workbench;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.Suggestions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code list [KIND]}: every provider (or those of one kind) with its kind, name, version, bundle
 * and summary, in at most {@value #WIDTH} columns: built-in bundles are named without their
 * {@code org.workbench.} prefix; summaries wrap under their column, or go on indented lines below
 * the row when the names leave too little room, and only a bundle name too long for the line is
 * elided. {@code --wide} prints one whole line per provider instead, for scripts.
 */
@Command(name = "list", header = "Every provider (or those of one KIND) and the plugins folder.",
        description = "Every provider: kind, name, version, bundle [id] and summary; then the "
        + "plugins folder's jars and any provider problems.")
final class ListCommand implements Callable<Integer> {
    static final int WIDTH = 100;
    private static final String BUILT_IN = "org.workbench.";
    private static final int SUMMARY_MIN = 50;
    private final CommandContext context;

    @Parameters(paramLabel = "KIND", arity = "0..1", completionCandidates = KindCandidates.class,
            description = "Only providers of this kind: ${COMPLETION-CANDIDATES}.")
    String kind;

    @Option(names = { "-w", "--wide" }, description = "One unwrapped line per provider and per plugin problem, "
            + "with whole bundle names (for scripts).")
    boolean wide;

    @Option(names = "--json", description = "One JSON document (docs/run-store.md gives its shape).")
    boolean json;

    ListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InvalidInputException {
        if (kind != null && !Kinds.ALL.contains(kind)) {
            throw new InvalidInputException(null, null, "no kind '" + kind + "'" + Suggestions.didYouMean(kind, Kinds.ALL)
                    + "; kinds: " + String.join(", ", Kinds.ALL));
        }
        if (kind == null || kind.equals(Kinds.EXECUTOR)) {
            context.wholeCatalogue();
        }
        List<ProviderEntry> entries = context.providers().entries().stream()
                .filter(e -> kind == null || e.kind().equals(kind))
                .sorted(Comparator.comparing((ProviderEntry e) -> kindOrder(e.kind())).thenComparing(ProviderEntry::name)
                        .thenComparing(ProviderEntry::version, Comparator.reverseOrder()))
                .toList();
        PrintStream out = context.out();
        if (json) {
            List<String> lines = kind == null ? context.plugins().get()
                    : context.providers().inactive().stream().filter(p -> p.ofKind(kind)).map(p -> p.line()).toList();
            out.println(JsonShapes.print(JsonShapes.list(entries, lines)));
            return Workbench.OK;
        }
        if (wide) {
            printWide(entries, out);
        } else {
            printTable(entries, out);
        }
        List<String> pluginLines = kind == null ? context.plugins().get()
                : context.providers().inactive().stream().filter(p -> p.ofKind(kind)).map(p -> p.line()).toList();
        if (!pluginLines.isEmpty()) {
            out.println();
            out.println(kind == null ? "plugins folder and provider problems:" : "in plugins/ but not active:");
            for (String line : pluginLines) {
                List<String> wrapped = wide ? List.of(line) : TextWrap.wrap(line, WIDTH - 4);
                out.println("  " + wrapped.get(0));
                wrapped.subList(1, wrapped.size()).forEach(l -> out.println("    " + l));
            }
        }
        return Workbench.OK;
    }

    private static void printWide(List<ProviderEntry> entries, PrintStream out) {
        for (ProviderEntry e : entries) {
            out.println(String.join("  ", e.kind(), e.name(), e.version().toString(), bundle(e, false), e.summary()));
        }
    }

    private static void printTable(List<ProviderEntry> entries, PrintStream out) {
        int kindWidth = width(entries.stream().map(ProviderEntry::kind).toList(), "KIND");
        int nameWidth = width(entries.stream().map(ProviderEntry::name).toList(), "NAME");
        int versionWidth = width(entries.stream().map(e -> e.version().toString()).toList(), "VERSION");
        int bundleWidth = width(entries.stream().map(e -> bundle(e, true)).toList(), "BUNDLE");
        int before = kindWidth + nameWidth + versionWidth + 3;
        boolean summaryBelow = before + bundleWidth + 1 + SUMMARY_MIN > WIDTH;
        bundleWidth = Math.min(bundleWidth, summaryBelow ? WIDTH - before - 1 : bundleWidth);
        String format = "%-" + kindWidth + "s %-" + nameWidth + "s %-" + versionWidth + "s %-" + bundleWidth + "s ";
        int indent = before + bundleWidth + 1;
        int summaryWidth = summaryBelow ? WIDTH - 4 : WIDTH - indent;
        String continuation = " ".repeat(summaryBelow ? 4 : indent);
        out.println((String.format(format, "KIND", "NAME", "VERSION", "BUNDLE") + (summaryBelow ? "" : "SUMMARY")).stripTrailing());
        for (ProviderEntry e : entries) {
            String row = String.format(format, e.kind(), e.name(), e.version(),
                    TextWrap.elide(bundle(e, true), bundleWidth));
            List<String> summary = e.summary().isBlank() ? List.of("") : TextWrap.wrap(e.summary(), summaryWidth);
            if (summaryBelow) {
                out.println(row.stripTrailing());
                summary.stream().filter(l -> !l.isEmpty()).forEach(l -> out.println(continuation + l));
            } else {
                out.println((row + summary.get(0)).stripTrailing());
                summary.subList(1, summary.size()).forEach(l -> out.println(continuation + l));
            }
        }
        if (entries.stream().anyMatch(e -> e.bundle().startsWith(BUILT_IN))) {
            out.println("(BUNDLE: built-in bundles are org.workbench.NAME; list --wide prints whole names)");
        }
    }

    private static String bundle(ProviderEntry e, boolean shorten) {
        String name = shorten && e.bundle().startsWith(BUILT_IN) ? e.bundle().substring(BUILT_IN.length()) : e.bundle();
        return name + " [" + e.bundleId() + "]";
    }

    private static int width(List<String> values, String header) {
        return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
    }

    private static int kindOrder(String kind) {
        int i = Kinds.ALL.indexOf(kind);
        return i < 0 ? Kinds.ALL.size() : i;
    }
}
