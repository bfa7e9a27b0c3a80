package org.workbench.engine.catalog;

import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.PluginFault;

import java.nio.file.Path;
import java.util.List;

import org.workbench.api.Parameter;

/**
 * A provider's declared parameters, asked for once and guarded: a provider whose
 * {@code parameters()} throws (a plugin bug, such as a default of the wrong type) makes the
 * descriptor impossible to check, which is the plugin's fault: a {@link PluginFault} (exit 1, one
 * line naming the provider, its bundle and what it threw) instead of a stack trace or exit 2.
 */
public final class DeclaredParameters {
    private DeclaredParameters() {
    }

    public static List<Parameter> of(ProviderEntry entry, Path file, String jsonPath) throws InvalidInputException {
        return of(entry, file);
    }

    /** The declared parameters; {@code file} (may be {@code null}) names the descriptor in the message. */
    public static List<Parameter> of(ProviderEntry entry, Path file) {
        try {
            List<Parameter> declared = entry.provider().parameters();
            if (declared == null) {
                throw new IllegalStateException("parameters() returned null");
            }
            return declared;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginFault(file, entry.label() + " (bundle " + entry.bundle()
                    + ") could not declare its parameters: " + PluginFault.reason(e) + "; the plugin is broken: fix it, "
                    + "use another version or remove it", e);
        }
    }
}
