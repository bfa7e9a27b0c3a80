package org.workbench.engine.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of {@code result.json}: the published contract of what a run
 * writes, kept as a resource beside this class ({@code result.schema.json}) and checked against every
 * result the integration tests produce. Unlike the descriptor schema it does not depend on the
 * providers installed: a task's own keys are its tree under {@code results}, and its
 * {@code layout} says how they are shown.
 */
public final class ResultSchema {
    /** The file name {@code schema} writes it under, beside the descriptor schema. */
    public static final String FILE = "result.schema.json";

    private ResultSchema() {
    }

    /** The schema's text, as published. */
    public static String text() {
        try (InputStream in = ResultSchema.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("the engine bundle lacks its resource " + FILE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
