package org.workbench.engine.descriptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.workbench.engine.input.InvalidInputException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Reads a descriptor as strict JSON (RFC 8259): UTF-8 only, no comments, no single quotes, no
 * trailing commas, no NaN, and every key of an object named once. Each fault is reported with its
 * line and column in words of our own (Gson's hints about lenient parsing never reach the user).
 * Numbers keep their exact decimal value ({@link BigDecimal}), so that a value such as
 * {@code 1e999} or a 30-digit seed is checked as written instead of being rounded first.
 */
public final class StrictJson {
    /** Objects and arrays nested deeper than this are refused (a descriptor needs a handful of levels). */
    static final int MAX_DEPTH = 200;
    private static final Pattern LOCATION = Pattern.compile("at line (\\d+) column (\\d+)");

    private StrictJson() {
    }

    /**
     * Decodes and parses {@code bytes} as one JSON object. The bytes are checked as UTF-8 in one
     * pass and then decoded as they are parsed, so that no copy of the text is made beside them (a
     * 50 MB descriptor would otherwise take 150 MB more as chars and a string); the text is made
     * only to quote it in an error message.
     */
    public static JsonObject parseObject(Path file, byte[] bytes) throws InvalidInputException {
        validateUtf8(file, bytes);
        int bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        JsonReader reader = new JsonReader(new InputStreamReader(new ByteArrayInputStream(bytes, bom,
                bytes.length - bom), StandardCharsets.UTF_8));
        reader.setStrictness(Strictness.STRICT);
        try {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new InvalidInputException(file, "$", "a descriptor must be a JSON object {...}, found "
                        + describe(reader.peek()));
            }
            JsonElement root = read(file, reader, 0);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new InvalidInputException(file, "$", "malformed JSON " + location(reader)
                        + ": text after the closing brace of the descriptor");
            }
            return root.getAsJsonObject();
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw malformed(file, new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8), e);
        }
    }

    private static JsonElement read(Path file, JsonReader reader, int depth) throws IOException, InvalidInputException {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(file, reader.getPath(), "objects and arrays nested deeper than "
                    + MAX_DEPTH + " levels " + location(reader));
        }
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject o = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (o.has(name)) {
                        throw new InvalidInputException(file, reader.getPath(), "duplicate key '" + name + "' "
                                + location(reader) + "; a JSON object names each key once (the first is kept by "
                                + "some readers, the last by others)");
                    }
                    o.add(name, read(file, reader, depth + 1));
                }
                reader.endObject();
                return o;
            }
            case BEGIN_ARRAY -> {
                JsonArray a = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    a.add(read(file, reader, depth + 1));
                }
                reader.endArray();
                return a;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                String literal = reader.nextString();
                try {
                    return new JsonPrimitive(new BigDecimal(literal));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(file, reader.getPath(), "the number " + shorten(literal)
                            + " " + location(reader) + " cannot be represented (its exponent is too large)");
                }
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new IllegalStateException("unexpected " + reader.peek() + " " + location(reader));
        }
    }

    /** Strict UTF-8: a byte sequence that is not UTF-8 is an error naming its line, never U+FFFD. */
    static void validateUtf8(Path file, byte[] bytes) throws InvalidInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(1 << 14);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int offset = in.position();
                int line = 1;
                for (int i = 0; i < offset; i++) {
                    if (bytes[i] == '\n') {
                        line++;
                    }
                }
                throw new InvalidInputException(file, null, "line " + line + " is not valid UTF-8 (byte 0x"
                        + String.format("%02x", bytes[offset] & 0xff) + " at offset " + offset
                        + "); save the descriptor as UTF-8");
            }
            out.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        decoder.flush(out);
    }

    private static InvalidInputException malformed(Path file, String text, Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = LOCATION.matcher(message);
        if (!m.find()) {
            return new InvalidInputException(file, null, "malformed JSON: " + firstLine(message));
        }
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        String near = near(text, line, column);
        String what;
        if (near.startsWith("//") || near.startsWith("/*") || near.startsWith("#")) {
            what = "comments are not allowed in JSON (put notes in the \"description\" key)";
        } else if (near.startsWith("'")) {
            what = "names and strings take double quotes, not single quotes";
        } else if (message.startsWith("End of input")) {
            what = "the text ends before the JSON does (a missing '}' or ']'?)";
        } else if (message.startsWith("Use JsonReader")) {
            what = "not strict JSON near " + quote(near)
                    + " (names and strings in double quotes; literals true, false, null; no trailing commas; no NaN)";
        } else {
            what = firstLine(message.substring(0, m.start()).strip()) + " near " + quote(near);
        }
        return new InvalidInputException(file, null, "malformed JSON at line " + line + " column " + column + ": " + what);
    }

    /** A few characters of {@code text} around a 1-based line and column, for messages. */
    private static String near(String text, int line, int column) {
        int start = 0;
        for (int l = 1; l < line && start >= 0; l++) {
            start = text.indexOf('\n', start) + 1;
            if (start == 0) {
                return "";
            }
        }
        int from = Math.max(start, start + column - 2);
        int end = text.indexOf('\n', from);
        end = end < 0 ? text.length() : end;
        String s = text.substring(Math.min(from, end), Math.min(end, from + 12)).strip();
        return s;
    }

    private static String quote(String near) {
        StringBuilder b = new StringBuilder("'");
        near.codePoints().forEach(c -> b.append(Character.isISOControl(c) ? '?' : Character.toString(c)));
        return b.append("'").toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String shorten(String literal) {
        return literal.length() <= 24 ? literal : literal.substring(0, 20) + "...";
    }

    private static String location(JsonReader reader) {
        Matcher m = LOCATION.matcher(reader.toString());
        return m.find() ? "at line " + m.group(1) + " column " + m.group(2) : "";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            case END_DOCUMENT -> "nothing (the file is empty)";
            default -> token.toString();
        };
    }
}
