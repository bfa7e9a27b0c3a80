package org.workbench.repository;

/** A request that cannot be carried out as given (exit 2): the message says what would be valid. Nothing was written. */
final class InvalidRequest extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidRequest(String message) {
        super(message);
    }
}
