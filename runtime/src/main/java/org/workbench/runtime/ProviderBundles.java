package org.workbench.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distribution's bundles that a light run leaves unstarted. {@code ./workbench} passes the provider
 * names that a light run's descriptors and options name ({@value #PROPERTY}{@code =gaussian-mean,gaussian,...});
 * the engine's index ({@value #FILE} at the distribution's root, {@code KIND NAME BUNDLE} a line, written
 * after a run that started every bundle) says which bundle provides what. A bundle is left unstarted
 * when it provides no named provider and every provider it has is of a kind that a descriptor names
 * itself (never a backend or an executor, which the engine may choose without their being named): its
 * providers are then not registered, and SCR neither reads nor activates its components. When the
 * engine finds a descriptor invalid at such a start (a provider it does not find), the launcher starts
 * the rest and asks again ({@link Launcher#execute}), so an incomplete list costs time, never a
 * different answer.
 */
final class ProviderBundles {
    /** The system property of the provider names a light run uses, separated by commas. */
    static final String PROPERTY = "workbench.uses";
    /** The engine's index at the distribution's root. */
    static final String FILE = "provider-bundles";
    /** The kinds whose providers a run uses only when named (a backend or an executor may be chosen by default). */
    static final Set<String> NAMED_KINDS = Set.of("task", "data", "prior", "likelihood", "optimizer", "sampler",
            "layer", "loss");
    /** Nothing left unstarted. */
    static final ProviderBundles ALL = new ProviderBundles(Set.of());

    private final Set<String> unneeded;

    ProviderBundles(Set<String> unneeded) {
        this.unneeded = Set.copyOf(unneeded);
    }

    /** For this start: from {@value #PROPERTY} and the index under {@code home}; {@link #ALL} without either. */
    static ProviderBundles of(Path home) throws IOException {
        String uses = System.getProperty(PROPERTY);
        if (uses == null || uses.isBlank()) {
            return ALL;
        }
        List<String> index;
        try {
            index = Files.readAllLines(home.resolve(FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return ALL;
        }
        // loops, not streams, here and below: a light start alone runs this code, and the class-data
        // archive (made by a start of every bundle) holds none of the lambdas that streams would spin
        Set<String> named = new HashSet<>();
        for (String use : uses.split(",")) {
            if (!use.isBlank()) {
                named.add(use.trim());
            }
        }
        return new ProviderBundles(unneeded(index, named));
    }

    /**
     * The symbolic names of the bundles in {@code index} (lines {@code KIND NAME BUNDLE}) that provide
     * none of {@code named} and only providers of {@link #NAMED_KINDS}. A line that does not read as
     * three words keeps every bundle started.
     */
    static Set<String> unneeded(List<String> index, Set<String> named) {
        Map<String, Boolean> skippable = new HashMap<>();
        for (String line : index) {
            if (line.isBlank()) {
                continue;
            }
            String[] words = line.trim().split(" ");
            if (words.length != 3) {
                return Set.of();
            }
            boolean skip = NAMED_KINDS.contains(words[0]) && !named.contains(words[1]);
            Boolean before = skippable.get(words[2]);
            skippable.put(words[2], before == null ? skip : before && skip);
        }
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, Boolean> e : skippable.entrySet()) {
            if (e.getValue()) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * The jars of {@code jars} (under {@code home}) that this start need not even install: those the
     * distribution's record ({@link BuiltInManifest}) names as a bundle left unstarted. Only at a
     * start with no plugin jar, since a plugin may require a capability of any bundle; the launcher
     * installs them when the engine finds its input invalid ({@link Launcher#execute}).
     */
    List<Path> notInstalled(Path home, List<Path> jars) {
        if (unneeded.isEmpty()) {
            return List.of();
        }
        Map<String, String> recorded = BuiltInManifest.symbolicNamesByPath(home);
        Path root = home.toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>();
        for (Path jar : jars) {
            Path relative = root.relativize(jar.toAbsolutePath().normalize());
            String name = recorded.get(relative.toString().replace(java.io.File.separatorChar, '/'));
            if (name != null && unneeded.contains(name)) {
                out.add(jar);
            }
        }
        return out;
    }

    /**
     * The bundle cache variant's suffix for a start that leaves {@code notInstalled} out: a cache of its
     * own for each set of jars left out (so each holds exactly the bundles its starts install), empty
     * when none is.
     */
    static String cacheSuffix(List<Path> notInstalled) {
        if (notInstalled.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (Path jar : notInstalled) {
            names.add(jar.getFileName().toString());
        }
        Collections.sort(names);
        return "-without-" + notInstalled.size() + "-" + Integer.toHexString(String.join(",", names).hashCode());
    }

    /** Whether some bundles are left unstarted. */
    boolean partial() {
        return !unneeded.isEmpty();
    }

    /** Whether the bundle named {@code symbolicName} is left unstarted at this start. */
    boolean leavesUnstarted(String symbolicName) {
        return unneeded.contains(symbolicName);
    }
}
