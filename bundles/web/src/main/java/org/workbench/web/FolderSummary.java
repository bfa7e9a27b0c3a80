package org.workbench.web;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The engine's run summary of one results folder ({@code run-summary} with {@code workbench.results}
 * naming the folder), which {@code report} and {@code handin} register while they write: held from
 * {@link #of} until {@link #close}. Without one (no run store in the folder, or no framework in unit
 * tests) {@link #supplier} supplies null and the pages read the folders.
 */
final class FolderSummary implements AutoCloseable {
    private final BundleContext context;
    private final ServiceReference<?> reference;
    private final Function<String, String> summary;

    private FolderSummary(BundleContext context, ServiceReference<?> reference, Function<String, String> summary) {
        this.context = context;
        this.reference = reference;
        this.summary = summary;
    }

    /** The summary of {@code results} registered in {@code context} (which may be null), if any. */
    @SuppressWarnings("unchecked")
    static FolderSummary of(BundleContext context, Path results) {
        if (context == null) {
            return new FolderSummary(null, null, null);
        }
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(Function.class.getName(), filter(results));
            if (refs == null || refs.length == 0) {
                return new FolderSummary(context, null, null);
            }
            return new FolderSummary(context, refs[0], (Function<String, String>) context.getService(refs[0]));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service filter of the run summary of {@code results} (in the path, {@code \ * ( )} escaped as OSGi filters take them). */
    static String filter(Path results) {
        String path = results.toAbsolutePath().normalize().toString().replace("\\", "\\\\").replace("*", "\\*")
                .replace("(", "\\(").replace(")", "\\)");
        return "(&(workbench.service=run-summary)(workbench.results=" + path + "))";
    }

    /** What a {@link RunIndex} asks for its summary: this one, or null. */
    Supplier<Function<String, String>> supplier() {
        return () -> summary;
    }

    @Override
    public void close() {
        if (reference != null) {
            context.ungetService(reference);
        }
    }
}
