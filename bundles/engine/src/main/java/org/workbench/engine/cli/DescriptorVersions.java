package org.workbench.engine.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** The {@code version} range a descriptor gives beside a component's {@code use}, found by the component's JSON path. */
final class DescriptorVersions {
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_-]+)|\\[(\\d+)\\]");

    private DescriptorVersions() {
    }

    /**
     * @param component the component's JSON path, e.g. {@code $.components.prior} or {@code $.components.network[1]}
     * @return its {@code version}, or {@code null} when it has none or the file cannot be read
     */
    static String at(Path descriptor, String component) {
        try (Reader r = Files.newBufferedReader(descriptor, StandardCharsets.UTF_8)) {
            JsonElement e = JsonParser.parseReader(r);
            Matcher m = STEP.matcher(component.startsWith("$") ? component.substring(1) : component);
            while (e != null && m.find()) {
                if (m.group(1) != null) {
                    e = e.isJsonObject() ? e.getAsJsonObject().get(m.group(1)) : null;
                } else {
                    int i = Integer.parseInt(m.group(2));
                    e = e.isJsonArray() && i < e.getAsJsonArray().size() ? e.getAsJsonArray().get(i) : null;
                }
            }
            JsonElement version = e != null && e.isJsonObject() ? e.getAsJsonObject().get("version") : null;
            return version != null && version.isJsonPrimitive() ? version.getAsString() : null;
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return null;
        }
    }
}
