package org.workbench.engine.catalog;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.workbench.api.Provider;

/**
 * The providers registered in the OSGi service registry, followed by a {@link ServiceTracker} so that
 * bundles installed, updated or removed while the runtime runs are seen by the next lookup, and a
 * service object fetched from an old bundle revision is never used after it is gone.
 */
@SuppressWarnings("rawtypes")
public final class TrackedProviders implements ProviderSource, AutoCloseable {
    private final ServiceTracker<Provider, Provider> tracker;

    public TrackedProviders(BundleContext context) {
        this.tracker = new ServiceTracker<>(context, Provider.class, null);
        this.tracker.open();
    }

    @Override
    public List<ProviderEntry> entries() {
        ServiceReference<Provider>[] refs = tracker.getServiceReferences();
        List<ProviderEntry> out = new ArrayList<>();
        if (refs == null) {
            return out;
        }
        for (ServiceReference<Provider> ref : refs) {
            Object kind = ref.getProperty(Provider.KIND);
            Object name = ref.getProperty(Provider.NAME);
            Provider<?> service = tracker.getService(ref);
            if (!(kind instanceof String) || !(name instanceof String) || service == null) {
                continue;
            }
            Object summary = ref.getProperty(Provider.SUMMARY);
            out.add(new ProviderEntry((String) kind, (String) name, summary instanceof String s ? s : "",
                    ref.getBundle().getVersion(), ref.getBundle().getSymbolicName(), ref.getBundle().getBundleId(),
                    service));
        }
        return out;
    }

    @Override
    public void close() {
        tracker.close();
    }
}
