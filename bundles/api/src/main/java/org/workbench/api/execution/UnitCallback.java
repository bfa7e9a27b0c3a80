package org.workbench.api.execution;

import org.osgi.annotation.versioning.ProviderType;

/** What an executor reports about each unit, from any thread, exactly once per unit. */
@ProviderType
public interface UnitCallback {
    /**
     * A unit finished.
     *
     * @param result the runner's JSON text
     * @param member the member that ran it ({@code HOST:PORT}, or {@code local})
     */
    void finished(Unit unit, String result, String member);

    /**
     * A unit failed for good (after any reruns the executor makes when a member leaves).
     *
     * @param reason why, in one line
     * @param member the member that last tried it, or {@code null} when none could
     */
    void failed(Unit unit, String reason, String member);
}
