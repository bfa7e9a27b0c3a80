package org.workbench.api.live;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears one run as it happens. Methods are called from the run's threads (several at once for a
 * sweep), so implementations must be thread-safe and quick.
 */
@ConsumerType
public interface RunObserver {
    /** A progress report: {@code done} of {@code total} steps of the loop {@code label}. */
    void progress(String label, long done, long total, String status);

    /** A line that stays, such as the summary of an epoch. */
    void message(String label, String line);

    /** Named numbers at one step of a loop, such as an epoch's losses and accuracies. */
    void metrics(String label, long step, Map<String, Double> values);

    /**
     * The end of the run, called once: status 0 with the published {@code result.json}, or 1 (failed
     * or cancelled) or 2 (invalid input) with {@code resultJson} null and an error line.
     */
    void finished(int status, Path resultJson, String error);
}
