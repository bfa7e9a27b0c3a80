package org.workbench.engine.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The values of a run's pinned descriptor that are too large to copy into {@code result.json}:
 * every array that holds no objects, and every string, whose compact JSON takes more than
 * {@link #LIMIT} bytes (a 50 MB inline data set, say). They are written once, with the rest of the
 * pinned descriptor, as compact JSON to {@link #FILE} in the result folder, and {@code result.json}
 * (the effective descriptor, the components' parameters, the points' sweep values) refers to each
 * by a JSON Reference with its hash:
 * <pre>{"$ref": "inputs/descriptor.json#/components/data/with/x", "sha256": "…", "bytes": 48000000}</pre>
 * {@code sha256} and {@code bytes} are those of the value's compact JSON, which is exactly the text
 * of that value in {@link #FILE}. Objects, and arrays that hold objects (a network's layers), are
 * never replaced themselves: their members are looked at one by one.
 *
 * <p>The references are a function of the descriptor alone, so two runs of one descriptor still
 * write byte-identical {@code result.json}, and {@link #compact()} identifies a run for
 * {@code --resume} without keeping a copy of its data.
 */
public final class LargeValues {
    /** Values whose compact JSON is longer than this (1 MiB) are kept in {@link #FILE}, not in result.json. */
    public static final long LIMIT = 1L << 20;
    /** Where the pinned descriptor is kept when it has large values, relative to the result folder. */
    public static final String FILE = "inputs/descriptor.json";

    private final JsonObject full;
    private final Map<String, Ref> refs;
    private final JsonObject compact;

    /** A large value as the file holds it. */
    private record Ref(String sha256, long bytes) {
    }

    private LargeValues(JsonObject full, long limit) {
        this.full = full;
        Map<String, Ref> found = new LinkedHashMap<>();
        this.compact = (JsonObject) replace(full, "", limit, found);
        this.refs = Collections.unmodifiableMap(found);
    }

    /** The large values of {@code pinned} (a pinned effective descriptor, which is only read). */
    public static LargeValues of(JsonObject pinned) {
        return new LargeValues(pinned, LIMIT);
    }

    /** The same with another limit (for tests). */
    static LargeValues of(JsonObject pinned, long limit) {
        return new LargeValues(pinned, limit);
    }

    /** Whether any value is large (and {@link #FILE} is to be written). */
    public boolean any() {
        return !refs.isEmpty();
    }

    /** The descriptor as given to {@link #of}. */
    public JsonObject full() {
        return full;
    }

    /**
     * The descriptor with every large value replaced by its reference (equal to the full one when
     * nothing is large). Shares its small values with the full one: read it, never change it.
     */
    public JsonObject compact() {
        return compact;
    }

    /** Writes {@link #FILE} (the full descriptor, compact) under {@code resultFolder}. */
    public void writeFile(Path resultFolder) throws IOException {
        Path file = resultFolder.resolve(FILE);
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            JsonText.compact(full, w);
        }
    }

    /**
     * The JSON of a value that was read from the descriptor at {@code pointer} (a JSON Pointer,
     * RFC 6901, such as {@code /components/data/with/x}): its reference when it is large, or lies
     * inside a large value (a sweep axis of large arrays), and otherwise {@code small.get()}.
     */
    public JsonElement at(String pointer, Supplier<JsonElement> small) {
        if (refs.isEmpty()) {
            return small.get();
        }
        Ref ref = refs.get(pointer);
        if (ref != null) {
            return reference(pointer, ref);
        }
        for (String outer : refs.keySet()) {
            if (pointer.startsWith(outer + "/")) {
                JsonElement inner = resolve(full, pointer);
                return inner == null ? small.get() : reference(pointer, measure(inner));
            }
        }
        return small.get();
    }

    /** {@code /components/data/with/x} from its keys and indexes ({@code ~} and {@code /} escaped). */
    public static String pointer(Object... steps) {
        StringBuilder b = new StringBuilder();
        for (Object s : steps) {
            b.append('/').append(String.valueOf(s).replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }

    private static JsonElement replace(JsonElement e, String pointer, long limit, Map<String, Ref> found) {
        if (e.isJsonObject()) {
            JsonObject copy = new JsonObject();
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                copy.add(m.getKey(), replace(m.getValue(), pointer + pointer(m.getKey()), limit, found));
            }
            return copy;
        }
        if (e.isJsonArray() && holdsObjects(e.getAsJsonArray())) {
            JsonArray a = e.getAsJsonArray();
            JsonArray copy = new JsonArray(a.size());
            for (int i = 0; i < a.size(); i++) {
                copy.add(replace(a.get(i), pointer + "/" + i, limit, found));
            }
            return copy;
        }
        if (e.isJsonArray() || (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
                && e.getAsString().length() * 6L > limit)) {
            Ref ref = measure(e);
            if (ref.bytes() > limit) {
                found.put(pointer, ref);
                return reference(pointer, ref);
            }
        }
        return e;
    }

    /**
     * A copy of {@code e} in which every object, and every array that holds objects, is new, while
     * the other arrays and the primitives are shared: what pinning versions into a descriptor
     * changes is copied, its data (read only) is not.
     */
    public static JsonElement structuralCopy(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject copy = new JsonObject();
            e.getAsJsonObject().entrySet().forEach(m -> copy.add(m.getKey(), structuralCopy(m.getValue())));
            return copy;
        }
        if (e.isJsonArray() && holdsObjects(e.getAsJsonArray())) {
            JsonArray copy = new JsonArray(e.getAsJsonArray().size());
            e.getAsJsonArray().forEach(x -> copy.add(structuralCopy(x)));
            return copy;
        }
        return e;
    }

    private static boolean holdsObjects(JsonArray a) {
        for (JsonElement x : a) {
            if (x.isJsonObject()) {
                return true;
            }
        }
        return false;
    }

    private static JsonObject reference(String pointer, Ref ref) {
        JsonObject o = new JsonObject();
        o.addProperty("$ref", FILE + "#" + fragment(pointer));
        o.addProperty("sha256", ref.sha256());
        o.addProperty("bytes", ref.bytes());
        return o;
    }

    /** A JSON Pointer as a URI fragment: characters other than unreserved ones, sub-delims, ':', '@' and '/' percent-encoded. */
    static String fragment(String pointer) {
        StringBuilder b = new StringBuilder();
        for (byte c : pointer.getBytes(StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || "-._~!$&'()*+,;=:@/".indexOf(u) >= 0) {
                b.append((char) u);
            } else {
                b.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) u));
            }
        }
        return b.toString();
    }

    /** The element at {@code pointer}, or {@code null}. */
    static JsonElement resolve(JsonElement root, String pointer) {
        JsonElement at = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String step = raw.replace("~1", "/").replace("~0", "~");
            if (at instanceof JsonObject o && o.has(step)) {
                at = o.get(step);
            } else if (at instanceof JsonArray a && step.matches("\\d+") && Integer.parseInt(step) < a.size()) {
                at = a.get(Integer.parseInt(step));
            } else {
                return null;
            }
        }
        return at;
    }

    /** The SHA-256 and length of {@code e}'s compact JSON, streamed (never held as text). */
    private static Ref measure(JsonElement e) {
        DigestCount out = new DigestCount();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            JsonText.compact(e, w);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return new Ref(HexFormat.of().formatHex(out.digest.digest()), out.count);
    }

    /** @return whether {@code e} is one of this class's references */
    public static boolean isReference(JsonElement e) {
        return e instanceof JsonObject o && o.size() == 3 && o.get("$ref") instanceof JsonPrimitive p && p.isString()
                && p.getAsString().startsWith(FILE + "#") && o.has("sha256") && o.has("bytes");
    }

    private static final class DigestCount extends OutputStream {
        private final MessageDigest digest;
        private long count;

        DigestCount() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
            count += len;
        }
    }
}
