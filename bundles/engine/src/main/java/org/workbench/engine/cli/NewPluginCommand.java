package org.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.workbench.api.Workbench;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.Suggestions;
import org.workbench.engine.scaffold.PluginSpec;
import org.workbench.engine.scaffold.Scaffold;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code new-plugin KIND NAME}: a new plugin project that builds, passes its contract test and drops in. */
@Command(name = "new-plugin", header = "Create a new plugin project (Maven, API artifact only).",
        description = { "Writes a Maven project with one working component of KIND named NAME, its provider, "
                + "the API's contract test and a behaviour test. Build it with mvn -q -f DIR/pom.xml package "
                + "(-Dplugin.version=V builds version V) and drop target/*.jar into plugins/." })
final class NewPluginCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", paramLabel = "KIND", completionCandidates = ScaffoldKinds.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "The provider's name: lower case, digits and dashes (my-sgd).")
    String name;

    /** Here {@code --version} is the plugin's version, so this command has no standard version option. */
    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", paramLabel = "V", description = "The version it builds (default: ${DEFAULT-VALUE}); "
            + "mvn package -Dplugin.version=V builds another one later.")
    String version = "1.0.0";

    @Option(names = "--dir", paramLabel = "DIR", description = "The project folder (default: ./KIND-NAME, or "
            + "~/workbench-plugins/KIND-NAME when the current folder is inside the workbench's checkout).")
    Path dir;

    @Option(names = "--package", paramLabel = "P", description = "Its Java package (default: org.example.NAME without dashes).")
    String javaPackage;

    @Option(names = "--group", paramLabel = "G", description = "Its Maven groupId (default: ${DEFAULT-VALUE}).")
    String group = "org.example.workbench";

    @Option(names = "--summary", paramLabel = "TEXT", description = "The provider's one-line summary.")
    String summary;

    NewPluginCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        if (!Scaffold.KINDS.containsKey(kind)) {
            throw new InvalidInputException(null, null, "no plugin template for kind '" + kind + "'"
                    + Suggestions.didYouMean(kind, Scaffold.KINDS.keySet()) + "; kinds: "
                    + String.join(", ", Scaffold.KINDS.keySet()));
        }
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new InvalidInputException(null, null, "a plugin name is lower case letters and digits joined by "
                    + "dashes (e.g. my-sgd), got '" + name + "'");
        }
        if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
            throw new InvalidInputException(null, null, "--version needs MAJOR.MINOR.MICRO (e.g. 1.0.0), got '" + version + "'");
        }
        String pkg = javaPackage == null ? PluginSpec.defaultPackage(name) : javaPackage;
        if (!pkg.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
            throw new InvalidInputException(null, null, "--package needs a Java package name such as org.example.mysgd, got '"
                    + pkg + "'");
        }
        if (summary != null && (summary.isBlank() || summary.matches(".*[\"\\\\\\p{Cntrl}].*"))) {
            throw new InvalidInputException(null, null, "--summary needs one line of text without quotes or backslashes, "
                    + "got '" + summary + "'");
        }
        Path folder = dir == null ? defaultFolder(Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")),
                kind + "-" + name) : dir;
        if (Files.exists(folder) && !isEmptyFolder(folder)) {
            throw new InvalidInputException(folder, null, "already exists and is not an empty folder; choose another --dir");
        }
        PluginSpec spec = new PluginSpec(kind, name, version, group, pkg, context.versions().apiVersion(),
                summary == null ? defaultSummary() : summary, folder.toString());
        List<Path> files = new Scaffold().write(spec, folder);
        print(spec, folder, files);
        return Workbench.OK;
    }

    private String defaultSummary() {
        return switch (kind) {
            case "prior" -> "Independent logistic prior per coordinate (plugin " + name + ")";
            case "likelihood" -> "Laplace noise with scale b (plugin " + name + ")";
            case "optimizer" -> "Gradient descent with weight decay (plugin " + name + ")";
            case "data" -> "Two Gaussian classes, seeded (plugin " + name + ")";
            case "layer" -> "Element-wise tanh (plugin " + name + ")";
            case "loss" -> "Squared error against one-hot targets (plugin " + name + ")";
            case "task" -> "Pi from darts, with its estimate's curve and table (plugin " + name + ")";
            default -> kind + " " + name;
        };
    }

    /**
     * {@code ./PROJECT}, unless the current folder lies inside a checkout of the workbench (a folder
     * with the {@code workbench} script and {@code bundles/api}), where a plugin project does not
     * belong: then {@code ~/workbench-plugins/PROJECT}.
     */
    static Path defaultFolder(Path current, Path home, String project) {
        for (Path p = current; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("workbench")) && Files.isDirectory(p.resolve("bundles/api"))) {
                return home.resolve("workbench-plugins").resolve(project);
            }
        }
        return Path.of(project);
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }

    private void print(PluginSpec spec, Path folder, List<Path> files) {
        PrintStream out = context.out();
        String jar = spec.artifactId() + "-" + spec.version() + ".jar";
        out.println("created " + folder + ": " + spec.kind() + " '" + spec.name() + "', bundle " + spec.symbolicName()
                + " " + spec.version() + ", against org.workbench:api " + spec.apiVersion());
        files.forEach(f -> out.println("  " + f));
        out.println("build it (and run its tests):  mvn -q -f " + folder + "/pom.xml package");
        out.println("drop it in:  cp " + folder + "/target/" + jar + " plugins/" + jar + ".tmp && mv plugins/" + jar
                + ".tmp plugins/" + jar);
        out.println("a newer version:  mvn -q -f " + folder + "/pom.xml package -Dplugin.version=1.1.0");
    }
}
