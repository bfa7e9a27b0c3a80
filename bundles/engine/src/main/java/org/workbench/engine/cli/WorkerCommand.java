package org.workbench.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.workbench.api.Workbench;
import org.workbench.api.execution.Executor;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.service.ClusterOptions;
import org.workbench.engine.service.ExecutorSelection;
import org.workbench.engine.catalog.BundleJars;
import org.workbench.engine.run.EngineUnitRunner;
import org.workbench.engine.output.PlotRenderer;

import com.google.gson.JsonObject;

/**
 * {@code worker [--port N] [--join HOST:PORT,...] [--cluster NAME] [--interface ADDRESS]}: makes this
 * JVM a cluster member that runs units with the bundles it has (fetching pinned ones it lacks from
 * the coordinator), prints {@code member HOST:PORT ready} once it can take work, and runs until stopped.
 */
@picocli.CommandLine.Command(name = "worker", header = "A cluster member that runs units (prints member HOST:PORT ready).",
        description = "Runs until stopped: ./workbench worker --cluster NAME [--port N] [--join HOST:PORT,...].")
final class WorkerCommand implements java.util.concurrent.Callable<Integer> {
    private final ProviderSource providers;
    private final PlotRenderer renderer;
    private final BundleJars jars;
    private final CommandContext context;

    @picocli.CommandLine.Mixin
    ClusterFlags flags = new ClusterFlags();

    @picocli.CommandLine.Option(names = "--threads", paramLabel = "N", description = "Threads for the units of this member (default: the available cores).")
    Integer threads;

    WorkerCommand(CommandContext context) {
        this.context = context;
        this.providers = context.providers();
        this.renderer = context.renderer();
        this.jars = context.jars();
    }

    @Override
    public Integer call() throws InvalidInputException {
        return run(flags.options(), threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                context.out(), context.err());
    }

    int run(ClusterOptions cluster, int threadCount, PrintStream out, PrintStream err) throws InvalidInputException {
        String name = cluster.executor() == null ? "hazelcast" : cluster.executor();
        Path here = Path.of("").toAbsolutePath();
        Executor executor = new ExecutorSelection(providers, jars, context.onDemand()).create(name, new JsonObject(), cluster.with(),
                null, here);
        String address;
        try {
            address = executor.serve(new EngineUnitRunner(providers, renderer, jars, threadCount));
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
