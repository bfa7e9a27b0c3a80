package org.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.workbench.api.Workbench;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.schema.DescriptorSchema;

import com.google.gson.GsonBuilder;

/**
 * {@code schema [FILE]}: the JSON Schema of descriptors built from the live catalogue, printed, or
 * written to FILE (whole or not at all) with its path printed.
 */
public final class SchemaCommand {
    private final ProviderSource providers;

    public SchemaCommand(ProviderSource providers) {
        this.providers = providers;
    }

    public int write(List<String> arguments, PrintStream out) throws InvalidInputException, IOException {
        if (arguments.size() > 1) {
            throw new InvalidInputException(null, null, "schema takes at most one argument, the file to write, e.g. "
                    + "./workbench schema workbench.schema.json; got " + String.join(" ", arguments));
        }
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(new DescriptorSchema(providers).build()) + "\n";
        if (arguments.isEmpty()) {
            out.print(json);
            return Workbench.OK;
        }
        Path file = Path.of(arguments.get(0)).toAbsolutePath();
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
