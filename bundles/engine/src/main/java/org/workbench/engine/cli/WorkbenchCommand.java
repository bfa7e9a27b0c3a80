package org.workbench.engine.cli;

import java.util.concurrent.Callable;

import org.workbench.api.Workbench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code ./workbench}: the top of the command tree; without a command it prints the usage. */
@Command(name = "workbench", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        description = "Runs JSON experiment descriptors on OSGi bundles of priors, likelihoods, data, optimizers, "
                + "samplers, layers, losses and tasks.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = { "Exit status: 0 done; 1 the run failed (nothing written); 2 invalid input (nothing written).",
                "Run './workbench COMMAND --help' for a command's options.",
                "Plugin repository: repo index|add|list|remove, search, install, update, uninstall (docs/plugin-repository.md)." })
final class WorkbenchCommand implements Callable<Integer> {
    private final CommandContext context;

    @Spec
    CommandSpec spec;

    WorkbenchCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return Workbench.OK;
    }

    CommandContext context() {
        return context;
    }
}
