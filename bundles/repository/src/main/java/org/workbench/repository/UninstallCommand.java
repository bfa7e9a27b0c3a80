package org.workbench.repository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.framework.Bundle;
import org.workbench.api.Workbench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code uninstall NAME}: removes a plugin's jars (every version) from the plugins folder, unless
 * another installed bundle needs it: then nothing is removed and the dependants are named.
 */
@Command(name = "uninstall", mixinStandardHelpOptions = true, description = "remove a plugin from the plugins folder (refused while another needs it)")
final class UninstallCommand implements Callable<Integer> {
    private final Session session;
    @Parameters(paramLabel = "NAME", description = "a plugin's symbolic name or KIND/NAME")
    String name;

    UninstallCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        List<Bundle> bundles = session.installed().named(name);
        if (bundles.isEmpty()) {
            throw new InvalidRequest("uninstall " + name + ": no plugin in " + session.plugins() + " is named " + name
                    + " (./workbench list shows the plugins folder)");
        }
        List<String> dependants = new ArrayList<>();
        for (Bundle b : bundles) {
            for (String d : InstalledPlugins.dependants(b)) {
                if (bundles.stream().noneMatch(o -> d.startsWith(o.getSymbolicName() + " "))) {
                    dependants.add(d);
                }
            }
        }
        if (!dependants.isEmpty()) {
            throw new InvalidRequest("uninstall " + name + ": refused, needed by " + String.join(", ", dependants)
                    + "; uninstall those first");
        }
        for (Bundle b : bundles) {
            Path jar = InstalledPlugins.jar(b);
            Files.deleteIfExists(jar);
            session.out.println("removed " + jar + " (" + b.getSymbolicName() + " " + b.getVersion() + ")");
        }
        return Workbench.OK;
    }
}
