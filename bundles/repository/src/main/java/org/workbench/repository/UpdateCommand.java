package org.workbench.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.resource.Resource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code update [NAME]}: installs the newest version the repositories offer of every plugin (or of
 * the one named) beside the installed one, which stays until it is uninstalled, so a descriptor
 * that pins the old range still gets it.
 */
@Command(name = "update", mixinStandardHelpOptions = true, description = "install the newest version of the installed plugins (or of NAME) beside the old")
final class UpdateCommand extends PlannedInstallCommand {
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "a plugin's symbolic name or KIND/NAME")
    String name;

    UpdateCommand(Session session) {
        super(session);
    }

    @Override
    void check() throws InvalidRequest {
        if (name != null && session.installed().named(name).isEmpty()) {
            throw new InvalidRequest("update " + name + ": no installed plugin is named " + name
                    + " (./workbench list shows the plugins folder)");
        }
    }

    @Override
    Map<Resource, String> request(Catalog catalog) {
        InstalledPlugins installed = session.installed();
        List<Bundle> plugins = name == null ? installed.plugins() : installed.named(name);
        Map<String, Version> newestInstalled = new TreeMap<>();
        for (Bundle b : plugins) {
            newestInstalled.merge(b.getSymbolicName(), b.getVersion(), (a, c) -> a.compareTo(c) >= 0 ? a : c);
        }
        Map<Resource, String> requested = new LinkedHashMap<>();
        newestInstalled.forEach((bsn, have) -> {
            List<Resource> offered = catalog.bundles(bsn);
            if (!offered.isEmpty() && Identity.version(offered.get(0)).compareTo(have) > 0) {
                requested.put(offered.get(0), "update of " + bsn + " " + have);
            } else {
                session.out.println(bsn + " " + have + " is the newest");
            }
        });
        return requested;
    }
}
