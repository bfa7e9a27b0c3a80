package org.workbench.engine.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Says why a bundle does not resolve in terms a plugin author acts on: each package it imports
 * that no resolved bundle exports in the range it asks for, with the versions that are installed,
 * e.g. "needs org.workbench.api [1.3,2), installed 1.2.0" for a plugin built against a newer API.
 */
final class MissingImports {
    private static final Pattern PACKAGE = Pattern.compile("\\(" + PackageNamespace.PACKAGE_NAMESPACE + "=([^)]+)\\)");
    private static final Pattern AT_LEAST = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern BELOW = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private final BundleContext context;

    MissingImports(BundleContext context) {
        this.context = context;
    }

    /** One line per missing import: "needs org.workbench.api [1.3,2), installed 1.2.0"; empty when none is missing. */
    List<String> describe(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of();
        }
        List<BundleCapability> exported = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring != null) {
                exported.addAll(wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE));
            }
        }
        List<String> missing = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (PackageNamespace.RESOLUTION_OPTIONAL.equals(
                    requirement.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE))
                    || exported.stream().anyMatch(requirement::matches)) {
                continue;
            }
            String filter = requirement.getDirectives().getOrDefault(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE, "");
            Matcher name = PACKAGE.matcher(filter);
            String packageName = name.find() ? name.group(1) : filter;
            List<String> installed = exported.stream()
                    .filter(c -> packageName.equals(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
                    .map(c -> String.valueOf(c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)))
                    .distinct().sorted().toList();
            missing.add("needs " + packageName + range(filter) + ", installed "
                    + (installed.isEmpty() ? "none" : String.join(", ", installed)));
        }
        return missing;
    }

    /** " [1.3,2)" from a package filter's version bounds ("" without any). */
    private static String range(String filter) {
        Matcher low = AT_LEAST.matcher(filter);
        Matcher high = BELOW.matcher(filter);
        String from = null;
        while (low.find()) {
            if (low.start() == 0 || filter.charAt(low.start() - 1) != '!') {
                from = low.group(1);
            }
        }
        String to = high.find() ? high.group(1) : null;
        if (from == null && to == null) {
            return "";
        }
        return " [" + (from == null ? "0" : trim(from)) + "," + (to == null ? "\u221e" : trim(to)) + ")";
    }

    /** "2.0.0" reads "2", "1.3.0" reads "1.3". */
    private static String trim(String version) {
        return version.replaceAll("(\\.0)+$", "");
    }
}
