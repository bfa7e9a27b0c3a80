package org.workbench.engine.cli;

import java.util.concurrent.Callable;

import org.workbench.api.Workbench;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code completion}: a bash and zsh completion script for every command and option. */
@Command(name = "completion", header = "Print a bash/zsh completion script.",
        description = { "Print a bash/zsh completion script for ./workbench: "
        + "source <(./workbench completion), or save it: ./workbench completion > ~/.workbench-completion.bash "
        + "and source that from ~/.bashrc (zsh: from ~/.zshrc; the script loads bashcompinit). "
        + "describe completes the providers installed when the script was written." })
final class CompletionCommand implements Callable<Integer> {
    private final CommandContext context;

    @Spec
    CommandSpec spec;

    CompletionCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.wholeCatalogue();
        context.out().print(AutoComplete.bash("workbench", spec.root().commandLine()));
        context.out().flush();
        return Workbench.OK;
    }
}
