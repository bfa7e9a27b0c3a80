package org.workbench.engine.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.workbench.engine.input.InvalidInputException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * A run's tags and notes, kept beside its {@code result.json} so that the folder stays the record:
 * {@value #TAGS} (a JSON array of words) and {@value #NOTES} (free text). Written under a temporary
 * name and renamed, so a reader sees the old file or the new one, and the folder's modification time
 * changes (which the store's sync notices).
 */
public final class RunAnnotations {
    public static final String TAGS = "tags.json";
    public static final String NOTES = "notes.md";
    /** The longest tag. */
    static final int TAG_LENGTH = 64;

    private RunAnnotations() {
    }

    /** The tags of the run in {@code folder}, in the order they were added; none when there is no file. */
    public static List<String> tags(Path folder) throws IOException {
        Path file = folder.resolve(TAGS);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (root.isJsonArray()) {
                for (JsonElement e : root.getAsJsonArray()) {
                    if (e.isJsonPrimitive() && valid(e.getAsString()) == null) {
                        tags.add(e.getAsString());
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a JSON array of tags: " + e.getMessage(), e);
        }
        return tags;
    }

    /** The notes of the run in {@code folder}, or {@code null} when it has none. */
    public static String notes(Path folder) throws IOException {
        Path file = folder.resolve(NOTES);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    /** Adds {@code add} to the run's tags and removes {@code remove}; returns the tags now. */
    public static List<String> retag(Path folder, List<String> add, List<String> remove)
            throws IOException, InvalidInputException {
        for (String tag : add) {
            String problem = valid(tag);
            if (problem != null) {
                throw new InvalidInputException(null, null, "tag '" + tag + "': " + problem);
            }
        }
        Set<String> tags = new LinkedHashSet<>(tags(folder));
        tags.addAll(add);
        tags.removeAll(remove);
        JsonArray array = new JsonArray();
        tags.forEach(array::add);
        if (tags.isEmpty()) {
            Files.deleteIfExists(folder.resolve(TAGS));
            touch(folder);
        } else {
            write(folder, TAGS, array + "\n");
        }
        return List.copyOf(tags);
    }

    /** Replaces the run's notes with {@code text} (none when blank). */
    public static void note(Path folder, String text) throws IOException {
        if (text == null || text.isBlank()) {
            Files.deleteIfExists(folder.resolve(NOTES));
            touch(folder);
        } else {
            write(folder, NOTES, text.endsWith("\n") ? text : text + "\n");
        }
    }

    /** Why {@code tag} is not a tag, or {@code null} when it is one. */
    static String valid(String tag) {
        if (tag.isEmpty() || tag.length() > TAG_LENGTH) {
            return "a tag has 1 to " + TAG_LENGTH + " characters";
        }
        if (!tag.matches("[\\p{L}\\p{N}_.:/+-]+")) {
            return "a tag is one word of letters, digits and _ . : / + - (no spaces, quotes or commas)";
        }
        return null;
    }

    private static void write(Path folder, String name, String content) throws IOException {
        Path temporary = Files.createTempFile(folder, "." + name, ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        touch(folder);
    }

    /** Marks the folder changed, for the store's sync (a rename within the same second may keep its time). */
    private static void touch(Path folder) throws IOException {
        java.nio.file.attribute.FileTime now = java.nio.file.attribute.FileTime.from(java.time.Instant.now());
        java.nio.file.attribute.FileTime was = Files.getLastModifiedTime(folder);
        Files.setLastModifiedTime(folder, now.compareTo(was) > 0 ? now
                : java.nio.file.attribute.FileTime.fromMillis(was.toMillis() + 1));
    }
}
