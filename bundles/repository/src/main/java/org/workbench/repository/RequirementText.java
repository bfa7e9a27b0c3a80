package org.workbench.repository;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.resource.Requirement;

/** A requirement as a person reads it: {@code package org.apache.commons.math3.special [3.6.0,4.0.0)}. */
final class RequirementText {
    private static final Pattern LOW = Pattern.compile("\\((?:bundle-)?version>=([^)]+)\\)");
    private static final Pattern HIGH = Pattern.compile("\\(!\\((?:bundle-)?version>=([^)]+)\\)\\)");

    private RequirementText() {
    }

    static String of(Requirement r) {
        String filter = r.getDirectives().getOrDefault("filter", "");
        String ns = r.getNamespace();
        String word = switch (ns) {
            case "osgi.wiring.package" -> "package";
            case "osgi.wiring.bundle" -> "bundle";
            case "osgi.wiring.host" -> "host";
            case "osgi.identity" -> "bundle";
            case "osgi.ee" -> "Java";
            case ProviderCapabilities.NAMESPACE -> "provider";
            default -> ns;
        };
        Matcher name = Pattern.compile("\\(" + Pattern.quote(ns) + "=([^)]+)\\)").matcher(filter);
        if (!name.find()) {
            return word + " " + filter;
        }
        String text = word + " " + name.group(1);
        String without = filter.replaceAll("\\(!\\((?:bundle-)?version>=[^)]+\\)\\)", "");
        Matcher low = LOW.matcher(without);
        Matcher high = HIGH.matcher(filter);
        if (low.find()) {
            text += " [" + low.group(1) + "," + (high.find() ? high.group(1) + ")" : "\u221e)");
        }
        return text;
    }
}
