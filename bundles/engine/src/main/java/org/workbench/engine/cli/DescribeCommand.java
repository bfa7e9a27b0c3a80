package org.workbench.engine.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

import org.workbench.api.Parameter;
import org.workbench.api.Role;
import org.workbench.api.TaskProvider;
import org.workbench.api.Workbench;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.ParameterBinder;
import org.workbench.engine.input.Suggestions;

/**
 * {@code describe KIND/NAME}: a provider's parameters (type, default, range, description) for every
 * version, and for a task its roles and the result keys documented in the experiments' README.
 */
final class DescribeCommand {
    private final ProviderSource providers;
    private final java.nio.file.Path resultKeys;

    /** @param resultKeys the README that documents each task's result keys ({@code experiments/README.md}), or null */
    DescribeCommand(ProviderSource providers, java.nio.file.Path resultKeys) {
        this.providers = providers;
        this.resultKeys = resultKeys;
    }

    int describe(List<String> arguments, PrintStream out) throws InvalidInputException, java.io.IOException {
        if (arguments.size() != 1 || !arguments.get(0).contains("/")) {
            throw new InvalidInputException(null, null, "describe needs one KIND/NAME, e.g. describe prior/gaussian");
        }
        String[] parts = arguments.get(0).split("/", 2);
        List<ProviderEntry> all = providers.entries();
        List<ProviderEntry> matching = all.stream().filter(e -> e.kind().equals(parts[0]) && e.name().equals(parts[1]))
                .sorted(Comparator.comparing(ProviderEntry::version).reversed()).toList();
        if (matching.isEmpty()) {
            List<String> known = all.stream().map(e -> e.kind() + "/" + e.name()).distinct().sorted().toList();
            throw new InvalidInputException(null, null, "no provider " + arguments.get(0)
                    + Suggestions.didYouMean(arguments.get(0), known) + "; see ./workbench list");
        }
        for (ProviderEntry e : matching) {
            out.println(e.kind() + "/" + e.name() + " " + e.version() + "  (bundle " + e.bundle() + ")");
            if (!e.available()) {
                out.println("  registered, but its component failed to activate (the log says why)");
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
                                : " (optional, default " + r.defaultUse() + ")";
                        case LIST -> " (array)";
                    });
                }
            }
            if (e.provider() instanceof TaskProvider) {
                List<String[]> keys = ResultKeysDoc.of(resultKeys, e.name());
                if (keys.isEmpty()) {
                    out.println("  result keys: not documented" + (resultKeys == null ? "" : " in " + resultKeys));
                } else {
                    out.println("  result keys (" + resultKeys + "):");
                    for (String[] k : keys) {
                        out.printf("    %s%n      %s%n", k[0], k[1]);
                    }
                }
            }
            List<Parameter> parameters = e.provider().parameters();
            out.println(parameters.isEmpty() ? "  no parameters" : "  parameters:");
            for (Parameter p : parameters) {
                String def = p.defaultValue() == null ? (p.required() ? "required" : "optional")
                        : "default " + org.workbench.engine.output.JsonValues.value(p.defaultValue());
                out.printf("    %-16s %-40s %s%n", p.name(), ParameterBinder.expectation(p), def);
                out.printf("    %-16s %s%n", "", p.description());
            }
            out.println();
        }
        return Workbench.OK;
    }
}
