package org.workbench.engine.run;

/** A component could not be created or a task failed during a run; carries which one. */
public final class ComponentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String label;

    public ComponentFailure(String label, String message, Throwable cause) {
        super(message, cause);
        this.label = label;
    }

    /** The component's label, e.g. {@code prior} or {@code network[1]}. */
    public String label() {
        return label;
    }
}
