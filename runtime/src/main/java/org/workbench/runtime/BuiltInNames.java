package org.workbench.runtime;

import java.util.Collection;
import java.util.Set;

import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Keeps every bundle that is not the distribution's own from resolving when it takes the symbolic
 * name of a built-in bundle ({@code org.workbench.prior-gaussian} at 1.9.9 in the plugins folder,
 * an upload, the shell's {@code install}): unresolved, it is never started and registers nothing,
 * so it can never pass for the built-in, whatever its version. The names come from the build's
 * record ({@link BuiltInManifest}); jars fetched from a cluster's coordinator are pinned by their
 * SHA-256 there and left alone. Every requirement of such a bundle (its imports, its execution
 * environment) is left without a match, so it stays INSTALLED; a bundle that requires nothing at all
 * could still resolve, and the engine ignores the providers of any bundle that takes a built-in's
 * name without coming from the distribution. {@code list} says why such a jar stays unresolved.
 */
final class BuiltInNames implements ResolverHookFactory {
    /** Where the cluster executor installs the jars it fetched (checked against the coordinator's pins). */
    static final String FETCHED = "workbench-fetched:";
    private final Set<String> names;
    private final String distribution;

    /**
     * @param names        the built-in symbolic names
     * @param distribution the location prefix of the distribution's bundles ({@code reference:file:/.../dist/})
     */
    BuiltInNames(Set<String> names, String distribution) {
        this.names = names;
        this.distribution = distribution;
    }

    /** Whether {@code location} holding a bundle named {@code symbolicName} is refused. */
    boolean refuses(String symbolicName, String location) {
        return symbolicName != null && names.contains(symbolicName) && location != null
                && !location.startsWith(distribution) && !location.startsWith(FETCHED);
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                // left whole: Felix 7 then loses the system bundle's java.* packages for everything it
                // resolves; a refused bundle is kept from resolving through its requirements instead
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
                // singletons are the framework's business
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                BundleRevision r = requirement.getRevision();
                if (r != null && r.getBundle() != null && refuses(r.getSymbolicName(), r.getBundle().getLocation())) {
                    candidates.removeIf(c -> true);
                }
            }

            @Override
            public void end() {
                // no state
            }
        };
    }
}
