package org.workbench.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.workbench.api.Workbench;
import org.workbench.api.execution.Executor;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.run.BundleJars;
import org.workbench.engine.run.EngineUnitRunner;
import org.workbench.engine.run.PlotRenderer;

import com.google.gson.JsonObject;

/**
 * {@code worker [--port N] [--join HOST:PORT,...] [--cluster NAME] [--interface ADDRESS]}: makes this
 * JVM a cluster member that runs units with the bundles it has (fetching pinned ones it lacks from
 * the coordinator), prints {@code member HOST:PORT ready} once it can take work, and runs until stopped.
 */
final class WorkerCommand {
    private final ProviderSource providers;
    private final PlotRenderer renderer;
    private final BundleJars jars;

    WorkerCommand(ProviderSource providers, PlotRenderer renderer, BundleJars jars) {
        this.providers = providers;
        this.renderer = renderer;
        this.jars = jars;
    }

    int run(CommandLine line, PrintStream out, PrintStream err) throws InvalidInputException {
        if (!line.arguments().isEmpty()) {
            throw new InvalidInputException(null, null, "worker takes no files; usage: ./workbench worker --cluster NAME "
                    + "[--port N] [--join HOST:PORT,...] [--interface ADDRESS]");
        }
        String name = line.cluster().executor() == null ? "hazelcast" : line.cluster().executor();
        Path here = Path.of("").toAbsolutePath();
        Executor executor = new ExecutorSelection(providers, jars).create(name, new JsonObject(), line.cluster().with(),
                null, here);
        String address;
        try {
            address = executor.serve(new EngineUnitRunner(providers, renderer, jars, line.threads()));
        } catch (UnsupportedOperationException e) {
            executor.close();
            throw new InvalidInputException(null, null, "executor '" + name + "' has no members: " + e.getMessage());
        } catch (Exception e) {
            executor.close();
            err.println("failed: the member did not start: " + e);
            return Workbench.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            executor.close();
            stopped.countDown();
        }, "workbench-worker-stop"));
        out.println("member " + address + " ready");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Workbench.OK;
    }
}
