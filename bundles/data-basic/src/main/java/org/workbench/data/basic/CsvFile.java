package org.workbench.data.basic;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.InvalidParameterException;

/**
 * Reads a numeric CSV file with a header line. Blank lines are skipped; fields may be quoted
 * ({@code "a,b"}, with {@code ""} for a quote). A file that does not fit throws an
 * {@link InvalidParameterException} whose message names the file, the line and the column and says
 * what would be valid.
 */
final class CsvFile implements DataSource {
    /** The system property that sets the largest CSV file read, in bytes. */
    static final String MAX_BYTES_PROPERTY = "workbench.maxCsvBytes";
    /** The system property that sets the longest line of a CSV file, in characters. */
    static final String MAX_LINE_PROPERTY = "workbench.maxCsvLineChars";
    /** 1 GiB: about 100 million numbers, 800 MB as doubles. */
    static final long DEFAULT_MAX_BYTES = 1L << 30;
    /** 1 Mi characters: some 50,000 columns of numbers. */
    static final int DEFAULT_MAX_LINE = 1 << 20;
    private final Path file;
    private final long maxBytes;
    private final int maxLine;
    private final String target;

    /**
     * @param file   the resolved file
     * @param target the column holding y, or {@code null} for a one-column file of values
     */
    CsvFile(Path file, String target) {
        this(file, target, Long.getLong(MAX_BYTES_PROPERTY, DEFAULT_MAX_BYTES),
                Integer.getInteger(MAX_LINE_PROPERTY, DEFAULT_MAX_LINE));
    }

    CsvFile(Path file, String target, long maxBytes, int maxLine) {
        this.file = file;
        this.target = target;
        this.maxBytes = maxBytes;
        this.maxLine = maxLine;
    }

    @Override
    public Dataset load() throws IOException {
        if (Files.isDirectory(file)) {
            throw new InvalidParameterException("path", file + " is a folder; give the path of a CSV file, "
                    + "relative to the descriptor's folder or absolute");
        }
        if (!Files.exists(file)) {
            throw new InvalidParameterException("path", file + ": no such file; give the path of a CSV file, "
                    + "relative to the descriptor's folder or absolute");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidParameterException("path", file + " is not a regular file (a device, a FIFO or a socket "
                    + "is never read as data); give the path of a CSV file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidParameterException("path", file + " cannot be read (permission denied)");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new InvalidParameterException("path", file + " is " + size + " bytes, more than the limit of "
                    + maxBytes + " bytes for a CSV file; raise it with -D" + MAX_BYTES_PROPERTY + "=BYTES");
        }
        try (Reader reader = new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder())) {
            return read(new BoundedLines(reader, maxLine, maxBytes));
        } catch (BoundedLines.TooLong e) {
            throw fault("path", e.line(), e.wholeText() ? "the file grew past the limit of " + maxBytes
                    + " bytes while it was read" : "longer than " + maxLine + " characters (the limit for one line "
                    + "of a CSV file, -D" + MAX_LINE_PROPERTY + "=CHARS); is it a CSV file with one observation a line?");
        }
    }

    private Dataset read(BoundedLines reader) throws IOException {
        String line;
        int lineNumber = 0;
        List<String> header = null;
        while (header == null && (line = reader.next()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                header = header(line, lineNumber);
            }
        }
        if (header == null) {
            throw fault("path", lineNumber, "the file is empty; it needs a header line naming the columns, "
                    + "then one line of numbers per observation");
        }
        int columns = header.size();
        int targetColumn = targetColumn(header);
        int features = target == null ? 0 : columns - 1;
        double[] x = new double[1024 * features];
        double[] y = new double[1024];
        int rows = 0;
        while ((line = reader.next()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line, lineNumber);
            if (fields.size() != columns) {
                throw fault("path", lineNumber, "has " + fields.size() + " field" + (fields.size() == 1 ? "" : "s")
                        + " but the header has " + columns + " (" + columns(header) + ")");
            }
            if (rows == y.length) {
                y = Arrays.copyOf(y, rows * 2);
                if (features > 0) {
                    x = Arrays.copyOf(x, rows * 2 * features);
                }
            }
            int f = 0;
            for (int c = 0; c < columns; c++) {
                double v = number(fields.get(c), lineNumber, c, header.get(c));
                if (c == targetColumn) {
                    y[rows] = v;
                } else {
                    x[rows * features + f++] = v;
                }
            }
            rows++;
        }
        // a header without rows is a data set of no observations (n = 0), its columns named
        return Dataset.of(rows, features, Arrays.copyOf(x, rows * features),
                Arrays.copyOf(y, rows));
    }

    private List<String> header(String line, int lineNumber) {
        List<String> names = split(line, lineNumber);
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            if (name.isEmpty()) {
                throw fault("path", lineNumber, "column " + (c + 1) + " of the header has no name; "
                        + "the first line must name every column");
            }
            if (isNumber(name)) {
                throw fault("path", lineNumber, "column " + (c + 1) + " of the header is the number '" + excerpt(name)
                        + "'; the first line must name the columns (a header row is required)");
            }
            if (!seen.add(name)) {
                throw fault("path", lineNumber, "column " + (c + 1) + " repeats the column name '" + excerpt(name)
                        + "'; column names must be unique");
            }
        }
        return names;
    }

    private int targetColumn(List<String> header) {
        if (target == null) {
            if (header.size() != 1) {
                throw new InvalidParameterException("target", file + " has " + header.size() + " columns ("
                        + String.join(", ", header) + "); give 'target' naming the column that holds y, "
                        + "or use a file with a single column of values");
            }
            return 0;
        }
        int index = header.indexOf(target);
        if (index < 0) {
            throw new InvalidParameterException("target", file + " line 1 has no column '" + target
                    + "'; valid columns are " + columns(header));
        }
        return index;
    }

    private double number(String field, int lineNumber, int column, String name) {
        if (isNumber(field)) {
            double v = Double.parseDouble(field);
            if (Double.isFinite(v)) {
                return v;
            }
        }
        throw fault("path", lineNumber, "column " + (column + 1) + " ('" + excerpt(name) + "'): '" + excerpt(field)
                + "' is not a finite number; every field after the header must be a decimal number such as -1.5 or 2e-3");
    }

    /** A decimal number: [+-] digits [. digits] [e [+-] digits], at least one digit before the exponent. */
    static boolean isNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** At most 12 column names, each shortened, for messages: a file that is not a CSV is never echoed whole. */
    private static String columns(List<String> header) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < Math.min(header.size(), 12); c++) {
            b.append(c == 0 ? "" : ", ").append(excerpt(header.get(c)));
        }
        return header.size() > 12 ? b.append(", ... (").append(header.size()).append(" columns)").toString()
                : b.toString();
    }

    /** A field shortened to 32 characters with its control characters escaped, for messages. */
    private static String excerpt(String text) {
        String s = text.length() > 32 ? text.substring(0, 29) + "..." : text;
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : Character.toString(c)));
        return b.toString();
    }

    /** Splits one line on commas, honouring double quotes; fields are trimmed. */
    private List<String> split(String line, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw fault("path", lineNumber, "has a quote that is never closed; close it with '\"'");
        }
        fields.add(field.toString().trim());
        return fields;
    }

    private InvalidParameterException fault(String parameter, int lineNumber, String what) {
        return new InvalidParameterException(parameter, file + " line " + lineNumber + ": " + what);
    }
}
