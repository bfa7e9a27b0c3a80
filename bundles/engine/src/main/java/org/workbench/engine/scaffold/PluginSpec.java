package org.workbench.engine.scaffold;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a new plugin project is: its kind and provider name, the version it builds, its Maven
 * coordinates and Java package, and the API version it compiles against.
 *
 * @param kind       the provider's kind ({@code optimizer}, ...)
 * @param name       the provider's name, lower case with dashes ({@code my-sgd})
 * @param version    the version the project builds by default
 * @param groupId    its Maven group
 * @param javaPackage its Java package
 * @param apiVersion the {@code org.workbench:api} artifact version it depends on
 * @param summary    the provider's one-line summary
 * @param dir        the project folder as the user wrote it (for the instructions printed)
 */
public record PluginSpec(String kind, String name, String version, String groupId, String javaPackage,
        String apiVersion, String summary, String dir) {

    /** {@code my-sgd} of kind optimizer: {@code MySgdOptimizer}; {@code fast-optimizer}: {@code FastOptimizer}. */
    public String className() {
        StringBuilder b = new StringBuilder();
        String words = name.equals(kind) || name.endsWith("-" + kind) ? name : name + "-" + kind;
        for (String part : words.split("-")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }

    /**
     * The example component's class, named for what it implements (the user's name is the
     * provider's): {@code LogisticPrior}, {@code WeightDecaySgd}, ... so that a generated
     * {@code cauchy} prior does not carry a logistic density under the name {@code CauchyPrior}.
     */
    public String exampleClass() {
        return switch (kind) {
            case "prior" -> "LogisticPrior";
            case "likelihood" -> "LaplaceNoiseLikelihood";
            case "optimizer" -> "WeightDecaySgd";
            case "data" -> "TwoGaussianClasses";
            case "layer" -> "TanhLayer";
            case "loss" -> "SquaredErrorLoss";
            case "task" -> "MonteCarloPi";
            default -> className();
        };
    }

    /** {@code optimizer-my-sgd}. */
    public String artifactId() {
        return kind + "-" + name;
    }

    /** {@code org.example.optimizer-my-sgd} for the default group {@code org.example.workbench}. */
    public String symbolicName() {
        String base = groupId.endsWith(".workbench") ? groupId.substring(0, groupId.length() - ".workbench".length()) : groupId;
        return base + "." + artifactId();
    }

    /** A Java package made of the name: {@code org.example.mysgd}. */
    public static String defaultPackage(String name) {
        return "org.example." + name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** The template variables. */
    Map<String, String> variables(String interfaceName) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("kind", kind);
        v.put("name", name);
        v.put("version", version);
        v.put("groupId", groupId);
        v.put("artifactId", artifactId());
        v.put("symbolicName", symbolicName());
        v.put("package", javaPackage);
        v.put("packagePath", javaPackage.replace('.', '/'));
        v.put("className", className());
        v.put("exampleClass", exampleClass());
        v.put("apiVersion", apiVersion);
        v.put("summary", summary);
        v.put("dir", dir);
        v.put("interface", interfaceName);
        v.put("interfaceSimple", interfaceName.substring(interfaceName.lastIndexOf('.') + 1));
        return v;
    }
}
