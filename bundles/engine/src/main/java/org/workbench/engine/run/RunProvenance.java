package org.workbench.engine.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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
        return begin(workbenchHome, descriptor).with(facts);
    }

    /**
     * Starts reading the checkouts of {@code workbenchHome} (may be {@code null}) and of
     * {@code descriptor}'s folder beside the caller (their {@code git status}), so that a run can plan
     * meanwhile; {@link Pending#with} adds them, waiting for what is not known yet.
     */
    public static Pending begin(Path workbenchHome, Path descriptor) {
        Path folder = descriptor == null ? null : descriptor.toAbsolutePath().getParent();
        Path home = GitState.root(workbenchHome);
        CompletableFuture<Optional<GitState>> workbench = GitState.begin(workbenchHome);
        // a descriptor in the workbench's own checkout: the same state, asked once
        CompletableFuture<Optional<GitState>> own = home != null && home.equals(GitState.root(folder)) ? workbench
                : GitState.begin(folder);
        return new Pending(workbench, own);
    }

    /** The checkouts' states being read; {@link #with} waits for them. */
    public static final class Pending {
        private final CompletableFuture<Optional<GitState>> workbench;
        private final CompletableFuture<Optional<GitState>> descriptor;

        private Pending(CompletableFuture<Optional<GitState>> workbench, CompletableFuture<Optional<GitState>> descriptor) {
            this.workbench = workbench;
            this.descriptor = descriptor;
        }

        /** {@code facts} with the machine and the checkouts. */
        public Map<String, String> with(Map<String, String> facts) {
            Map<String, String> out = new LinkedHashMap<>(facts);
            out.put(HOST, HOST_NAME);
            out.put(CPU, CPU_JSON);
            JsonObject git = new JsonObject();
            workbench.join().ifPresent(g -> git.add("workbench", g.json()));
            descriptor.join().ifPresent(g -> git.add("descriptor", g.json()));
            if (git.size() > 0) {
                out.put(GIT, git.toString());
            }
            return out;
        }
    }
}
