package org.workbench.repository;

import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.resource.Resource;

/**
 * What {@code install} is asked for: {@code KIND/NAME[@RANGE]} (a provider, by the capability every
 * indexed plugin has per provider) or {@code SYMBOLICNAME[@RANGE]} (a bundle); the newest version
 * in the range wins.
 */
final class Requests {
    private Requests() {
    }

    static Resource choose(Catalog catalog, String spec) throws InvalidRequest {
        String what = spec;
        VersionRange range = null;
        int at = spec.indexOf('@');
        if (at >= 0) {
            what = spec.substring(0, at);
            try {
                range = VersionRange.valueOf(spec.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequest("install " + spec + ": '" + spec.substring(at + 1)
                        + "' is not a version range; write e.g. prior/student-t@[1.0,2.0) or @1.2.0 (1.2.0 and later)");
            }
        }
        List<Resource> candidates;
        if (what.contains("/")) {
            String[] kn = what.split("/", 2);
            candidates = catalog.resources().stream().filter(r -> r.getCapabilities(ProviderCapabilities.NAMESPACE)
                    .stream().anyMatch(c -> kn[0].equals(c.getAttributes().get(ProviderCapabilities.KIND))
                            && kn[1].equals(c.getAttributes().get(ProviderCapabilities.NAME)))).toList();
        } else {
            candidates = catalog.bundles(what);
        }
        if (candidates.isEmpty()) {
            throw new InvalidRequest("install " + spec + ": no repository offers " + (what.contains("/") ? "a provider "
                    : "a bundle ") + what + " (repositories: " + String.join(", ", catalog.indexes().stream()
                            .map(i -> i.name() + " " + i.index()).toList()) + "); see ./workbench search " + what);
        }
        VersionRange r = range;
        List<Resource> inRange = candidates.stream().filter(c -> r == null || r.includes(Identity.version(c)))
                .sorted(Comparator.comparing((Resource x) -> Identity.version(x)).reversed()).toList();
        if (inRange.isEmpty()) {
            throw new InvalidRequest("install " + spec + ": no version in " + range + "; available: "
                    + String.join(", ", candidates.stream().map(Identity::version).map(Version::toString).distinct()
                            .toList()));
        }
        return inRange.get(0);
    }
}
