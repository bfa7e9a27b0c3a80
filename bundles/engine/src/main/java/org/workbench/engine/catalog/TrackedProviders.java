package org.workbench.engine.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * tracks references only: everything {@code list}, {@code describe}'s header and the choice of a
 * provider need comes from the service properties and the bundle, and a provider's service object
 * (and with it the activation of its Declarative Services component, which runs the plugin's
 * constructor and activate method) is fetched the first time a run needs it, and released when
 * the service goes away.
 *
 * <p>An activation runs on a thread of its own and is waited for until the
 * {@linkplain ActivationDeadline deadline}: a component that blocks is marked failed, naming its
 * bundle, and never waited for again, so one stuck plugin holds up only the runs that use it.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class TrackedProviders implements ProviderSource, AutoCloseable {
    private final BundleContext context;
    private final ServiceTracker<Provider, ServiceReference<Provider>> tracker;
    private final Map<ServiceReference<Provider>, Provider<?>> fetched = new ConcurrentHashMap<>();
    private final Map<ServiceReference<Provider>, CompletableFuture<Provider<?>>> activating = new ConcurrentHashMap<>();
    private final Map<ServiceReference<Provider>, String> failed = new ConcurrentHashMap<>();
    private final Duration deadline;
    private final BuiltInBundles builtIns;

    public TrackedProviders(BundleContext context) {
        this.context = context;
        this.deadline = ActivationDeadline.parse(context.getProperty(ActivationDeadline.PROPERTY));
        this.builtIns = BuiltInBundles.of(FolderBundles.home(context));
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
                        failed.remove(reference);
                        activating.remove(reference);
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
            if (!(kind instanceof String) || !(name instanceof String) || bundle == null || builtIns.impostor(bundle)) {
                continue;
            }
            Object summary = ref.getProperty(Provider.SUMMARY);
            out.add(new ProviderEntry((String) kind, (String) name, summary instanceof String s ? s : "",
                    bundle.getVersion(), bundle.getSymbolicName(), bundle.getBundleId(), () -> fetch(ref)));
        }
        return out;
    }

    @Override
    public Origin origin(ProviderEntry entry) {
        Bundle b = context.getBundle(entry.bundleId());
        return b == null ? Origin.thirdParty("", "", "its bundle is gone") : builtIns.origin(b);
    }

    @Override
    public String failure(ProviderEntry entry) {
        ServiceReference<Provider> ref = find(entry);
        return ref == null ? null : failed.get(ref);
    }

    /** The property's values as text: a {@code Boolean} property ({@code workbench.light}) reads "true". */
    @Override
    public List<String> property(ProviderEntry entry, String key) {
        ServiceReference<Provider> ref = find(entry);
        Object value = ref == null ? null : ref.getProperty(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Object[] a) {
            return java.util.Arrays.stream(a).map(String::valueOf).toList();
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value)); // a string, or a Boolean or number as Declarative Services types it
    }

    /** The distribution's record of its own bundles. */
    public BuiltInBundles builtIns() {
        return builtIns;
    }

    private ServiceReference<Provider> find(ProviderEntry entry) {
        ServiceReference<Provider>[] refs = tracker.getServiceReferences();
        for (ServiceReference<Provider> ref : refs == null ? new ServiceReference[0] : refs) {
            Bundle b = ref.getBundle();
            if (b != null && b.getBundleId() == entry.bundleId() && entry.kind().equals(ref.getProperty(Provider.KIND))
                    && entry.name().equals(ref.getProperty(Provider.NAME))) {
                return ref;
            }
        }
        return null;
    }

    /**
     * The service object of a tracked reference, fetched once; {@code null} when its component cannot
     * be activated, or did not activate within the deadline.
     *
     * @throws ActivationTimeout when this call waited out the deadline
     */
    private Provider<?> fetch(ServiceReference<Provider> ref) {
        Provider<?> known = fetched.get(ref);
        if (known != null) {
            return known;
        }
        if (failed.containsKey(ref)) {
            return null;
        }
        CompletableFuture<Provider<?>> activation = activating.computeIfAbsent(ref, r -> {
            CompletableFuture<Provider<?>> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    f.complete(activate(r));
                } catch (RuntimeException | LinkageError e) {
                    f.completeExceptionally(e);
                }
            }, "workbench-activation-" + label(r));
            t.setDaemon(true);
            t.start();
            return f;
        });
        Duration wait = ActivationDeadline.effective(deadline);
        try {
            Provider<?> p = activation.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            activating.remove(ref, activation);
            if (p == null) {
                failed.putIfAbsent(ref, "its component failed to activate");
                return null;
            }
            String disagreement = disagreement(ref, p);
            if (disagreement != null) {
                failed.put(ref, disagreement);
                return null;
            }
            fetched.put(ref, p);
            return p;
        } catch (TimeoutException e) {
            String why = "its component did not activate within " + seconds(wait)
                    + " (its constructor or activate method blocks); the runtime waits no longer for it";
            if (wait.equals(deadline)) {
                failed.put(ref, why);
            }
            throw new ActivationTimeout(label(ref) + " from " + bundle(ref) + ": " + why
                    + "; fix the plugin, or remove its jar" + jar(ref));
        } catch (ExecutionException e) {
            activating.remove(ref, activation);
            failed.put(ref, "its component failed to activate: " + e.getCause());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Why the provider's kind and the type it creates disagree ({@link KindTypes}), or {@code null}. */
    private static String disagreement(ServiceReference<Provider> ref, Provider<?> p) {
        try {
            return KindTypes.mismatch(String.valueOf(ref.getProperty(Provider.KIND)), p.type());
        } catch (RuntimeException e) {
            return "it cannot say what type it creates: " + e.getMessage();
        }
    }

    private Provider<?> activate(ServiceReference<Provider> ref) {
        if (tracker.getService(ref) == null) {
            return null;
        }
        return (Provider<?>) context.getService(ref);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String label(ServiceReference<Provider> ref) {
        Bundle b = ref.getBundle();
        return ref.getProperty(Provider.KIND) + " '" + ref.getProperty(Provider.NAME) + "' "
                + (b == null ? "" : b.getVersion());
    }

    private static String bundle(ServiceReference<Provider> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "a bundle that is gone" : "bundle " + b.getSymbolicName() + " " + b.getVersion() + " ["
                + b.getBundleId() + "]";
    }

    private static String jar(ServiceReference<Provider> ref) {
        Bundle b = ref.getBundle();
        java.nio.file.Path file = b == null ? null : BuiltInBundles.file(b.getLocation());
        return file == null ? "" : " (" + file + ")";
    }

    /**
     * Registered providers that cannot be used, as far as is known without activating any: their
     * service properties are incomplete, their component's class is missing from their bundle
     * (asked of the bundle's class loader, which runs no plugin code), or their component failed
     * or timed out when a run asked for it. One line each, for {@code list}.
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
                continue;
            }
            String why = failed.get(ref);
            if (why == null) {
                why = ComponentClasses.missing(context, ref);
            }
            if (why != null) {
                out.add(kind + " '" + name + "' from " + bundle + ": " + why);
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
