package org.workbench.engine.scaffold;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {{variable}}} in a template; an unknown variable is an error, never left in place. */
final class TemplateText {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([A-Za-z]+)\\}\\}");

    private TemplateText() {
    }

    static String render(String template, Map<String, String> variables, String templateName) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("template " + templateName + " names an unknown variable {{" + m.group(1)
                        + "}}; known: " + variables.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
