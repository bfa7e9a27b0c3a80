package org.workbench.repository;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The configured repositories, by name, kept under {@code "repositories"} in the workbench's
 * settings file (a JSON object; other keys in it are kept as they are). Written under a
 * temporary name and renamed.
 */
final class RepositorySettings {
    static final String KEY = "repositories";
    static final String REQUIRE_SIGNED = "requireSigned";
    static final String TRUSTED_SIGNERS = "trustedSigners";
    private final Path file;

    RepositorySettings(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Name to URL, in the order they were added. */
    Map<String, URI> repositories() throws InvalidRequest, IOException {
        Map<String, URI> repositories = new LinkedHashMap<>();
        JsonObject section = read().getAsJsonObject(KEY);
        if (section == null) {
            return repositories;
        }
        for (Map.Entry<String, JsonElement> e : section.entrySet()) {
            if (!e.getValue().isJsonPrimitive()) {
                throw new InvalidRequest(file + ": $." + KEY + "." + e.getKey()
                        + " must be a string (the repository's URL or folder)");
            }
            repositories.put(e.getKey(), Locations.uri(e.getValue().getAsString(), file + ": $." + KEY + "." + e.getKey()));
        }
        return repositories;
    }

    /** Whether only signed plugins may be installed: {@code "requireSigned": true}. */
    boolean requireSigned() throws InvalidRequest, IOException {
        JsonElement value = read().get(REQUIRE_SIGNED);
        if (value == null) {
            return false;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw new InvalidRequest(file + ": $." + REQUIRE_SIGNED + " must be true or false");
        }
        return value.getAsBoolean();
    }

    /** {@code "requireSigned"} and {@code "trustedSigners"}: what an install asks of a jar's signature. */
    SigningPolicy signing() throws InvalidRequest, IOException {
        JsonElement value = read().get(TRUSTED_SIGNERS);
        java.util.Set<String> trusted = new java.util.TreeSet<>();
        if (value != null) {
            String example = "as keytool -list -v prints them (32 bytes of hex, e.g. [\"3A:F2:...:9C\"])";
            if (!value.isJsonArray()) {
                throw new InvalidRequest(file + ": $." + TRUSTED_SIGNERS
                        + " must be an array of signer certificates' SHA-256 fingerprints, " + example);
            }
            int i = 0;
            for (JsonElement e : value.getAsJsonArray()) {
                String fingerprint = e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
                        ? Fingerprints.normal(e.getAsString()) : null;
                if (fingerprint == null) {
                    throw new InvalidRequest(file + ": $." + TRUSTED_SIGNERS + "[" + i + "] is " + e
                            + ": it must be a signer certificate's SHA-256 fingerprint, " + example);
                }
                trusted.add(fingerprint);
                i++;
            }
        }
        return new SigningPolicy(requireSigned(), java.util.Collections.unmodifiableSet(trusted));
    }

    void add(String name, URI location) throws InvalidRequest, IOException {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new InvalidRequest("repo add: the name '" + name
                    + "' is not valid; use letters, digits, '.', '_' and '-' (e.g. local, team-2)");
        }
        JsonObject root = read();
        JsonObject section = root.getAsJsonObject(KEY);
        if (section == null) {
            section = new JsonObject();
            root.add(KEY, section);
        }
        section.addProperty(name, location.toString());
        write(root);
    }

    boolean remove(String name) throws InvalidRequest, IOException {
        JsonObject root = read();
        JsonObject section = root.getAsJsonObject(KEY);
        if (section == null || section.remove(name) == null) {
            return false;
        }
        write(root);
        return true;
    }

    private JsonObject read() throws InvalidRequest, IOException {
        if (!Files.isRegularFile(file)) {
            return new JsonObject();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(r);
            if (!root.isJsonObject()) {
                throw new InvalidRequest(file + ": $ must be a JSON object such as {\"" + KEY
                        + "\": {\"local\": \"file:/srv/plugins/\"}}");
            }
            JsonElement section = root.getAsJsonObject().get(KEY);
            if (section != null && !section.isJsonObject()) {
                throw new InvalidRequest(file + ": $." + KEY + " must be an object of name to URL, e.g. {\"local\": \"file:/srv/plugins/\"}");
            }
            return root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new InvalidRequest(file + ": not valid JSON: " + e.getMessage());
        }
    }

    private void write(JsonObject root) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".settings", ".tmp");
        try {
            Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                gson.toJson(root, w);
                w.write('\n');
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
