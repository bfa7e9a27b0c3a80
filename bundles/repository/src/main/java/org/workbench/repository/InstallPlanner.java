package org.workbench.repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.Resolver;

/**
 * Plans an install with the framework's own resolver ({@link Resolver}, registered by Felix): the
 * requested resources resolved against the running framework and every repository. The plan is
 * every resource of the resolution that is not installed yet, with the requirement it satisfies.
 * When nothing can satisfy a requirement, the chain from the request to it is the message.
 */
final class InstallPlanner {
    private final BundleContext context;
    private final Catalog catalog;

    InstallPlanner(BundleContext context, Catalog catalog) {
        this.context = context;
        this.catalog = catalog;
    }

    InstallPlan plan(List<Resource> requested, Map<Resource, String> why) throws InvalidRequest {
        FrameworkAndRepositories resolveContext = new FrameworkAndRepositories(context, catalog, requested);
        ServiceReference<Resolver> ref = context.getServiceReference(Resolver.class);
        if (ref == null) {
            throw new IllegalStateException("the framework registers no org.osgi.service.resolver.Resolver");
        }
        Resolver resolver = context.getService(ref);
        Map<Resource, List<Wire>> result;
        try {
            result = resolver.resolve(resolveContext);
        } catch (ResolutionException e) {
            throw new InvalidRequest(explain(resolveContext, requested, e));
        } finally {
            context.ungetService(ref);
        }
        Map<Resource, String> reasons = new LinkedHashMap<>();
        for (Resource r : requested) {
            reasons.put(r, why.getOrDefault(r, "requested"));
        }
        for (Map.Entry<Resource, List<Wire>> e : result.entrySet()) {
            for (Wire w : e.getValue()) {
                Resource provider = w.getProvider();
                if (!(provider instanceof BundleRevision) && !reasons.containsKey(provider)) {
                    reasons.put(provider, "needed by " + Identity.text(w.getRequirer()) + " for "
                            + RequirementText.of(w.getRequirement()));
                }
            }
        }
        for (Resource r : result.keySet()) {
            if (!(r instanceof BundleRevision) && !reasons.containsKey(r)) {
                reasons.put(r, "resolved with the others");
            }
        }
        List<InstallPlan.Step> steps = new ArrayList<>();
        reasons.forEach((r, reason) -> {
            if (!resolveContext.alreadyInstalled(r)) {
                steps.add(new InstallPlan.Step(r, reason, catalog.origin(r)));
            }
        });
        return new InstallPlan(steps);
    }

    /** The chain from a requested resource to a requirement nothing offers, or the resolver's own words. */
    private static String explain(FrameworkAndRepositories c, List<Resource> requested, ResolutionException e) {
        for (Resource r : requested) {
            List<String> chain = missing(c, r, new HashSet<>());
            if (chain != null) {
                return "cannot install " + Identity.text(r) + ": " + String.join("; ", chain);
            }
        }
        return "cannot install " + String.join(", ", requested.stream().map(Identity::text).toList()) + ": "
                + e.getMessage();
    }

    private static List<String> missing(FrameworkAndRepositories c, Resource r, Set<Resource> seen) {
        if (!seen.add(r)) {
            return null;
        }
        for (Requirement req : r.getRequirements(null)) {
            if (!c.isEffective(req) || FrameworkAndRepositories.optional(req)) {
                continue;
            }
            List<Capability> providers = c.findProviders(req);
            String step = Identity.text(r) + " needs " + RequirementText.of(req);
            if (providers.isEmpty()) {
                return new ArrayList<>(List.of(step + ": no repository offers it and nothing installed provides it"));
            }
            if (providers.stream().allMatch(p -> p.getResource() instanceof BundleRevision)) {
                continue;
            }
            Resource next = providers.get(0).getResource();
            if (next instanceof BundleRevision) {
                continue;
            }
            List<String> deeper = missing(c, next, seen);
            if (deeper != null) {
                deeper.add(0, step + " (offered by " + Identity.text(next) + ")");
                return deeper;
            }
        }
        return null;
    }
}
