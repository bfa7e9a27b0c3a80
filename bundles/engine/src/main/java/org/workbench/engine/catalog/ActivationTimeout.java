package org.workbench.engine.catalog;

/**
 * A provider's component did not activate within the deadline ({@link ActivationDeadline}): its
 * constructor or activate method blocks. The run that needs it fails (exit 1) naming the provider
 * and its bundle; nothing else waits for it.
 */
public final class ActivationTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ActivationTimeout(String message) {
        super(message);
    }
}
