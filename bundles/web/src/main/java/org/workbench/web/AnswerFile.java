package org.workbench.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code experiments/<base>.md}: front matter ({@code questions:}, {@code order:}, {@code plot:}) between
 * {@code ---} lines, then level-2 sections (Question, Answer, Derivation, Printed solution, Numbers).
 *
 * @param base      the descriptor's base name
 * @param questions the homework question ids it answers
 * @param order     the order among several descriptors of one question
 * @param sections  section title to its markdown, in file order
 * @param plots     the run's plot files that support the answer ({@code plot: posterior.png}, several
 *                  separated by commas), in order; empty when the key is absent
 */
record AnswerFile(String base, List<String> questions, int order, Map<String, String> sections, List<String> plots) {
    static AnswerFile read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String base = name.substring(0, name.length() - ".md".length());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> questions = new ArrayList<>();
        int order = Integer.MAX_VALUE;
        List<String> plots = new ArrayList<>();
        int i = 0;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            for (i = 1; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
                String line = lines.get(i);
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (key.equals("questions")) {
                    for (String q : value.split("[\\s,]+")) {
                        if (!q.isEmpty()) {
                            questions.add(q);
                        }
                    }
                } else if (key.equals("plot")) {
                    for (String plot : value.split("[\\s,]+")) {
                        if (!plot.isEmpty()) {
                            plots.add(plot);
                        }
                    }
                } else if (key.equals("order")) {
                    try {
                        order = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IOException(file + ": front matter 'order' must be a whole number, got '" + value + "'");
                    }
                }
            }
            i++;
        }
        Map<String, String> sections = new LinkedHashMap<>();
        String title = null;
        StringBuilder body = new StringBuilder();
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                if (title != null) {
                    sections.put(title, body.toString().strip());
                }
                title = line.substring(3).strip();
                body.setLength(0);
            } else if (title != null) {
                body.append(line).append('\n');
            }
        }
        if (title != null) {
            sections.put(title, body.toString().strip());
        }
        return new AnswerFile(base, List.copyOf(questions), order, sections, List.copyOf(plots));
    }

    String section(String title) {
        return sections.getOrDefault(title, "");
    }
}
