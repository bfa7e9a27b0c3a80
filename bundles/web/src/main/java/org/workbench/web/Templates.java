package org.workbench.web;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

/**
 * The pages' Mustache templates, read from this bundle's {@code templates/} folder and compiled
 * once. {@code {{x}}} escapes HTML; {@code {{{x}}}} is used only for HTML this bundle produced
 * (rendered markdown, JSON made HTML-safe).
 */
final class Templates {
    private final MustacheFactory factory = new DefaultMustacheFactory(name -> {
        InputStream in = Templates.class.getResourceAsStream("/templates/" + name);
        return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
    });

    String render(String name, Map<String, Object> model) {
        Mustache m = factory.compile(name + ".mustache");
        StringWriter out = new StringWriter();
        try {
            m.execute(out, model).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
