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

    @picocli.CommandLine.Option(names = "--json", description = "One JSON document on standard output "
            + "(docs/run-store.md gives its shape); messages stay on standard error.")
    boolean json;

    ValidateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DescriptorRuns runs = new DescriptorRuns(context);
        int status = Workbench.OK;
        com.google.gson.JsonArray answers = new com.google.gson.JsonArray();
        for (Path file : files) {
            String message = null;
            int own = Workbench.OK;
            Plan plan = null;
            try {
                plan = runs.plan(file, descriptor);
                plan.descriptor().notes().forEach(n -> context.err().println("note: " + file + ": " + n));
                CreationCheck.createOnce(plan);
                int n = plan.points().size();
                if (!json) {
                    context.out().println("valid: " + file + " (" + plan.task().label() + ", " + n + (n == 1 ? " run)" : " runs)"));
                }
            } catch (InvalidInputException e) {
                message = "error: " + e.report();
                own = Workbench.INVALID;
            } catch (PluginFault e) {
                message = "error: " + e.report();
                own = Workbench.FAILED;
            } catch (RunFailure e) {
                message = "error: " + file + ": " + e.getMessage();
                own = Workbench.FAILED;
            }
            if (message != null) {
                context.err().println(message);
                MissingProviders missing = own == Workbench.INVALID ? MissingProviders.of(context) : null;
                if (missing != null) {
                    missing.hint(message, context.out(), context.err());
                }
            }
            status = Math.max(status, own);
            com.google.gson.JsonObject answer = JsonShapes.outcome(file.toString(), own, message,
                    plan == null ? List.of() : plan.descriptor().notes());
            answer.addProperty("task", own == Workbench.OK ? plan.task().label() : null);
            if (own == Workbench.OK) {
                answer.addProperty("runs", plan.points().size());
            } else {
                answer.add("runs", com.google.gson.JsonNull.INSTANCE);
            }
            answers.add(answer);
        }
        if (json) {
            context.out().println(JsonShapes.print(JsonShapes.outcomes(status, answers)));
        }
        return status;
    }
}
