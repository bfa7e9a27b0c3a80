package org.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Role;
import org.workbench.api.TaskProvider;
import org.workbench.api.Workbench;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.ParameterBinder;
import org.workbench.engine.input.Suggestions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code describe KIND/NAME}: a provider's parameters (type, default, range, description) for every
 * version, and for a task its roles and the result keys documented in the experiments' README.
 */
@Command(name = "describe", header = "A provider's parameters and a task's roles.",
        description = "A provider's parameters (type, range, default, description) and a task's "
        + "roles, for every installed version.")
final class DescribeCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "KIND/NAME", completionCandidates = ProviderCandidates.class,
            description = "The provider, e.g. prior/gaussian or task/train-classifier (./workbench list shows them).")
    String kindAndName;

    @Option(names = "--experiments", paramLabel = "DIR", description = "The folder whose README.md documents each "
            + "task's result keys (default: ${DEFAULT-VALUE}).")
    Path experiments = Path.of("experiments");

    @Option(names = "--json", description = "One JSON document (docs/run-store.md gives its shape).")
    boolean json;

    DescribeCommand(CommandContext context) {
        this.context = context;
    }

    /** Which of a role's default providers a run would take now, or a note that none is available. */
    private String availableDefault(Role<?> role) {
        List<ProviderEntry> all = context.providers().entries();
        for (String use : role.defaultUses()) {
            if (all.stream().anyMatch(e -> e.kind().equals(role.kind()) && e.name().equals(use) && e.available())) {
                return use;
            }
        }
        return "none is available";
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        Path resultKeys = experiments.resolve("README.md");
        PrintStream out = context.out();
        if (!kindAndName.contains("/")) {
            throw new InvalidInputException(null, null, "describe needs KIND/NAME, e.g. describe prior/gaussian; got '"
                    + kindAndName + "'");
        }
        String[] parts = kindAndName.split("/", 2);
        if (parts[0].equals(Kinds.EXECUTOR)) {
            context.wholeCatalogue();
        }
        List<ProviderEntry> all = context.providers().entries();
        List<ProviderEntry> matching = all.stream().filter(e -> e.kind().equals(parts[0]) && e.name().equals(parts[1]))
                .sorted(Comparator.comparing(ProviderEntry::version).reversed()).toList();
        if (matching.isEmpty()) {
            List<String> known = all.stream().map(e -> e.kind() + "/" + e.name()).distinct().sorted().toList();
            throw new InvalidInputException(null, null, "no provider " + kindAndName
                    + org.workbench.engine.catalog.ProviderResolver.inactive(context.providers(), parts[0], parts[1])
                    + Suggestions.didYouMean(kindAndName, known) + "; see ./workbench list");
        }
        if (json) {
            out.println(JsonShapes.print(JsonShapes.describe(matching, context.providers()::failure)));
            return Workbench.OK;
        }
        for (ProviderEntry e : matching) {
            out.println(e.kind() + "/" + e.name() + " " + e.version() + "  (bundle " + e.bundle() + ")");
            if (!e.available()) {
                String why = context.providers().failure(e);
                out.println("  registered, but its component failed to activate" + (why == null ? " (the log says why)"
                        : ": " + why.replaceFirst("^its component failed to activate:? ?", "")));
                out.println();
                continue;
            }
            if (!e.summary().isEmpty()) {
                out.println("  " + e.summary());
            }
            if (e.provider() instanceof TaskProvider task) {
                out.println("  roles:");
                for (Role<?> r : task.roles()) {
                    out.printf("    %-12s %s%s%n", r.name(), r.kind() + (r.typed() ? " " + r.type().getSimpleName() : ""), switch (r.cardinality()) {
                        case ONE -> "";
                        case OPTIONAL -> r.defaultUse() == null ? " (optional)"
                                : r.defaultUses().size() == 1 ? " (optional, default " + r.defaultUse() + ")"
                                        : " (optional, default: the first available of " + String.join(", ", r.defaultUses())
                                                + "; here " + availableDefault(r) + ")";
                        case LIST -> " (array)";
                    });
                }
            }
            if (e.provider() instanceof TaskProvider task) {
                List<String> declared = task.resultKeys();
                List<String[]> keys = ResultKeysDoc.of(resultKeys, e.name());
                if (!declared.isEmpty()) {
                    out.println("  result keys (declared by the task, checked against plots; [] marks a list of objects,"
                            + " * any key below):");
                    for (String line : TextWrap.wrap(String.join(", ", declared), ListCommand.WIDTH - 4)) {
                        out.println("    " + line);
                    }
                }
                java.util.Map<String, String> described = task.resultKeyDescriptions();
                if (keys.isEmpty() && !described.isEmpty()) {
                    out.println(declared.isEmpty() ? "  result keys (described by the task):"
                            : "  their meanings (described by the task):");
                    List<String> order = new java.util.ArrayList<>(declared);
                    described.keySet().stream().filter(k -> !order.contains(k)).sorted().forEach(order::add);
                    for (String k : order) {
                        String meaning = described.get(k);
                        out.printf("    %s%n      %s%n", k, meaning == null ? "(not described)" : meaning);
                    }
                } else if (keys.isEmpty()) {
                    out.println(declared.isEmpty() ? "  result keys: not declared by the task, not documented in "
                            + resultKeys : "  their meanings: not documented in " + resultKeys);
                } else {
                    out.println(declared.isEmpty() ? "  result keys (" + resultKeys + "):"
                            : "  their meanings (" + resultKeys + "):");
                    for (String[] k : keys) {
                        out.printf("    %s%n      %s%n", k[0], k[1]);
                    }
                }
                List<String> layout = LayoutLines.of(task.layout());
                if (!layout.isEmpty()) {
                    out.println("  shown as (its layout in result.json, docs/results.md):");
                    layout.forEach(l -> TextWrap.wrap(l, ListCommand.WIDTH - 4).forEach(w -> out.println("    " + w)));
                }
            }
            List<Parameter> parameters;
            try {
                parameters = org.workbench.engine.catalog.DeclaredParameters.of(e, null);
            } catch (org.workbench.engine.input.PluginFault fault) {
                context.err().println("error: " + fault.report());
                return Workbench.FAILED;
            }
            out.println(parameters.isEmpty() ? "  no parameters" : "  parameters:");
            for (Parameter p : parameters) {
                String def = p.defaultValue() == null ? (p.required() ? "required" : "optional")
                        : "default " + org.workbench.engine.output.JsonValues.value(p.defaultValue());
                out.printf("    %-16s %-40s %s%n", p.name(), ParameterBinder.expectation(p), def);
                for (String line : TextWrap.wrap(p.description(), ListCommand.WIDTH - 21)) {
                    out.printf("    %-16s %s%n", "", line);
                }
            }
            out.println();
        }
        return Workbench.OK;
    }
}
