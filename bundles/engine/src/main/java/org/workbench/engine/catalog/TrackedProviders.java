package org.workbench.engine.catalog;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
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
    private final BundleContext context;
    private final ServiceTracker<Provider, Provider> tracker;

    public TrackedProviders(BundleContext context) {
        this.context = context;
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

    /**
     * Registered providers that cannot be used: their component failed to activate (its class is
     * missing, its constructor or activate method threw) or their service properties are
     * incomplete. One line each, for {@code list}; the framework's log has the cause.
     */
    @Override
    public List<String> failures() {
        ServiceReference<Provider>[] refs;
        try {
            refs = context.getServiceReferences(Provider.class, null).toArray(ServiceReference[]::new);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter is always valid", e);
        }
        List<String> out = new ArrayList<>();
        for (ServiceReference<Provider> ref : refs) {
            Object kind = ref.getProperty(Provider.KIND);
            Object name = ref.getProperty(Provider.NAME);
            String bundle = ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName() + " "
                    + ref.getBundle().getVersion() + " [" + ref.getBundle().getBundleId() + "]";
            if (!(kind instanceof String) || !(name instanceof String)) {
                out.add(bundle + ": a provider without the service properties " + Provider.KIND + " and "
                        + Provider.NAME);
            } else if (tracker.getService(ref) == null) {
                out.add(kind + " '" + name + "' from " + bundle + ": its component failed to activate (see the log)");
            }
        }
        return out;
    }

    @Override
    public void close() {
        tracker.close();
    }
}
