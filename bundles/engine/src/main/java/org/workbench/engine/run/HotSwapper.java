package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.VersionRange;
import org.workbench.api.Parameters;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.descriptor.SwapStep;
import org.workbench.engine.catalog.DeclaredParameters;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.ParameterBinder;

/**
 * Finds, for one sweep point, a newer provider of a role inside the descriptor's version range,
 * creates its component with the point's parameters (bound anew against the newer provider's
 * declaration) and records the swap. Only used when the descriptor says {@code "hotSwap": true}.
 */
final class HotSwapper {
    private final Plan plan;
    private final PlanPoint point;
    private final ProviderSource live;
    private final PointComponents components;
    private final long startNanos = System.nanoTime();
    private final Map<String, ProviderEntry> current = new HashMap<>();
    private final Map<String, Integer> checks = new HashMap<>();
    private final List<Swap> swaps = new ArrayList<>();

    HotSwapper(Plan plan, PlanPoint point, ProviderSource live, PointComponents components) {
        this.plan = plan;
        this.point = point;
        this.live = live;
        this.components = components;
    }

    /**
     * A component from a newer provider of {@code role}, or empty; {@code at} names the task's safe
     * point (or null). A descriptor that records swaps ({@code "swaps"}, from an earlier run's
     * effective descriptor) replays exactly those, and takes no others.
     */
    <C> Optional<C> newer(String role, Class<C> type, String at) {
        List<SwapStep> replay = plan.descriptor().swaps();
        if (!plan.descriptor().hotSwap() && replay.isEmpty() || !components.has(role)) {
            return Optional.empty();
        }
        int check = checks.merge(role, 1, Integer::sum);
        long t0 = System.nanoTime();
        ResolvedComponent resolved = components.resolved(role);
        ProviderEntry now = current.getOrDefault(role, resolved.entry());
        Optional<ProviderEntry> candidate;
        if (!replay.isEmpty()) {
            Integer index = plan.swept() ? point.index() : null;
            Optional<SwapStep> step = replay.stream().filter(s -> s.matches(role, index, at, check)).findFirst();
            if (step.isEmpty()) {
                return Optional.empty();
            }
            candidate = live.entries().stream()
                    .filter(e -> e.kind().equals(now.kind()) && e.name().equals(now.name()))
                    .filter(e -> e.version().equals(step.get().version()))
                    .filter(ProviderEntry::available).findFirst();
            if (candidate.isEmpty()) {
                throw new ComponentFailure(role, "cannot replay the swap to " + now.kind() + " '" + now.name() + "' "
                        + step.get().version() + (at == null ? "" : " at " + at) + ": that version is not installed", null);
            }
        } else {
            VersionRange range = resolved.spec().versionRange() == null ? null
                    : VersionRange.valueOf(resolved.spec().versionRange());
            candidate = live.entries().stream()
                    .filter(e -> e.kind().equals(now.kind()) && e.name().equals(now.name()))
                    .filter(e -> range == null || range.includes(e.version()))
                    .filter(e -> e.version().compareTo(now.version()) > 0)
                    .filter(ProviderEntry::available)
                    .max(Comparator.comparing(ProviderEntry::version));
        }
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        ProviderEntry next = candidate.get();
        Parameters parameters = bind(role, resolved, next);
        Object component;
        try {
            component = next.provider().create(parameters, components.contextFor(role));
        } catch (org.workbench.api.InvalidParameterException e) {
            throw new ComponentFailure(role, "cannot swap in " + next.label() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ComponentFailure(role, next.label() + " (bundle " + next.bundle() + ") failed to create its "
                    + "component: " + org.workbench.engine.input.PluginFault.reason(e), e);
        }
        if (!type.isInstance(component)) {
            return Optional.empty();
        }
        com.google.gson.JsonObject recorded = new com.google.gson.JsonObject();
        parameters.asMap().forEach((k, v) -> recorded.add(k, org.workbench.engine.output.JsonValues.value(v)));
        swaps.add(new Swap((System.nanoTime() - startNanos) / 1_000_000, role, now.bundle(), now.version().toString(),
                next.bundle(), next.version().toString(), (System.nanoTime() - t0) / 1000, next.name(), at, check,
                recorded));
        current.put(role, next);
        return Optional.of(type.cast(component));
    }

    /** The point's parameters of {@code role} bound anew against {@code next}'s declaration. */
    private Parameters bind(String role, ResolvedComponent resolved, ProviderEntry next) {
        try {
            return new ParameterBinder(plan.descriptor().file(), plan.descriptor().baseDirectory()).bind(
                    DeclaredParameters.of(next, plan.descriptor().file()),
                    Planner.withSweep(resolved.spec().with(), role, point.set()),
                    resolved.spec().jsonPath() + ".with", next.label());
        } catch (InvalidInputException e) {
            throw new ComponentFailure(role, "cannot swap in " + next.label() + ": " + e.report(), e);
        }
    }

    /**
     * Continues a resumed point with the provider versions its interrupted attempt used at its
     * newest checkpoint ({@link Checkpoints#resumedVersions()}): each such role's component is created
     * from that version (whatever the plan resolved now), later checks look for versions newer than
     * it, and the swaps made before that checkpoint ({@code made}) stay this point's swaps. Call it
     * before the task asks for any component.
     *
     * @throws ComponentFailure when such a version is not installed (the resume checks this first,
     *                          {@link ResumedVersions})
     */
    void resume(Map<String, String> versions, List<Swap> made) {
        for (Map.Entry<String, String> v : versions.entrySet()) {
            String role = v.getKey();
            if (!components.has(role)) {
                throw new ComponentFailure(role, "the checkpoint to resume from used a " + role
                        + " that this run does not have", null);
            }
            ResolvedComponent resolved = components.resolved(role);
            ProviderEntry planned = resolved.entry();
            ProviderEntry entry = live.entries().stream()
                    .filter(e -> e.kind().equals(planned.kind()) && e.name().equals(planned.name()))
                    .filter(e -> e.version().toString().equals(v.getValue()))
                    .filter(ProviderEntry::available).findFirst()
                    .orElseThrow(() -> new ComponentFailure(role, "cannot resume with " + planned.kind() + " '"
                            + planned.name() + "' " + v.getValue() + ", the version the checkpoint was trained with: "
                            + "that version is not installed", null));
            // bound anew even at the planned version: the points' parameters may be bound against another
            components.use(role, entry, bind(role, resolved, entry));
            current.put(role, entry);
        }
        swaps.addAll(made);
    }

    /** The last swap made, if any. */
    Optional<Swap> last() {
        return swaps.isEmpty() ? Optional.empty() : Optional.of(swaps.get(swaps.size() - 1));
    }

    List<Swap> swaps() {
        return swaps;
    }
}
