package org.workbench.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.workbench.engine.output.Beside;

/**
 * An input's record that may still be computed beside the run (a file's SHA-256 while the
 * component decodes the file, a layer's initial weights formatted while training starts), given
 * by {@link #get()} on the run's thread, which waits for it. The work beside runs on a thread of
 * the run's group ({@link Beside}), so a cancelled run reaches it; it writes nothing: whatever
 * touches the result folder is done by {@link #get()}'s caller.
 *
 * @param <T> what the work gives
 */
final class DeferredInput<T> {
    private final Supplier<T> source;
    private T value;
    private boolean done;

    private DeferredInput(Supplier<T> source) {
        this.source = source;
    }

    /** A value known already. */
    static <T> DeferredInput<T> done(T value) {
        DeferredInput<T> d = new DeferredInput<>(() -> value);
        d.value = value;
        d.done = true;
        return d;
    }

    /** Starts {@code work} now on a thread named {@code name} beside the current one. */
    static <T> DeferredInput<T> beside(String name, Supplier<T> work) {
        Beside<T> beside = Beside.start(name, work::get);
        return new DeferredInput<>(() -> {
            try {
                return beside.result();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code then} applied, on the thread that calls {@link #get()}, to what {@code first} gives. */
    static <T, R> DeferredInput<R> then(DeferredInput<T> first, Function<T, R> then) {
        return new DeferredInput<>(() -> then.apply(first.get()));
    }

    /** The value, waiting for the work beside when it has not ended; computed once. */
    T get() {
        if (!done) {
            value = source.get();
            done = true;
        }
        return value;
    }
}
