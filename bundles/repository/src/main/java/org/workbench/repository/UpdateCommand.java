package org.workbench.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.resource.Resource;
import org.workbench.api.Workbench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code update [NAME]}: installs the newest version the repositories offer of every plugin (or of
 * the one named) beside the installed one, which stays until it is uninstalled, so a descriptor
 * that pins the old range still gets it.
 */
@Command(name = "update", mixinStandardHelpOptions = true, description = "install the newest version of the installed plugins (or of NAME) beside the old")
final class UpdateCommand implements Callable<Integer> {
    private final Session session;
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "a plugin's symbolic name or KIND/NAME")
    String name;
    @Option(names = "--dry-run", description = "print the plan only; write nothing")
    boolean dryRun;
    @Mixin
    RepoOptions repoOptions = new RepoOptions();

    UpdateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        InstalledPlugins installed = session.installed();
        List<Bundle> plugins = name == null ? installed.plugins() : installed.named(name);
        if (name != null && plugins.isEmpty()) {
            throw new InvalidRequest("update " + name + ": no installed plugin is named " + name
                    + " (./workbench list shows the plugins folder)");
        }
        Catalog catalog = session.catalog(repoOptions.repos);
        Map<String, Version> newestInstalled = new TreeMap<>();
        for (Bundle b : plugins) {
            newestInstalled.merge(b.getSymbolicName(), b.getVersion(), (a, c) -> a.compareTo(c) >= 0 ? a : c);
        }
        List<Resource> requested = new ArrayList<>();
        Map<Resource, String> why = new HashMap<>();
        newestInstalled.forEach((bsn, have) -> {
            List<Resource> offered = catalog.bundles(bsn);
            if (!offered.isEmpty() && Identity.version(offered.get(0)).compareTo(have) > 0) {
                requested.add(offered.get(0));
                why.put(offered.get(0), "update of " + bsn + " " + have);
            } else {
                session.out.println(bsn + " " + have + " is the newest");
            }
        });
        if (requested.isEmpty()) {
            return Workbench.OK;
        }
        return InstallCommand.apply(session, catalog, requested, why, dryRun);
    }
}
