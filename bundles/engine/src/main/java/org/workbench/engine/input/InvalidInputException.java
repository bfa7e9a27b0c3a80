package org.workbench.engine.input;

import java.nio.file.Path;

/**
 * A fault in what the user gave (descriptor, command line, parameter value). Reported as one
 * line naming the file and the JSON path, with exit status 2 and without a stack trace.
 */
public final class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String jsonPath;

    public InvalidInputException(Path file, String jsonPath, String message) {
        super(message);
        this.file = file;
        this.jsonPath = jsonPath;
    }

    /** The descriptor at fault, or {@code null} for a command-line fault. */
    public Path file() {
        return file;
    }

    /** The JSON path of the offending value, e.g. {@code $.components.prior.with.variance}, or {@code null}. */
    public String jsonPath() {
        return jsonPath;
    }

    /** The whole report: {@code file: $.path: message}. */
    public String report() {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file).append(": ");
        }
        if (jsonPath != null) {
            b.append(jsonPath).append(": ");
        }
        return TerminalText.safe(b.append(getMessage()).toString());
    }
}
