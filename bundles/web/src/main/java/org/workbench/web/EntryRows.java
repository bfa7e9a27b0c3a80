package org.workbench.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Markdown tables that show an array's first and last entries ({@code epochs.0}, {@code epochs.1},
 * {@code epochs.-3}, {@code epochs.-2}, {@code epochs.-1}: epochs 1, 2 and the last three) show each entry
 * once whatever the array's length. In a table that reads an array counting from both ends, a row whose
 * entries of that array an earlier row already showed, or that the array is too short to have, is left out:
 * a 3-epoch run shows epochs 1, 2, 3 rather than 1, 2, 1, 2, 3, and a 1-epoch run one row. Other rows and
 * other tables are kept as written (a row past the end of an array read only from the start still shows a
 * dash and its reason).
 */
final class EntryRows {
    private EntryRows() {
    }

    /** {@code markdown} without the repeated or absent rows of its both-ends tables; unchanged when there is no run. */
    static String distinct(String markdown, JsonObject result) {
        if (result == null || !markdown.contains("|")) {
            return markdown;
        }
        String[] lines = markdown.split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length;) {
            if (!isRow(lines[i])) {
                out.add(lines[i++]);
                continue;
            }
            int end = i;
            while (end < lines.length && isRow(lines[end])) {
                end++;
            }
            out.addAll(table(List.of(lines).subList(i, end), result));
            i = end;
        }
        return String.join("\n", out);
    }

    private static boolean isRow(String line) {
        return line.stripLeading().startsWith("|");
    }

    private static List<String> table(List<String> rows, JsonObject result) {
        List<Set<String>> entries = new ArrayList<>();
        Set<String> fromStart = new HashSet<>();
        Set<String> fromEnd = new HashSet<>();
        for (String row : rows) {
            Set<String> e = new TreeSet<>();
            Matcher m = Placeholders.PLACEHOLDER.matcher(row);
            while (m.find()) {
                indexed(m.group(1), result, e, fromStart, fromEnd);
            }
            entries.add(e);
        }
        Set<String> bothEnds = new HashSet<>(fromStart);
        bothEnds.retainAll(fromEnd);
        if (bothEnds.isEmpty()) {
            return rows;
        }
        List<String> kept = new ArrayList<>();
        Set<Set<String>> shown = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            Set<String> own = new TreeSet<>();
            boolean absent = false;
            for (String entry : entries.get(r)) {
                int hash = entry.lastIndexOf('#');
                if (bothEnds.contains(entry.substring(0, hash))) {
                    own.add(entry);
                    absent |= entry.endsWith(OUT_OF_RANGE);
                }
            }
            if (own.isEmpty() || (!absent && shown.add(own))) {
                kept.add(rows.get(r));
            }
        }
        return kept;
    }

    private static final String OUT_OF_RANGE = "#absent";

    /**
     * Adds {@code ARRAY#INDEX} for each numeric segment of {@code path} that indexes an array of the run: the
     * array's path (earlier indices resolved) and the entry it names ({@code ARRAY#absent} past either end).
     */
    private static void indexed(String path, JsonObject result, Set<String> entries, Set<String> fromStart,
            Set<String> fromEnd) {
        String[] segments = path.split("\\.");
        StringBuilder resolved = new StringBuilder();
        for (int k = 0; k < segments.length; k++) {
            String seg = segments[k];
            if (k > 0 && seg.matches("-?\\d+")) {
                JsonElement array = Placeholders.lookup(result, resolved.toString());
                if (array != null && array.isJsonArray()) {
                    int size = array.getAsJsonArray().size();
                    int index = Integer.parseInt(seg);
                    (index < 0 ? fromEnd : fromStart).add(resolved.toString());
                    index = index < 0 ? size + index : index;
                    boolean inside = index >= 0 && index < size;
                    entries.add(resolved + (inside ? "#" + index : OUT_OF_RANGE));
                    if (!inside) {
                        return;
                    }
                    seg = Integer.toString(index);
                }
            }
            if (k > 0) {
                resolved.append('.');
            }
            resolved.append(seg);
        }
    }
}
