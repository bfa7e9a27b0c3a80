package org.workbench.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.workbench.engine.catalog.OnDemandBundles;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.store.RunRecorder;
import org.workbench.engine.store.RunStore;
import org.workbench.engine.store.StoreLocation;

import picocli.CommandLine.Option;

/** The results folder of the commands that use the run store ({@code runs}, {@code tag}, {@code untag}, {@code note}). */
final class StoreOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results");

    /** The store of the results folder, started, opened and brought up to date with its folders. */
    RunStore open(CommandContext context, boolean reindex) throws InvalidInputException, IOException {
        return open(context, reindex, false);
    }

    /** {@link #open(CommandContext, boolean)}, saying on standard error how long opening and syncing took when {@code timing}. */
    RunStore open(CommandContext context, boolean reindex, boolean timing) throws InvalidInputException, IOException {
        return open(context, org.workbench.engine.store.SyncMode.of(reindex, false), timing);
    }

    /** The store, brought up to date in the way {@code mode} says. */
    RunStore open(CommandContext context, org.workbench.engine.store.SyncMode mode, boolean timing)
            throws InvalidInputException, IOException {
        if (out.toString().isBlank() || Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidInputException(null, null, "--out " + out + " is not a folder; give the results folder "
                    + "(default results)");
        }
        StoreLocation location = StoreLocation.of(out, System.getenv());
        startDrivers(context);
        return RunRecorder.openSynced(location, out, mode, context.err()::println,
                timing ? context.err()::println : null);
    }

    /** Indexes the one folder {@code run} just changed, when the results folder keeps a store. */
    void record(CommandContext context, Path run) {
        String warning = RunRecorder.record(out, run, System.getenv(), () -> context.onDemand().start(OnDemandBundles.STORE));
        if (warning != null) {
            context.err().println("warning: " + warning);
        }
    }

    private static void startDrivers(CommandContext context) throws IOException {
        String problem = context.onDemand().start(OnDemandBundles.STORE);
        if (problem != null) {
            throw new IOException("the run store's database drivers did not start: " + problem);
        }
    }
}
