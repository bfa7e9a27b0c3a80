package org.workbench.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.resource.Resource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code install KIND/NAME[@RANGE]|SYMBOLICNAME[@RANGE]...}: resolves the request with the
 * framework's resolver against the running framework and the repositories, prints the bundles it
 * needs with the reason for each, then downloads, checks and writes them into the plugins folder.
 */
@Command(name = "install", mixinStandardHelpOptions = true, description = "install plugins from the repositories with everything they need")
final class InstallCommand extends PlannedInstallCommand {
    @Parameters(paramLabel = "KIND/NAME[@RANGE]", arity = "1..*", description = "a provider (prior/student-t@[1.0,2.0)) or a bundle's symbolic name")
    List<String> specs;

    InstallCommand(Session session) {
        super(session);
    }

    @Override
    Map<Resource, String> request(Catalog catalog) throws InvalidRequest {
        Map<Resource, String> requested = new LinkedHashMap<>();
        for (String spec : specs) {
            requested.put(Requests.choose(catalog, spec), "requested (" + spec + ")");
        }
        return requested;
    }
}
