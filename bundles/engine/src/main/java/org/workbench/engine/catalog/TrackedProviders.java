package org.workbench.engine.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.workbench.api.Provider;

/**
 * The providers registered in the OSGi service registry, followed by a {@link ServiceTracker} so that
 * bundles installed, updated or removed while the runtime runs are seen by the next lookup, and a
 * service object fetched from an old bundle revision is never used after it is gone. The tracker
 * tracks references only: a provider's service object (and with it the activation of its
 * Declarative Services component) is fetched the first time a run needs it, and released when the
 * service goes away.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class TrackedProviders implements ProviderSource, AutoCloseable {
    private final BundleContext context;
    private final ServiceTracker<Provider, ServiceReference<Provider>> tracker;
    private final Map<ServiceReference<Provider>, Provider<?>> fetched = new ConcurrentHashMap<>();

    public TrackedProviders(BundleContext context) {
        this.context = context;
        this.tracker = new ServiceTracker<>(context, Provider.class,
                new ServiceTrackerCustomizer<Provider, ServiceReference<Provider>>() {
                    @Override
                    public ServiceReference<Provider> addingService(ServiceReference<Provider> reference) {
                        return reference;
                    }

                    @Override
                    public void modifiedService(ServiceReference<Provider> reference, ServiceReference<Provider> same) {
                        // properties are read afresh on every lookup
                    }

                    @Override
                    public void removedService(ServiceReference<Provider> reference, ServiceReference<Provider> same) {
                        if (fetched.remove(reference) != null) {
                            context.ungetService(reference);
                        }
                    }
                });
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
            Bundle bundle = ref.getBundle();
            if (!(kind instanceof String) || !(name instanceof String) || bundle == null) {
                continue;
            }
            Object summary = ref.getProperty(Provider.SUMMARY);
            out.add(new ProviderEntry((String) kind, (String) name, summary instanceof String s ? s : "",
                    bundle.getVersion(), bundle.getSymbolicName(), bundle.getBundleId(), () -> fetch(ref)));
        }
        return out;
    }

    /** The service object of a tracked reference, fetched once; null when its component cannot be activated. */
    private Provider<?> fetch(ServiceReference<Provider> ref) {
        Provider<?> known = fetched.get(ref);
        if (known != null) {
            return known;
        }
        synchronized (fetched) {
            known = fetched.get(ref);
            if (known == null && tracker.getService(ref) != null) {
                known = context.getService(ref);
                if (known != null) {
                    fetched.put(ref, known);
                }
            }
            return known;
        }
    }

    /**
     * Registered providers that cannot be used: their component failed to activate (its class is
     * missing, its constructor or activate method threw) or their service properties are
     * incomplete. One line each, for {@code list}; the framework's log has the cause.
     */
    public List<String> failures() {
        ServiceReference<Provider>[] refs = tracker.getServiceReferences();
        List<String> out = new ArrayList<>();
        for (ServiceReference<Provider> ref : refs == null ? new ServiceReference[0] : refs) {
            Object kind = ref.getProperty(Provider.KIND);
            Object name = ref.getProperty(Provider.NAME);
            String bundle = ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName() + " "
                    + ref.getBundle().getVersion() + " [" + ref.getBundle().getBundleId() + "]";
            if (!(kind instanceof String) || !(name instanceof String)) {
                out.add(bundle + ": a provider without the service properties " + Provider.KIND + " and "
                        + Provider.NAME);
            } else if (fetch(ref) == null) {
                out.add(kind + " '" + name + "' from " + bundle + ": its component failed to activate (see the log)");
            }
        }
        return out;
    }

    /** The plugins folder's providers that cannot be used (unresolved, or without @WorkbenchProvider), and why. */
    @Override
    public List<InactivePlugin> inactive() {
        ServiceReference<Provider>[] refs = tracker.getServiceReferences();
        List<ServiceReference<?>> unnamed = new ArrayList<>();
        for (ServiceReference<Provider> ref : refs == null ? new ServiceReference[0] : refs) {
            if (!(ref.getProperty(Provider.KIND) instanceof String) || !(ref.getProperty(Provider.NAME) instanceof String)) {
                unnamed.add(ref);
            }
        }
        try {
            return new InactivePlugins(context).find(unnamed);
        } catch (IllegalStateException e) {
            return List.of(); // the framework is stopping
        }
    }

    @Override
    public void close() {
        tracker.close();
    }
}
