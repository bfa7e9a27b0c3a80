package org.workbench.engine.catalog;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * What Declarative Services knows about a provider's component without activating it: its
 * implementation class (looked up as a resource of its bundle, so no plugin code runs and no lazy
 * bundle starts) and the failure it recorded when an activation failed.
 */
final class ComponentClasses {
    private static final String COMPONENT_NAME = "component.name";

    private ComponentClasses() {
    }

    /**
     * Why the component behind {@code ref} cannot be activated, as far as is known without
     * activating it, or {@code null}.
     */
    static String missing(BundleContext context, ServiceReference<?> ref) {
        Object name = ref.getProperty(COMPONENT_NAME);
        Bundle bundle = ref.getBundle();
        if (!(name instanceof String) || bundle == null) {
            return null;
        }
        ServiceReference<ServiceComponentRuntime> scrRef;
        try {
            scrRef = context.getServiceReference(ServiceComponentRuntime.class);
        } catch (IllegalStateException | NoClassDefFoundError e) {
            return null;
        }
        if (scrRef == null) {
            return null;
        }
        ServiceComponentRuntime scr = context.getService(scrRef);
        try {
            ComponentDescriptionDTO d = scr == null ? null : scr.getComponentDescriptionDTO(bundle, (String) name);
            if (d == null) {
                return null;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return "its component failed to activate: " + firstLine(c.failure);
                }
            }
            String resource = d.implementationClass.replace('.', '/') + ".class";
            if (bundle.getResource(resource) == null) {
                return "its component class " + d.implementationClass + " is not in the bundle, so it failed to activate"
                        + " when asked for; rebuild the plugin";
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        } finally {
            context.ungetService(scrRef);
        }
    }

    private static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "(no reason recorded)";
        }
        int end = failure.indexOf('\n');
        return (end < 0 ? failure : failure.substring(0, end)).trim();
    }
}
