package org.workbench.repository;

import org.osgi.framework.Version;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

/** A resource's symbolic name and version, from its {@code osgi.identity} capability. */
final class Identity {
    private Identity() {
    }

    static String name(Resource r) {
        if (r instanceof BundleRevision b) {
            return b.getSymbolicName();
        }
        return r.getCapabilities(IdentityNamespace.IDENTITY_NAMESPACE).stream().findFirst()
                .map(c -> String.valueOf(c.getAttributes().get(IdentityNamespace.IDENTITY_NAMESPACE))).orElse("?");
    }

    static Version version(Resource r) {
        if (r instanceof BundleRevision b) {
            return b.getVersion();
        }
        return r.getCapabilities(IdentityNamespace.IDENTITY_NAMESPACE).stream().findFirst()
                .map(Identity::version).orElse(Version.emptyVersion);
    }

    static Version version(Capability c) {
        Object v = c.getAttributes().get("version");
        return v == null ? Version.emptyVersion : Version.parseVersion(v.toString());
    }

    static String text(Resource r) {
        return name(r) + " " + version(r);
    }
}
