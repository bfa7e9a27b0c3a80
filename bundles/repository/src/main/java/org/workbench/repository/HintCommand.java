package org.workbench.repository;

import java.util.List;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hint KIND/NAME[@RANGE]...} (for the engine, hidden): for each provider a descriptor names
 * that is not installed, the exact {@code install} command when a configured repository offers it.
 * Prints nothing for one that no repository offers, and never fails the command it serves.
 */
@Command(name = "hint", hidden = true)
final class HintCommand implements Callable<Integer> {
    private final Session session;
    @Parameters(paramLabel = "KIND/NAME[@RANGE]", arity = "1..*")
    List<String> specs;

    HintCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Catalog catalog;
        try {
            catalog = session.catalog(List.of());
        } catch (Exception e) {
            return Workbench.OK;
        }
        for (String spec : specs) {
            try {
                Requests.choose(catalog, spec);
                String name = spec.contains("@") ? spec.substring(0, spec.indexOf('@')) : spec;
                String from = catalog.indexes().size() == 1 ? "repository " + catalog.indexes().get(0).name()
                        : "a configured repository";
                session.err.println("hint: " + name + " is not installed but " + from + " offers it: ./workbench install "
                        + (spec.contains("@") ? "'" + spec + "'" : spec) + " (or run with --install-missing)");
            } catch (InvalidRequest notOffered) {
                // nothing to suggest
            }
        }
        return Workbench.OK;
    }
}
