package org.workbench.runtime;

import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;

/**
 * The JDK's SIMD module ({@code jdk.incubator.vector}) at this start. {@code ./workbench} leaves it out
 * of a light run that names no vector backend (the property {@value #PROPERTY} {@code =skipped}): the
 * JVM then boots with its archived module graph, and the bundles that need the module (the vector
 * backend) stay installed but are neither resolved nor started, without a warning, since nothing in
 * that run uses them. On a JVM that lacks the module without being asked, such a bundle still fails to
 * resolve and says so.
 */
final class VectorModule {
    /** The system property that {@code ./workbench} sets to {@code skipped} for a light run. */
    static final String PROPERTY = "workbench.vectorModule";
    static final String MODULE = "jdk.incubator.vector";
    private static final String FILTER = "(" + PackageNamespace.PACKAGE_NAMESPACE + "=" + MODULE + ")";

    private VectorModule() {
    }

    /** Whether the module is in this JVM's boot layer. */
    static boolean present() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** Whether the module was left out of this start on purpose ({@value #PROPERTY}{@code =skipped}) and is absent. */
    static boolean skipped() {
        return "skipped".equals(System.getProperty(PROPERTY)) && !present();
    }

    /** The bundle cache of a start without the module is another than with it (the system bundle exports differ). */
    static String cacheVariant(String variant) {
        return present() ? variant : variant + "-without-vector";
    }

    /** Whether {@code bundle} imports a package of the module without {@code resolution:=optional}. */
    static boolean needs(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return false;
        }
        List<Requirement> imports = revision.getRequirements(PackageNamespace.PACKAGE_NAMESPACE);
        for (Requirement r : imports) {
            String filter = r.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            boolean optional = Namespace.RESOLUTION_OPTIONAL.equals(
                    r.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
            if (!optional && filter != null && filter.contains(FILTER)) {
                return true;
            }
        }
        return false;
    }
}
