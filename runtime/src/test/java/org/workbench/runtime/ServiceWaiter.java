package org.workbench.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * Waits, without sleeping, until the service references matching a filter satisfy a condition:
 * re-checks on every service event of the registry.
 */
final class ServiceWaiter implements ServiceListener, AutoCloseable {
    private final BundleContext context;
    private final String filter;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    ServiceWaiter(BundleContext context, String filter) throws InvalidSyntaxException {
        this.context = context;
        this.filter = filter;
        context.addServiceListener(this, filter);
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The matching references now. */
    List<ServiceReference<?>> current() throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, filter);
        return refs == null ? List.of() : Arrays.asList(refs);
    }

    /** Blocks until {@code condition} holds for the matching references, or fails after {@code timeoutMs}. */
    void await(Predicate<List<ServiceReference<?>>> condition, long timeoutMs, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        try {
            while (!condition.test(current())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out after " + timeoutMs + " ms waiting until " + what
                            + "; services now: " + current());
                }
                changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        context.removeServiceListener(this);
    }
}
