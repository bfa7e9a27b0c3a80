package org.workbench.engine.catalog;

import org.workbench.engine.input.InvalidInputException;

import java.nio.file.Path;
import java.util.List;

import org.workbench.api.Parameter;

/**
 * A provider's declared parameters, asked for once and guarded: a provider whose
 * {@code parameters()} throws (a plugin bug) makes the descriptor impossible to check, which is
 * reported like any other fault that stops validation (exit 2, one line naming the provider and
 * its bundle) instead of escaping the engine with a stack trace.
 */
public final class DeclaredParameters {
    private DeclaredParameters() {
    }

    public static List<Parameter> of(ProviderEntry entry, Path file, String jsonPath) throws InvalidInputException {
        try {
            List<Parameter> declared = entry.provider().parameters();
            if (declared == null) {
                throw new IllegalStateException("parameters() returned null");
            }
            return declared;
        } catch (RuntimeException | LinkageError e) {
            throw new InvalidInputException(file, jsonPath, entry.label() + " (bundle " + entry.bundle()
                    + ") could not declare its parameters (" + e + "); the plugin is broken: use another version "
                    + "or remove it");
        }
    }
}
