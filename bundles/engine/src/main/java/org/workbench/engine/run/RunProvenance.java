package org.workbench.engine.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonObject;

/**
 * Where and from what a run ran, added to its provenance: {@code host}, {@code cpu} ({@code model},
 * {@code cores}) and {@code git}: the commit and dirty flag of the workbench's own checkout
 * ({@code git.workbench}, when it runs from one) and of the checkout that holds the descriptor
 * ({@code git.descriptor}, when there is one). A key is left out when there is nothing true to say.
 */
public final class RunProvenance {
    public static final String HOST = "host";
    public static final String CPU = "cpu";
    public static final String GIT = "git";
    /** The facts whose values are JSON text, written into provenance as JSON. */
    static final Set<String> JSON = Set.of(CPU, GIT, ThirdParty.KEY);
    private static final String HOST_NAME = MachineFacts.host();
    private static final String CPU_JSON = MachineFacts.cpu().toString();

    private RunProvenance() {
    }

    /**
     * {@code facts} with the machine and the checkouts of {@code workbenchHome} (may be {@code null})
     * and of {@code descriptor}'s folder.
     */
    public static Map<String, String> with(Map<String, String> facts, Path workbenchHome, Path descriptor) {
        Map<String, String> out = new LinkedHashMap<>(facts);
        out.put(HOST, HOST_NAME);
        out.put(CPU, CPU_JSON);
        Optional<GitState> workbench = GitState.of(workbenchHome);
        Path folder = descriptor == null ? null : descriptor.toAbsolutePath().getParent();
        Optional<GitState> own = workbench.isPresent() && folder != null && folder.startsWith(workbench.get().root())
                ? workbench : GitState.of(folder);
        JsonObject git = new JsonObject();
        workbench.ifPresent(g -> git.add("workbench", g.json()));
        own.ifPresent(g -> git.add("descriptor", g.json()));
        if (git.size() > 0) {
            out.put(GIT, git.toString());
        }
        return out;
    }
}
