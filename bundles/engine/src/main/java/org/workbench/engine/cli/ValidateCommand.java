package org.workbench.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.PluginFault;
import org.workbench.engine.run.CreationCheck;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.RunFailure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code validate FILE...}: checks descriptors against the installed providers; runs nothing. */
@Command(name = "validate", header = "Check descriptors against the installed providers; runs nothing.",
        description = "Check descriptors against the installed providers (every parameter of "
        + "every sweep point) and create each component once, so that a plugin's own mistakes show "
        + "before a run; runs nothing. Exit 2: a descriptor is invalid; 1: a plugin is broken.")
final class ValidateCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Descriptor files (JSON).")
    List<Path> files;

    @Mixin
    DescriptorOptions descriptor = new DescriptorOptions();

    ValidateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DescriptorRuns runs = new DescriptorRuns(context);
        int status = Workbench.OK;
        for (Path file : files) {
            try {
                Plan plan = runs.plan(file, descriptor);
                plan.descriptor().notes().forEach(n -> context.err().println("note: " + file + ": " + n));
                CreationCheck.createOnce(plan);
                int n = plan.points().size();
                context.out().println("valid: " + file + " (" + plan.task().label() + ", " + n + (n == 1 ? " run)" : " runs)"));
            } catch (InvalidInputException e) {
                context.err().println("error: " + e.report());
                MissingProviders missing = MissingProviders.of(context);
                if (missing != null) {
                    missing.hint(e.report(), context.out(), context.err());
                }
                status = Math.max(status, Workbench.INVALID);
            } catch (PluginFault e) {
                context.err().println("error: " + e.report());
                status = Math.max(status, Workbench.FAILED);
            } catch (RunFailure e) {
                context.err().println("error: " + file + ": " + e.getMessage());
                status = Math.max(status, Workbench.FAILED);
            }
        }
        return status;
    }
}
