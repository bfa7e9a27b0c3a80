package org.workbench.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates the classes picocli instantiates itself (completion candidates, parameter consumers);
 * hands the live catalogue to those that want it.
 */
final class CommandFactory implements IFactory {
    private final CommandContext context;
    private final IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(CommandContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == ProviderCandidates.class) {
            return cls.cast(new ProviderCandidates(context.providers()));
        }
        return fallback.create(cls);
    }
}
