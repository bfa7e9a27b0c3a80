package org.workbench.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Titles and descriptions written in ASCII ("mu", "tau^2", "sigma^2", "xbar") shown in the symbols
 * the typeset math beside them uses (μ, τ², σ², x̄). Only whole names change: result keys such as
 * {@code tauPath} or {@code pluginMle} stay as they are.
 */
final class Prose {
    private static final Map<String, String> SYMBOLS = new LinkedHashMap<>();
    static {
        SYMBOLS.put("epsilon", "ε");
        SYMBOLS.put("eps", "ε");
        SYMBOLS.put("sigma", "σ");
        SYMBOLS.put("lambda", "λ");
        SYMBOLS.put("theta", "θ");
        SYMBOLS.put("tau", "τ");
        SYMBOLS.put("mu", "μ");
        SYMBOLS.put("pi", "π");
        SYMBOLS.put("xbar", "x̄");
    }
    /** A name standing alone, or followed by a subscript, an exponent or a digit (mu_MLE, tau^2, mu0). */
    private static final Pattern NAME = Pattern.compile("(?<![A-Za-z0-9_.])(" + String.join("|", SYMBOLS.keySet())
            + ")(?=$|[^A-Za-z]|_)");
    private static final Map<String, String> POWERS = Map.of("^2", "²", "^-1", "⁻¹", "^-p", "⁻ᵖ", "^T", "ᵀ");
    private static final Pattern POWER = Pattern.compile("\\^(2|-1|-p|T)(?![0-9A-Za-z])");

    private Prose() {
    }

    static String unicode(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(SYMBOLS.get(m.group(1))));
        }
        m.appendTail(out);
        Matcher p = POWER.matcher(out.toString());
        StringBuilder done = new StringBuilder();
        while (p.find()) {
            p.appendReplacement(done, Matcher.quoteReplacement(POWERS.get(p.group())));
        }
        p.appendTail(done);
        return done.toString().replace(" <= ", " ≤ ").replace(" >= ", " ≥ ").replace(" -> ", " → ");
    }
}
