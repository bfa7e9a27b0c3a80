package org.workbench.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.osgi.resource.Resource;
import org.workbench.api.Workbench;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The frame that {@code install} and {@code update} share: read the repositories, let the command
 * choose the bundles it asks for (each with the reason it is asked for), plan them with the
 * framework's resolver, print the plan and, unless {@code --dry-run}, download, check and write it.
 */
abstract class PlannedInstallCommand implements Callable<Integer> {
    final Session session;
    @Option(names = "--dry-run", description = "print the plan only; write nothing")
    boolean dryRun;
    @Mixin
    RepoOptions repoOptions = new RepoOptions();

    PlannedInstallCommand(Session session) {
        this.session = session;
    }

    /**
     * The bundles this command asks for, each with why (in the order given), chosen from the
     * repositories; empty when there is nothing to do.
     */
    abstract Map<Resource, String> request(Catalog catalog) throws Exception;

    /** Checked before the repositories are read. */
    void check() throws InvalidRequest {
    }

    @Override
    public final Integer call() throws Exception {
        check();
        SigningPolicy signing = session.settings().signing();
        Catalog catalog = session.catalog(repoOptions.repos);
        Map<Resource, String> requested = new LinkedHashMap<>(request(catalog));
        if (requested.isEmpty()) {
            return Workbench.OK;
        }
        InstallPlan plan = new InstallPlanner(session.context, catalog)
                .plan(List.copyOf(requested.keySet()), requested);
        if (plan.isEmpty()) {
            session.out.println("already installed: "
                    + String.join(", ", requested.keySet().stream().map(Identity::text).toList()));
            return Workbench.OK;
        }
        session.out.println((dryRun ? "would install" : "installing") + " " + plan.steps().size() + " bundle"
                + (plan.steps().size() == 1 ? "" : "s") + " into " + session.plugins() + ":");
        plan.steps().forEach(s -> session.out.println(s.line()));
        if (dryRun) {
            return Workbench.OK;
        }
        PluginWriter writer = new PluginWriter(session.plugins(), signing);
        for (PluginWriter.Written w : writer.write(plan.resources())) {
            session.out.println("wrote " + w.jar() + " (SHA-256 checked; " + w.signature() + ")");
        }
        return Workbench.OK;
    }
}
