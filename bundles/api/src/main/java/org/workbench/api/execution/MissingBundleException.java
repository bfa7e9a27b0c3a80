package org.workbench.api.execution;

/** A member cannot run a unit: it lacks an exact bundle version the unit pins and could not get it. */
public final class MissingBundleException extends Exception {
    private static final long serialVersionUID = 1L;
    private final BundlePin pin;

    public MissingBundleException(BundlePin pin, String message) {
        super(message);
        this.pin = pin;
    }

    /** The bundle that is missing. */
    public BundlePin pin() {
        return pin;
    }
}
