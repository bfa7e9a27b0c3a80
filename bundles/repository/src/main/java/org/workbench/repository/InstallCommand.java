package org.workbench.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.osgi.resource.Resource;
import org.workbench.api.Workbench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code install KIND/NAME[@RANGE]|SYMBOLICNAME[@RANGE]...}: resolves the request with the
 * framework's resolver against the running framework and the repositories, prints the bundles it
 * needs with the reason for each, then downloads, checks and writes them into the plugins folder.
 */
@Command(name = "install", mixinStandardHelpOptions = true, description = "install plugins from the repositories with everything they need")
final class InstallCommand implements Callable<Integer> {
    private final Session session;
    @Parameters(paramLabel = "KIND/NAME[@RANGE]", arity = "1..*", description = "a provider (prior/student-t@[1.0,2.0)) or a bundle's symbolic name")
    List<String> specs;
    @Option(names = "--dry-run", description = "print the plan only; write nothing")
    boolean dryRun;
    @Mixin
    RepoOptions repoOptions = new RepoOptions();

    InstallCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        Catalog catalog = session.catalog(repoOptions.repos);
        List<Resource> requested = new ArrayList<>();
        Map<Resource, String> why = new HashMap<>();
        for (String spec : specs) {
            Resource r = Requests.choose(catalog, spec);
            requested.add(r);
            why.put(r, "requested (" + spec + ")");
        }
        return apply(session, catalog, requested, why, dryRun);
    }

    /** Plans, prints and (unless {@code dryRun}) writes an install; shared with {@code update}. */
    static int apply(Session session, Catalog catalog, List<Resource> requested, Map<Resource, String> why,
            boolean dryRun) throws Exception {
        InstallPlan plan = new InstallPlanner(session.context, catalog).plan(requested, why);
        if (plan.isEmpty()) {
            session.out.println("already installed: " + String.join(", ", requested.stream().map(Identity::text).toList()));
            return Workbench.OK;
        }
        session.out.println((dryRun ? "would install" : "installing") + " " + plan.steps().size() + " bundle"
                + (plan.steps().size() == 1 ? "" : "s") + " into " + session.plugins() + ":");
        plan.steps().forEach(s -> session.out.println(s.line()));
        if (dryRun) {
            return Workbench.OK;
        }
        boolean requireSigned = session.settings().requireSigned();
        for (PluginWriter.Written w : new PluginWriter(session.plugins(), requireSigned).write(plan.resources())) {
            session.out.println("wrote " + w.jar() + " (SHA-256 checked; " + (w.signer() == null ? "unsigned"
                    : "signed by " + w.signer()) + ")");
        }
        return Workbench.OK;
    }
}
