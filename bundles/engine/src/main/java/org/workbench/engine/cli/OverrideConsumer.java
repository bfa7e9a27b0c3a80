package org.workbench.engine.cli;

import java.util.List;
import java.util.Stack;

import org.workbench.engine.descriptor.Overrides;

import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Takes the value of {@code --set} and {@code --sweep}, which must be {@code PATH=VALUE}. A value
 * without {@code =} followed by another word is the common slip {@code --set prior.with.variance 9};
 * it is refused with the spelling that works, instead of reading {@code 9} as a file name.
 */
final class OverrideConsumer implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        String option = ((OptionSpec) argSpec).longestName();
        String example = option.equals("--sweep") ? "--sweep data.n=1,10,100" : "--set prior.with.variance=9";
        if (args.isEmpty()) {
            throw new ParameterException(commandSpec.commandLine(), option + " needs PATH=VALUE, e.g. " + example);
        }
        String value = args.pop();
        if (value.indexOf('=') <= 0) {
            String next = args.isEmpty() ? null : args.peek();
            String hint = next != null && !next.startsWith("-")
                    ? "; did you mean " + option + " " + value + "=" + next + "?"
                    : ", e.g. " + example;
            throw new ParameterException(commandSpec.commandLine(), option + " needs PATH=VALUE, got '" + value + "'"
                    + hint);
        }
        List<String> values = argSpec.getValue();
        values.add(option.equals("--sweep") ? Overrides.SWEEP_PREFIX + value : value);
    }
}
