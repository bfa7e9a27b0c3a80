package org.workbench.engine.input;

import java.nio.file.Path;

/**
 * A fault in what the user gave (descriptor, command line, parameter value). Reported as one
 * line naming the file and the JSON path, with exit status 2 and without a stack trace.
 */
public final class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    /** The most faults one report lists; the rest are counted. */
    public static final int LIMIT = 20;
    private final String jsonPath;
    private final java.util.List<InvalidInputException> more;
    private final int beyondLimit;

    public InvalidInputException(Path file, String jsonPath, String message) {
        this(file, jsonPath, message, java.util.List.of(), 0);
    }

    private InvalidInputException(Path file, String jsonPath, String message, java.util.List<InvalidInputException> more,
            int beyondLimit) {
        super(message);
        this.file = file;
        this.jsonPath = jsonPath;
        this.more = more;
        this.beyondLimit = beyondLimit;
    }

    /**
     * One exception reporting all of {@code faults} (at least one), the first as its own message and
     * the others, up to {@link #LIMIT} in all, as further lines of {@link #report()}.
     */
    public static InvalidInputException all(java.util.List<InvalidInputException> faults) {
        java.util.List<InvalidInputException> flat = new java.util.ArrayList<>();
        for (InvalidInputException f : faults) {
            flat.add(f);
            flat.addAll(f.more);
        }
        if (flat.size() == 1) {
            return flat.get(0);
        }
        InvalidInputException first = flat.get(0);
        java.util.List<InvalidInputException> rest = java.util.List.copyOf(flat.subList(1, Math.min(flat.size(), LIMIT)));
        return new InvalidInputException(first.file, first.jsonPath, first.getMessage(), rest,
                Math.max(0, flat.size() - LIMIT));
    }

    /** Every fault this one reports, itself first. */
    public java.util.List<InvalidInputException> faults() {
        java.util.List<InvalidInputException> all = new java.util.ArrayList<>();
        all.add(this);
        all.addAll(more);
        return all;
    }

    /** The descriptor at fault, or {@code null} for a command-line fault. */
    public Path file() {
        return file;
    }

    /** The JSON path of the offending value, e.g. {@code $.components.prior.with.variance}, or {@code null}. */
    public String jsonPath() {
        return jsonPath;
    }

    /**
     * The whole report: {@code file: $.path: message}; when it reports several faults, one line each,
     * the later ones after "error: " as the commands print the first.
     */
    public String report() {
        StringBuilder b = new StringBuilder(line());
        for (InvalidInputException m : more) {
            b.append("\nerror: ").append(m.line());
        }
        if (beyondLimit > 0) {
            b.append("\nerror: ... and ").append(beyondLimit).append(beyondLimit == 1 ? " more fault" : " more faults")
                    .append(" (the first ").append(LIMIT).append(" are shown)");
        }
        return b.toString();
    }

    private String line() {
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
