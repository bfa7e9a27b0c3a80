package org.workbench.api;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Progress of a long loop, shown on the terminal as a bar or, when output is not a terminal, as lines.
 * <p>
 * A report is also where a cancelled run stops (Ctrl-C, the web page's cancel button, a time limit):
 * made on the run's interrupted thread, {@link #update}, {@link #message} and {@link #metrics} throw an
 * unchecked exception that ends the task. A loop that reports every step or so needs nothing else to be
 * cancellable; a task should let that exception pass rather than catch it.
 */
@ProviderType
public interface Progress extends AutoCloseable {
    /** Sets the number of completed steps and a short status such as "loss 0.512, 41000 ex/s". */
    void update(long done, String status);

    /** Prints a line that stays (for example the summary of an epoch). */
    void message(String line);

    /**
     * Named numbers at one step of the loop (for example an epoch's {@code trainLoss},
     * {@code trainAccuracy} and {@code testAccuracy}), for live curves; the terminal ignores them.
     *
     * @since 1.2
     */
    default void metrics(long step, Map<String, Double> values) {
    }

    @Override
    void close();
}
