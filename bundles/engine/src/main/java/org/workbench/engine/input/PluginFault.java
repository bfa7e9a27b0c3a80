package org.workbench.engine.input;

import java.nio.file.Path;

/**
 * A plugin's own mistake found while a descriptor is checked (its {@code parameters()} throws, a
 * default of the wrong type, say): the run fails (exit 1) naming the provider, its bundle and what
 * it did, instead of blaming the descriptor (exit 2).
 */
public final class PluginFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public PluginFault(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The descriptor being checked, or {@code null} outside one ({@code describe}). */
    public Path file() {
        return file;
    }

    /** What a plugin threw, in one line: the message alone for the exceptions that name their fault. */
    public static String reason(Throwable e) {
        return (e instanceof IllegalStateException || e instanceof IllegalArgumentException) && e.getMessage() != null
                ? e.getMessage() : e.toString();
    }

    /** "FILE: MESSAGE", as the commands print it after "error: ". */
    public String report() {
        return (file == null ? "" : file + ": ") + getMessage();
    }
}
