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
import org.workbench.engine.schema.ResultSchema;

import com.google.gson.GsonBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code schema [FILE]}: the JSON Schema of descriptors built from the live catalogue, printed, or
 * written to FILE (whole or not at all) with the schema of {@code result.json} beside it
 * ({@value ResultSchema#FILE}), their paths printed (FILE's last). {@code schema --result [FILE]}: the
 * schema of {@code result.json} alone.
 */
@Command(name = "schema", header = "Write the JSON Schemas of descriptors (from the installed providers) and of result.json.",
        description = { "Every provider, parameter, type, range, choice and default, with each task's roles. "
                + "Descriptors may name it with \"$schema\" so that an editor completes them. With FILE, the schema of "
                + "result.json is written beside it as " + ResultSchema.FILE + "." })
final class SchemaCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The file to write (default: standard output).")
    Path target;

    @Option(names = "--result", description = "The schema of result.json alone (docs/results.md), not the descriptors'.")
    boolean result;

    SchemaCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        PrintStream out = context.out();
        Path file = target == null ? null : target.toAbsolutePath();
        if (file != null && Files.isDirectory(file)) {
            throw new InvalidInputException(file, null, "is a folder; give the schema file to write");
        }
        if (result) {
            return emit(out, file, ResultSchema.text());
        }
        Path beside = file == null ? null : file.resolveSibling(ResultSchema.FILE);
        if (file != null && file.equals(beside)) {
            throw new InvalidInputException(file, null, "is where the schema of result.json is written beside the "
                    + "descriptor schema; name the descriptor schema otherwise (e.g. workbench.schema.json), or use --result");
        }
        context.wholeCatalogue();
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(new DescriptorSchema(context.providers()).build()) + "\n";
        if (file != null) {
            emit(out, beside, ResultSchema.text());
        }
        return emit(out, file, json);
    }

    /** Prints {@code text}, or writes it whole to {@code file} and prints the file's path. */
    private static int emit(PrintStream out, Path file, String text) throws IOException {
        if (file == null) {
            out.print(text);
            out.flush();
            return Workbench.OK;
        }
        Path parent = file.getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".schema-", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        out.println(file);
        return Workbench.OK;
    }
}
