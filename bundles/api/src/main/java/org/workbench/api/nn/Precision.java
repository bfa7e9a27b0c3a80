package org.workbench.api.nn;

/** The floating-point type of a {@link Matrix}'s storage. */
public enum Precision {
    /** 32-bit {@code float}: training on hot paths. */
    FLOAT,
    /** 64-bit {@code double}: gradient checks and anything compared against closed forms. */
    DOUBLE
}
