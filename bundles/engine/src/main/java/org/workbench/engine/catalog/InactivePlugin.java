package org.workbench.engine.catalog;

import java.util.Locale;

/**
 * A provider in the plugins folder that the engine cannot use, and why: its bundle does not
 * resolve ("needs org.workbench.api [1.3,2), installed 1.2.0"), or it registers a provider without
 * {@code @WorkbenchProvider}, so that nothing names it. Messages that find no provider by a name
 * ({@code run}, {@code validate}, {@code describe}, {@code list KIND}) add this explanation.
 *
 * @param kind   the kind its component declares, or {@code null} when it declares none
 * @param name   the name its component declares, or {@code null} when it declares none
 * @param where  the jar and bundle, e.g. "adam.jar, bundle org.example.adam 1.0.0"
 * @param reason why it is not active
 * @param hint   text a name without a declared one is matched against (class, bundle and jar names)
 */
public record InactivePlugin(String kind, String name, String where, String reason, String hint) {

    /** Whether it is what a descriptor means by {@code kind} (any when {@code null}) and {@code name}. */
    public boolean matches(String kind, String name) {
        if (this.name != null) {
            return this.name.equals(name) && (kind == null || kind.equals(this.kind));
        }
        String wanted = squash(name);
        return !wanted.isEmpty() && squash(hint).contains(wanted);
    }

    /** Whether it declares (or may be) a provider of {@code kind}. */
    public boolean ofKind(String kind) {
        return this.kind == null || this.kind.equals(kind);
    }

    /** "adam is in plugins/ (adam.jar, bundle org.example.adam 1.0.0) but not active: needs ...". */
    public String explanation(String asked) {
        return (name != null ? name : asked) + " is in plugins/ (" + where + ") but not active: " + reason;
    }

    /** A line for {@code list KIND}. */
    public String line() {
        return (kind == null ? "?" : kind) + " " + (name == null ? "(unnamed)" : name) + ": " + where
                + ": not active: " + reason;
    }

    private static String squash(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
