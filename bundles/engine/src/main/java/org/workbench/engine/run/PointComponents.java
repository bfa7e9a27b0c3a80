package org.workbench.engine.run;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.Cells;
import org.workbench.api.ComponentContext;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.Provider;
import org.workbench.engine.input.ParameterBinder;

/**
 * The components of one sweep point, created on first use from their providers (so that a
 * component may ask for a peer, e.g. data asking for the prior) and cached for the point. Each
 * gets a seed derived from the point's seed and its label. Confined to the point's thread.
 */
final class PointComponents {
    private final Map<String, ResolvedComponent> byLabel = new LinkedHashMap<>();
    private final Plan plan;
    private final PlanPoint point;
    private final Path baseDirectory;
    private final Map<String, Object> created = new LinkedHashMap<>();
    private final Map<String, Long> seeds = new LinkedHashMap<>();
    private final Deque<String> creating = new ArrayDeque<>();
    private final PointInputs inputs;

    /**
     * @param folder         where the point's artifacts go (inputs it keeps land in its {@code inputs/})
     * @param relativeFolder that folder relative to the result folder ("" or "points/3/")
     */
    PointComponents(Plan plan, PlanPoint point, Path folder, String relativeFolder) {
        plan.allComponents().forEach(c -> byLabel.put(c.label(), c));
        this.plan = plan;
        this.point = point;
        this.baseDirectory = plan.descriptor().baseDirectory();
        this.inputs = new PointInputs(folder, relativeFolder);
    }

    boolean has(String label) {
        return byLabel.containsKey(label);
    }

    /** The component labelled {@code label}, created now if it was not yet. */
    synchronized Object get(String label) {
        Object existing = created.get(label);
        if (existing != null) {
            return existing;
        }
        ResolvedComponent c = byLabel.get(label);
        if (c == null) {
            throw new IllegalArgumentException("this run has no component '" + label + "'; it has "
                    + String.join(", ", byLabel.keySet()));
        }
        if (creating.contains(label)) {
            throw new ComponentFailure(label, "components ask for each other in a cycle: "
                    + String.join(" -> ", creating) + " -> " + label, null);
        }
        creating.push(label);
        try {
            ComponentContext context = contextFor(label);
            seeds.put(label, context.seed());
            Provider<?> provider = c.entry().provider();
            Object component = provider.create(point.parametersOf(label), context);
            if (component == null || !provider.type().isInstance(component)) {
                throw new ComponentFailure(label, c.entry().label() + " created " + component + ", not a "
                        + provider.type().getSimpleName(), null);
            }
            created.put(label, component);
            return component;
        } catch (InvalidParameterException e) {
            throw e;
        } catch (ComponentFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ComponentFailure(label, c.entry().label() + " (bundle " + c.entry().bundle()
                    + ") failed to create its component: " + org.workbench.engine.input.PluginFault.reason(e), e);
        } finally {
            creating.pop();
        }
    }

    /** The resolved component behind {@code label}. */
    ResolvedComponent resolved(String label) {
        return byLabel.get(label);
    }

    /** Labels of the components of {@code role}, in order. */
    List<String> labelsOf(String role) {
        return byLabel.values().stream().filter(c -> c.role().equals(role)).map(ResolvedComponent::label).toList();
    }

    /** The files read and the tables generated so far by the point's components and task, in order. */
    List<InputRecord> inputs() {
        return inputs.records();
    }

    /** The seed of every component created so far, by label. */
    synchronized Map<String, Long> seeds() {
        return seeds;
    }

    /** The context of the component (or, for label {@code task}, the task) labelled {@code label}; its seed derives from the point's. */
    ComponentContext contextFor(String label) {
        return new Context(label, Seeds.derive(point.seed(), label));
    }

    /**
     * The first point of the plan that agrees with this one on every sweep key except
     * {@code role.parameter} for the given parameters: the point whose seed those points share.
     */
    private PlanPoint sharedPoint(String role, String... parameters) {
        java.util.Set<String> free = new java.util.HashSet<>();
        for (String parameter : parameters) {
            free.add(role + "." + parameter);
        }
        for (PlanPoint q : plan.points()) {
            boolean same = true;
            for (Map.Entry<String, com.google.gson.JsonElement> e : point.set().entrySet()) {
                if (!free.contains(e.getKey()) && !e.getValue().equals(q.set().get(e.getKey()))) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return q;
            }
        }
        return point;
    }

    private final class Context implements ComponentContext {
        private final String label;
        private final long seed;

        Context(String label, long seed) {
            this.label = label;
            this.seed = seed;
        }

        @Override
        public String role() {
            return label;
        }

        @Override
        public long seed() {
            return seed;
        }

        @Override
        public long seedAcross(String... parameters) {
            long shared = Seeds.derive(sharedPoint(label, parameters).seed(), label);
            if (seeds.containsKey(label)) {
                seeds.put(label, shared);
            }
            return shared;
        }

        @Override
        public Path resolve(Path path) {
            return ParameterBinder.resolve(baseDirectory, path);
        }

        @Override
        public Path input(Path path) {
            Path resolved = resolve(path);
            inputs.read(label, resolved);
            return resolved;
        }

        @Override
        public void generated(String name, List<String> columns, int rows, Cells cells) {
            inputs.generated(label, seed, name, columns, rows, cells);
        }

        @Override
        public <C> C peer(String role, Class<C> type) {
            Object component = get(role);
            if (!type.isInstance(component)) {
                throw new IllegalArgumentException("the component in role '" + role + "' is a "
                        + component.getClass().getName() + ", not a " + type.getName());
            }
            return type.cast(component);
        }

        @Override
        public boolean hasPeer(String role) {
            return has(role);
        }
    }
}
