package org.workbench.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolveContext;

/**
 * What the framework's resolver resolves an install against: the bundles resolved in the running
 * framework (with their wirings, so they are kept as they are), then every repository's
 * resources, newest first. The resources to install are the mandatory ones.
 */
final class FrameworkAndRepositories extends ResolveContext {
    private final List<Resource> mandatory;
    private final Catalog catalog;
    private final Map<Resource, Wiring> wirings = new HashMap<>();
    private final List<BundleRevision> installed = new ArrayList<>();

    FrameworkAndRepositories(BundleContext context, Catalog catalog, List<Resource> mandatory) {
        this.catalog = catalog;
        this.mandatory = List.copyOf(mandatory);
        for (Bundle b : context.getBundles()) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (revision != null && wiring != null && wiring.isCurrent()) {
                installed.add(revision);
                wirings.put(revision, wiring);
            }
        }
    }

    @Override
    public Collection<Resource> getMandatoryResources() {
        return mandatory;
    }

    @Override
    public List<Capability> findProviders(Requirement requirement) {
        List<Capability> found = new ArrayList<>(installedProviders(requirement));
        for (Capability c : catalog.providers(requirement)) {
            if (!alreadyInstalled(c.getResource())) {
                found.add(c);
            }
        }
        return found;
    }

    /** The capabilities of resolved bundles that match {@code requirement}. */
    List<Capability> installedProviders(Requirement requirement) {
        Filter filter = filter(requirement);
        List<Capability> found = new ArrayList<>();
        for (BundleRevision r : installed) {
            for (Capability c : r.getCapabilities(requirement.getNamespace())) {
                if (filter == null || filter.matches(c.getAttributes())) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    boolean alreadyInstalled(Resource r) {
        String name = Identity.name(r);
        return installed.stream().anyMatch(b -> b.getSymbolicName() != null && b.getSymbolicName().equals(name)
                && b.getVersion().equals(Identity.version(r)));
    }

    static Filter filter(Requirement requirement) {
        String text = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        try {
            return text == null ? null : FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("requirement " + requirement + " has an invalid filter: " + e.getMessage(), e);
        }
    }

    @Override
    public int insertHostedCapability(List<Capability> capabilities, HostedCapability hosted) {
        capabilities.add(hosted);
        return capabilities.size() - 1;
    }

    @Override
    public boolean isEffective(Requirement requirement) {
        String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
    }

    @Override
    public Map<Resource, Wiring> getWirings() {
        return wirings;
    }

    static boolean optional(Requirement r) {
        return Namespace.RESOLUTION_OPTIONAL.equals(r.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
    }
}
