package org.workbench.engine.store;

import java.util.ArrayList;
import java.util.List;

import org.workbench.engine.input.InvalidInputException;

/**
 * Parses the {@code --where} language (docs/run-store.md):
 * <pre>
 * expr       := term ('or' term)*
 * term       := factor ('and' factor)*
 * factor     := 'not' factor | '(' expr ')' | KEY OP literal
 * OP         := '=' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '~'   (~: contains, ignoring case)
 * literal    := number | 'text' | "text" | true | false
 * </pre>
 * Words are case-insensitive; keys are {@code experiment}, {@code run}, {@code status}, {@code task},
 * {@code title}, {@code started}, {@code duration}, {@code homework}, {@code tag}, {@code note} or
 * dotted keys such as {@code prior.scale} and {@code results.testMse.map}. A fault is an
 * {@link InvalidInputException} naming the position (1-based) and what would be valid there.
 */
public final class WhereParser {
    static final String OPERATORS = "=, !=, <, <=, >, >=, ~";
    private final String text;
    private int at;

    private WhereParser(String text) {
        this.text = text;
    }

    /** The expression {@code text}; blank means every run. */
    public static Where parse(String text) throws InvalidInputException {
        if (text == null || text.isBlank()) {
            return new Where.Everything();
        }
        WhereParser p = new WhereParser(text);
        Where w = p.expression();
        p.skipSpace();
        if (p.at < text.length()) {
            throw p.fault("expected 'and', 'or' or the end, got " + p.shown());
        }
        return w;
    }

    private Where expression() throws InvalidInputException {
        List<Where> parts = new ArrayList<>();
        parts.add(term());
        while (word("or")) {
            parts.add(term());
        }
        return parts.size() == 1 ? parts.get(0) : new Where.Junction(false, parts);
    }

    private Where term() throws InvalidInputException {
        List<Where> parts = new ArrayList<>();
        parts.add(factor());
        while (word("and")) {
            parts.add(factor());
        }
        return parts.size() == 1 ? parts.get(0) : new Where.Junction(true, parts);
    }

    private Where factor() throws InvalidInputException {
        skipSpace();
        if (word("not")) {
            return new Where.Not(factor());
        }
        if (symbol("(")) {
            Where inner = expression();
            skipSpace();
            if (!symbol(")")) {
                throw fault("expected ')' to close the '(', got " + shown());
            }
            return inner;
        }
        return comparison();
    }

    private Where comparison() throws InvalidInputException {
        skipSpace();
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "._-".indexOf(text.charAt(at)) >= 0)) {
            at++;
        }
        String key = text.substring(start, at);
        if (key.isEmpty()) {
            throw fault("expected a key (" + String.join(", ", StoreKeys.FIELD_ORDER)
                    + ", or a dotted key such as prior.scale or results.testMse.map), 'not' or '(', got " + shown());
        }
        if (!StoreKeys.wellFormed(key)) {
            at = start;
            throw fault("'" + key + "' is not a key: letters, digits, _ and - in segments joined by dots");
        }
        if (!StoreKeys.known(key)) {
            at = start;
            throw fault("no key '" + key + "'; a key is one of " + String.join(", ", StoreKeys.FIELD_ORDER)
                    + ", or a dotted parameter or result key such as prior.scale or results.testMse.map");
        }
        skipSpace();
        String op = operator();
        if (op == null) {
            throw fault("expected an operator (" + OPERATORS + ") after '" + key + "', got " + shown());
        }
        skipSpace();
        int valueAt = at;
        Object value = literal();
        check(key, op, value, valueAt);
        return new Where.Comparison(key, op, value);
    }

    private void check(String key, String op, Object value, int valueAt) throws InvalidInputException {
        StoreKeys.Field field = StoreKeys.FIELDS.get(key);
        if (op.equals("~") && !(value instanceof String)) {
            at = valueAt;
            throw fault("'~' (contains) needs a quoted text, got " + value);
        }
        if (field == null) {
            if (value instanceof Boolean && !op.equals("=") && !op.equals("!=")) {
                at = valueAt;
                throw fault("true and false compare only with = and !=");
            }
            return;
        }
        if (field.type() == Boolean.class && !(value instanceof Boolean)) {
            at = valueAt;
            throw fault("'" + key + "' is true or false, got " + describe(value));
        }
        if (field.type() == Boolean.class && !op.equals("=") && !op.equals("!=")) {
            at = valueAt;
            throw fault("'" + key + "' compares only with = and !=");
        }
        if (field.type() == Double.class && !(value instanceof Double)) {
            at = valueAt;
            throw fault("'" + key + "' is a number (milliseconds), got " + describe(value));
        }
        if (field.type() == String.class && !(value instanceof String)) {
            at = valueAt;
            throw fault("'" + key + "' is text: put the value in quotes, got " + describe(value));
        }
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private String operator() {
        for (String op : List.of("!=", "<=", ">=", "=", "<", ">", "~")) {
            if (text.startsWith(op, at)) {
                at += op.length();
                return op;
            }
        }
        return null;
    }

    private Object literal() throws InvalidInputException {
        if (at >= text.length()) {
            throw fault("expected a value (a number, 'text' in quotes, true or false), got the end");
        }
        char c = text.charAt(at);
        if (c == '\'' || c == '"') {
            int start = at;
            StringBuilder s = new StringBuilder();
            at++;
            while (true) {
                if (at >= text.length()) {
                    at = start;
                    throw fault("the text starting here has no closing " + c);
                }
                char d = text.charAt(at++);
                if (d == c) {
                    if (at < text.length() && text.charAt(at) == c) {
                        s.append(c); // a doubled quote stands for itself
                        at++;
                        continue;
                    }
                    return s.toString();
                }
                s.append(d);
            }
        }
        int start = at;
        while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && text.charAt(at) != ')'
                && text.charAt(at) != '(') {
            at++;
        }
        String word = text.substring(start, at);
        if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
            return Boolean.valueOf(word.toLowerCase(java.util.Locale.ROOT));
        }
        try {
            double d = Double.parseDouble(word);
            if (Double.isFinite(d) && word.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        at = start;
        throw fault("expected a value (a number such as 0.5 or 1e-3, 'text' in quotes, true or false), got "
                + (word.isEmpty() ? shown() : "'" + word + "'")
                + (word.matches("[\\p{L}_][\\p{L}\\p{N}_.:/-]*") ? "; text needs quotes: '" + word + "'" : ""));
    }

    private boolean word(String w) {
        skipSpace();
        int end = at + w.length();
        if (text.regionMatches(true, at, w, 0, w.length())
                && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_'
                        && text.charAt(end) != '.')) {
            at = end;
            return true;
        }
        return false;
    }

    private boolean symbol(String s) {
        skipSpace();
        if (text.startsWith(s, at)) {
            at += s.length();
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private String shown() {
        if (at >= text.length()) {
            return "the end";
        }
        int end = at;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && end - at < 20) {
            end++;
        }
        return "'" + text.substring(at, end) + "'";
    }

    private InvalidInputException fault(String message) {
        return new InvalidInputException(null, null, "--where \"" + text + "\": at position " + (at + 1) + ": " + message);
    }
}
