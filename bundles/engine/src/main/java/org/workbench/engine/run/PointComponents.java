package org.workbench.engine.run;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.workbench.api.Cells;
import org.workbench.api.ComponentContext;
import org.workbench.api.Dataset;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.Provider;
import org.workbench.engine.descriptor.SweepAxis;
import org.workbench.engine.input.ParameterBinder;

/**
 * The components of one sweep point, created on first use from their providers (so that a
 * component may ask for a peer, e.g. data asking for the prior) and cached for the point. Each
 * gets a seed derived from its label and the seed of the point its random stream belongs to, which
 * depends only on its own role's sweep values (common random numbers). Confined to the point's thread.
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
    /** Parameters bound against another provider version than the plan's ({@link #use}). */
    private final Map<String, org.workbench.api.Parameters> rebound = new LinkedHashMap<>();

    /**
     * @param folder         where the point's artifacts go (inputs it keeps land in its {@code inputs/})
     * @param relativeFolder that folder relative to the result folder ("" or "points/3/")
     */
    PointComponents(Plan plan, PlanPoint point, Path folder, String relativeFolder) {
        plan.allComponents().forEach(c -> byLabel.put(c.label(), c));
        byLabel.putAll(point.components());
        this.plan = plan;
        this.point = point;
        this.baseDirectory = plan.descriptor().baseDirectory();
        this.inputs = new PointInputs(folder, relativeFolder);
    }

    /**
     * Creates the component labelled {@code label} from {@code entry} with {@code parameters} (bound
     * against that provider) instead of the plan's provider: a resumed point continuing with the
     * version its checkpoint was trained with. Only before the component is created.
     */
    synchronized void use(String label, org.workbench.engine.catalog.ProviderEntry entry,
            org.workbench.api.Parameters parameters) {
        if (created.containsKey(label)) {
            throw new IllegalStateException("component '" + label + "' was created already");
        }
        ResolvedComponent c = byLabel.get(label);
        byLabel.put(label, new ResolvedComponent(c.role(), c.index(), c.label(), entry, c.spec(), c.choice()));
        rebound.put(label, parameters);
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
            Object component = provider.create(rebound.containsKey(label) ? rebound.get(label)
                    : point.parametersOf(label), context);
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

    /**
     * The context of the component (or, for label {@code task}, the task) labelled {@code label}.
     * Its seed derives from the seed of the point its random stream belongs to
     * ({@link #streamPoint(String, Set)}): common random numbers along the sweep's other roles.
     */
    ComponentContext contextFor(String label) {
        return new Context(label, Seeds.derive(streamPoint(roleOf(label), Set.of()).seed(), label));
    }

    private String roleOf(String label) {
        ResolvedComponent c = byLabel.get(label);
        return c == null ? label : c.role();
    }

    /**
     * The point whose seed the random stream of a component of {@code role} takes at this point:
     * the first point of the sweep with this point's values of the role's own sweep keys (and of
     * {@code seed}), the other sweep keys (and the role's keys in {@code free}) at their first
     * values. So a component's stream depends only on the seed and its own role's sweep values: a
     * sweep over {@code task.lambda} or {@code optimizer.learningRate} sees one data set and one
     * initialisation, a sweep over {@code seed} varies everything. Found from the sweep's
     * Cartesian order in time linear in the number of axes.
     */
    private PlanPoint streamPoint(String role, Set<String> free) {
        List<SweepAxis> axes = plan.descriptor().sweep();
        if (axes.isEmpty()) {
            return point;
        }
        int index = 0;
        for (int a = 0; a < axes.size(); a++) {
            SweepAxis axis = axes.get(a);
            int at = 0;
            boolean own = axis.isSeed() || axis.key().startsWith(role + ".") || axis.role().equals(role);
            if (own && !free.contains(axis.key())) {
                at = plan.positions().firstAt(point.index(), a);
            }
            index = index * axis.values().size() + at;
        }
        return plan.points().get(index);
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
            Set<String> free = new HashSet<>();
            for (String parameter : parameters) {
                free.add(roleOf(label) + "." + parameter);
            }
            long shared = Seeds.derive(streamPoint(roleOf(label), free).seed(), label);
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

        /**
         * As the API's default (columns {@code x1..xp} then {@code y}, its test set as
         * {@code <name>-test}), the data set's arrays recorded at once without a copy: they stay as
         * they are, unlike a component's own cells.
         */
        @Override
        public void generated(String name, Dataset data) {
            int p = data.columns();
            double[] y = data.targets();
            List<String> columns = new ArrayList<>();
            for (int j = 1; j <= p; j++) {
                columns.add("x" + j);
            }
            columns.add(p == 0 ? "value" : "y");
            inputs.generated(label, seed, name, columns, data.rows(),
                    (row, column) -> column < p ? data.x(row, column) : y[row], true);
            if (data.test() != null) {
                generated(name + "-test", data.test());
            }
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
