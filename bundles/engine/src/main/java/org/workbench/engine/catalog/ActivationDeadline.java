package org.workbench.engine.catalog;

import java.time.Duration;

/**
 * How long the engine waits for a provider's component to activate (its constructor and activate
 * method, run by Declarative Services when the provider object is first fetched): the framework
 * property {@value #PROPERTY} in seconds (default {@value #DEFAULT_SECONDS}), shortened for the
 * planning of a run by the run's own {@code --timeout} ({@link #bound}). A component still
 * activating then is marked failed, naming its bundle, and never waited for again.
 */
public final class ActivationDeadline {
    /** Framework (or system) property: the activation deadline in seconds. */
    public static final String PROPERTY = "workbench.activation.timeout";
    static final long DEFAULT_SECONDS = 10;
    private static final ThreadLocal<Duration> BOUND = new ThreadLocal<>();

    private ActivationDeadline() {
    }

    /** The deadline from the property's value ({@code null}: the default); an unusable value gives the default. */
    static Duration parse(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return Duration.ofSeconds(DEFAULT_SECONDS);
        }
        try {
            double s = Double.parseDouble(seconds.trim());
            return s > 0 && s <= 86_400 ? Duration.ofMillis(Math.max(1, Math.round(s * 1000)))
                    : Duration.ofSeconds(DEFAULT_SECONDS);
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(DEFAULT_SECONDS);
        }
    }

    /** {@code configured}, or the calling thread's bound when that is shorter. */
    static Duration effective(Duration configured) {
        Duration bound = BOUND.get();
        return bound != null && bound.compareTo(configured) < 0 ? bound : configured;
    }

    /**
     * Bounds the activations the calling thread waits for by {@code limit} (a run's timeout) until
     * the returned handle is closed; {@code null} bounds nothing.
     */
    public static Scope bound(Duration limit) {
        Duration before = BOUND.get();
        if (limit != null && (before == null || limit.compareTo(before) < 0)) {
            BOUND.set(limit);
        }
        return () -> {
            if (before == null) {
                BOUND.remove();
            } else {
                BOUND.set(before);
            }
        };
    }

    /** A bound in force until closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
