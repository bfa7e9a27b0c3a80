package org.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.schema.DescriptorSchema;

import com.google.gson.GsonBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code schema [FILE]}: the JSON Schema of descriptors built from the live catalogue, printed, or
 * written to FILE (whole or not at all) with its path printed.
 */
@Command(name = "schema", header = "Write the JSON Schema of descriptors built from the installed providers.",
        description = { "Every provider, parameter, type, range, choice and default, with each task's roles. "
                + "Descriptors may name it with \"$schema\" so that an editor completes them." })
final class SchemaCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The file to write (default: standard output).")
    Path target;

    SchemaCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        PrintStream out = context.out();
        context.wholeCatalogue();
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(new DescriptorSchema(context.providers()).build()) + "\n";
        if (target == null) {
            out.print(json);
            out.flush();
            return Workbench.OK;
        }
        Path file = target.toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file, null, "is a folder; give the schema file to write");
        }
        Path parent = file.getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".schema-", ".tmp");
        try {
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        out.println(file);
        return Workbench.OK;
    }
}
