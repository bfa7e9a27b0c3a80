package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Role;
import org.workbench.api.TaskProvider;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.catalog.TypeWords;
import org.workbench.engine.descriptor.ComponentSpec;
import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.Origins;
import org.workbench.engine.descriptor.RoleSpec;
import org.workbench.engine.descriptor.SweepAxis;
import org.workbench.engine.descriptor.SweepPlotSpec;
import org.workbench.engine.catalog.DeclaredParameters;
import org.workbench.engine.input.FaultList;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.ParameterBinder;
import org.workbench.engine.input.Suggestions;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Turns a {@link Descriptor} into a {@link Plan}: resolves the task and every component through
 * the registry, checks roles against what the task declares, and validates the parameters of every
 * sweep point before anything runs.
 */
public final class Planner {
    /** Role label used for the task in sweeps and provenance. */
    public static final String TASK = "task";
    private final ProviderResolver resolver;
    private final long maxPoints;

    public Planner(ProviderResolver resolver) {
        this(resolver, SweepSize.DEFAULT_LIMIT);
    }

    /** A planner that refuses sweeps of more than {@code maxPoints} points ({@link SweepSize}). */
    public Planner(ProviderResolver resolver, long maxPoints) {
        this.resolver = resolver;
        this.maxPoints = maxPoints;
    }

    public Plan plan(Descriptor d) throws InvalidInputException {
        if (Origins.builtInOnly(d) && !resolver.takesBuiltInOnly()) {
            return new Planner(resolver.builtInOnly(), maxPoints).plan(d);
        }
        ComponentSpec taskSpec = d.task();
        ProviderEntry task = resolver.resolve(Kinds.TASK, taskSpec.use(), taskSpec.versionRange(), d.file(),
                taskSpec.jsonPath());
        if (!(task.provider() instanceof TaskProvider taskProvider)) {
            throw new InvalidInputException(d.file(), taskSpec.jsonPath(), task.label()
                    + " is registered as a task but does not implement TaskProvider");
        }
        List<Role<?>> roles = taskProvider.roles();
        // independent checks report together (up to InvalidInputException.LIMIT faults): every role's
        // provider, every component's parameters, the plots
        FaultList faults = new FaultList();
        Map<String, List<ResolvedComponent>> components = resolveRoles(d, task, roles, faults);
        ComponentAxes axes = new ComponentAxes(d, resolver, task, roles, components);
        boolean resolved = !faults.any();
        if (resolved) {
            faults.attempt(() -> {
                checkSwaps(d, components);
                return null;
            }, null);
        }
        ParameterBinder binder = new ParameterBinder(d.file(), d.baseDirectory());
        List<PlanPoint> points = resolved || d.sweep().isEmpty()
                ? faults.attempt(() -> expand(d, task, components, axes, binder), List.of()) : List.of();
        if (!points.isEmpty() && axes.any()) {
            placeFirstPoint(roles, components, points.get(0));
        }
        faults.attempt(() -> {
            checkPlots(d);
            checkPlotKeys(d, task, new DeclaredResultKeys(taskProvider.resultKeys()));
            return null;
        }, null);
        faults.throwIfAny();
        return new Plan(d, task, roles, components, points);
    }

    /**
     * A role whose provider is swept shows, in the plan's components (provenance, titles, bundle
     * pins), the first point's component; each point carries its own ({@link PlanPoint#components()}).
     */
    private static void placeFirstPoint(List<Role<?>> roles, Map<String, List<ResolvedComponent>> components,
            PlanPoint first) {
        Map<String, List<ResolvedComponent>> ordered = new LinkedHashMap<>();
        for (Role<?> role : roles) {
            ResolvedComponent swept = first.components().get(role.name());
            List<ResolvedComponent> own = swept != null ? List.of(swept) : components.get(role.name());
            if (own != null) {
                ordered.put(role.name(), own);
            }
        }
        components.clear();
        components.putAll(ordered);
    }

    /** Every recorded swap names a version of its role's provider that is installed, so that a replay can make it. */
    private void checkSwaps(Descriptor d, Map<String, List<ResolvedComponent>> components) throws InvalidInputException {
        for (int i = 0; i < d.swaps().size(); i++) {
            org.workbench.engine.descriptor.SwapStep step = d.swaps().get(i);
            List<ResolvedComponent> role = components.get(step.role());
            if (role == null || role.size() != 1) {
                throw new InvalidInputException(d.file(), "$.swaps[" + i + "].role", "the task has no single component in "
                        + "role '" + step.role() + "' to swap");
            }
            ProviderEntry from = role.get(0).entry();
            List<ProviderEntry> same = resolver.named(from.kind(), from.name());
            if (same.stream().noneMatch(e -> e.version().equals(step.version()))) {
                throw new InvalidInputException(d.file(), "$.swaps[" + i + "].version", "the run swapped in "
                        + from.kind() + " '" + from.name() + "' " + step.version() + ", which is not installed, so the "
                        + "swap cannot be replayed; installed: " + same.stream().map(e -> e.version().toString()).sorted()
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
    }

    private static void checkPlots(Descriptor d) throws InvalidInputException {
        List<String> keys = d.sweep().stream().map(SweepAxis::key).toList();
        for (SweepPlotSpec plot : d.plots()) {
            if (!keys.contains(plot.x()) && !SweepPlots.isCurveKey(plot.x(), d) && !SweepPlots.isResultKey(plot.x(), d)) {
                throw new InvalidInputException(d.file(), plot.jsonPath() + ".x", "a plot's x must be a sweep key"
                        + " (or results.KEY to plot against a result, or LIST.FIELD of a list in each point's results,"
                        + " such as epochs.epoch, for one curve per point)"
                        + (keys.isEmpty() ? ", and this descriptor has no sweep" : Suggestions.didYouMean(plot.x(), keys)
                                + "; sweep keys: " + String.join(", ", keys)) + "; got '" + plot.x() + "'");
            }
        }
    }

    /** Every plot's y key (and an x of the form results.KEY or LIST.FIELD) names a result the task declares. */
    private static void checkPlotKeys(Descriptor d, ProviderEntry task, DeclaredResultKeys declared)
            throws InvalidInputException {
        if (!declared.declared()) {
            return;
        }
        List<String> sweepKeys = d.sweep().stream().map(SweepAxis::key).toList();
        for (SweepPlotSpec plot : d.plots()) {
            String x = plot.x();
            boolean curve = !sweepKeys.contains(x) && !SweepPlots.isResultKey(x, d);
            String list = curve ? x.substring(0, x.indexOf('.')) : null;
            if (curve) {
                requireDeclared(d, task, declared, plot.jsonPath() + ".x", x, list, x.substring(list.length() + 1));
            } else if (SweepPlots.isResultKey(x, d)) {
                requireDeclared(d, task, declared, plot.jsonPath() + ".x", x, null,
                        x.substring(SweepPlots.RESULT_PREFIX.length()));
            }
            for (int k = 0; k < plot.y().size(); k++) {
                String y = plot.y().get(k);
                String field = curve && y.startsWith(list + ".") ? y.substring(list.length() + 1) : y;
                requireDeclared(d, task, declared, plot.jsonPath() + ".y[" + k + "]", y, list, field);
            }
        }
    }

    private static void requireDeclared(Descriptor d, ProviderEntry task, DeclaredResultKeys declared,
            String jsonPath, String given, String list, String key) throws InvalidInputException {
        boolean ok = list == null ? declared.matches(key) : declared.matchesListField(list, key);
        if (!ok) {
            String asDeclared = list == null ? key : list + "[]." + key;
            throw new InvalidInputException(d.file(), jsonPath, "plot key '" + given + "' names no result that "
                    + task.label() + " writes" + Suggestions.didYouMean(asDeclared, declared.patterns())
                    + "; its result keys ([] marks a list of objects, * any key below): " + String.join(", ", declared.patterns()));
        }
    }

    /** The roles' components; a role that cannot be resolved is left out, its fault added to {@code faults}. */
    private Map<String, List<ResolvedComponent>> resolveRoles(Descriptor d, ProviderEntry task, List<Role<?>> roles,
            FaultList faults) {
        List<String> roleNames = roles.stream().map(Role::name).toList();
        for (String given : d.roles().keySet()) {
            if (!roleNames.contains(given)) {
                faults.attempt(() -> {
                    throw new InvalidInputException(d.file(), "$.components." + given, task.label()
                            + " has no role '" + given + "'" + Suggestions.didYouMean(given, roleNames) + "; its roles: "
                            + describeRoles(roles));
                }, null);
            }
        }
        Map<String, List<ResolvedComponent>> out = new LinkedHashMap<>();
        for (Role<?> role : roles) {
            List<ResolvedComponent> one = faults.attempt(() -> resolveRole(d, task, roles, role), null);
            if (one != null) {
                out.put(role.name(), one);
            }
        }
        return out;
    }

    /** The components of one role, or {@code null} for an optional role the descriptor leaves empty. */
    private List<ResolvedComponent> resolveRole(Descriptor d, ProviderEntry task, List<Role<?>> roles, Role<?> role)
            throws InvalidInputException {
        {
            RoleSpec spec = d.roles().get(role.name());
            boolean providerSwept = d.sweep().stream().anyMatch(a -> a.isComponent() && a.role().equals(role.name()));
            if (spec == null && providerSwept && role.cardinality() != Role.Cardinality.LIST) {
                return null; // each point names its own provider
            }
            if (spec == null && role.defaultUse() != null) {
                return List.of(chooseDefault(d, task, role));
            }
            if (spec == null) {
                if (role.cardinality() == Role.Cardinality.OPTIONAL) {
                    return null;
                }
                throw new InvalidInputException(d.file(), "$.components", task.label() + " needs a "
                        + role.kind() + " in role '" + role.name() + "'" + (role.typed() ? ", " + TypeWords.of(role.type())
                                : "") + (role.cardinality() == Role.Cardinality.LIST ? " (an array of components)" : "")
                        + "; its roles: " + describeRoles(roles));
            }
            boolean wantList = role.cardinality() == Role.Cardinality.LIST;
            if (spec.list() != wantList) {
                throw new InvalidInputException(d.file(), spec.jsonPath(), "role '" + role.name() + "' of "
                        + task.label() + " takes " + (wantList ? "an array of components" : "one component object, not an array"));
            }
            List<ResolvedComponent> resolved = new ArrayList<>();
            FaultList faults = new FaultList();
            for (int i = 0; i < spec.components().size(); i++) {
                ComponentSpec c = spec.components().get(i);
                String label = wantList ? role.name() + "[" + i + "]" : role.name();
                ProviderEntry entry = faults.attempt(() -> resolver.resolve(role.kind(), role.type(), "role '" + label
                        + "' of task '" + task.name() + "'", c.use(), c.versionRange(), d.file(), c.jsonPath()), null);
                if (entry != null) {
                    resolved.add(new ResolvedComponent(role.name(), i, label, entry, c));
                }
            }
            faults.throwIfAny();
            return resolved;
        }
    }

    /**
     * The first of an optional role's default providers that is installed and active, with the
     * reason for the choice (the defaults passed over and why) for provenance.
     */
    private ResolvedComponent chooseDefault(Descriptor d, ProviderEntry task, Role<?> role) throws InvalidInputException {
        String path = "$.components." + role.name();
        List<String> uses = role.defaultUses();
        List<String> passedOver = new ArrayList<>();
        for (String use : uses) {
            ComponentSpec c = new ComponentSpec(use, null, new JsonObject(), path);
            try {
                ProviderEntry entry = resolver.resolve(role.kind(), role.type(), "role '" + role.name() + "' of task '"
                        + task.name() + "'", use, null, d.file(), path);
                if (!passedOver.isEmpty() && org.workbench.engine.catalog.ProviderIndex.partialStart()) {
                    // a default passed over may be in a bundle this start left unstarted: the launcher
                    // starts every bundle and asks again, so the choice is the one a full start makes
                    throw new InvalidInputException(d.file(), path, "a default of role '" + role.name()
                            + "' is not available at a start that left bundles unstarted: " + String.join("; ", passedOver));
                }
                String why = uses.size() == 1 ? "the default of task " + task.name() + " (the descriptor names none)"
                        : "the first available of " + String.join(", ", uses) + " (the descriptor names none)"
                                + (passedOver.isEmpty() ? "" : "; passed over: " + String.join("; ", passedOver));
                return new ResolvedComponent(role.name(), 0, role.name(), entry, c, why);
            } catch (InvalidInputException e) {
                passedOver.add(use + " is not available (" + e.getMessage() + ")");
            }
        }
        throw new InvalidInputException(d.file(), path, "the descriptor puts no " + role.kind() + " in role '"
                + role.name() + "' and none of its defaults is available: " + String.join("; ", passedOver));
    }

    private List<PlanPoint> expand(Descriptor d, ProviderEntry task, Map<String, List<ResolvedComponent>> components,
            ComponentAxes axes, ParameterBinder binder) throws InvalidInputException {
        for (SweepAxis axis : d.sweep()) {
            if (axis.isComponent()) {
                axes.check(axis);
            } else if (!axes.sweeps(axis.role())) { // else checked against each point's provider when binding
                checkAxis(d, axis, task, components);
            }
        }
        int total = SweepSize.check(d, maxPoints);
        List<PlanPoint> points = new ArrayList<>(total);
        BoundParameters bound = new BoundParameters();
        for (int index = 0; index < total; index++) {
            Map<String, JsonElement> set = new LinkedHashMap<>();
            int rest = index;
            for (int a = d.sweep().size() - 1; a >= 0; a--) {
                SweepAxis axis = d.sweep().get(a);
                set.put(axis.key(), axis.values().get(rest % axis.values().size()));
                rest /= axis.values().size();
            }
            Map<String, JsonElement> ordered = new LinkedHashMap<>();
            d.sweep().forEach(axis -> ordered.put(axis.key(), set.get(axis.key())));
            long seed = d.sweep().isEmpty() ? d.seed()
                    : ordered.containsKey(SweepAxis.SEED) ? ordered.get(SweepAxis.SEED).getAsLong()
                            : Seeds.derive(d.seed(), "point/" + index);
            try {
                points.add(bindPoint(d, task, components, axes.any() ? axes.at(ordered) : Map.of(), binder, index,
                        ordered, seed, bound));
            } catch (InvalidInputException e) {
                if (ordered.isEmpty()) {
                    throw e;
                }
                String hint = "; to give each provider its own parameters, sweep whole components: "
                        + "\"sweep\": {\"ROLE\": [{\"use\": ..., \"with\": {...}}, ...]}";
                List<InvalidInputException> at = new ArrayList<>();
                for (InvalidInputException f : e.faults()) {
                    boolean unknown = axes.any() && f.getMessage().startsWith("unknown parameter");
                    at.add(new InvalidInputException(f.file(), f.jsonPath(), f.getMessage() + " (at sweep point "
                            + ordered + (unknown ? hint : "") + ")"));
                }
                throw InvalidInputException.all(at);
            }
        }
        return points;
    }

    private PlanPoint bindPoint(Descriptor d, ProviderEntry task, Map<String, List<ResolvedComponent>> planned,
            Map<String, ResolvedComponent> chosen, ParameterBinder binder, int index, Map<String, JsonElement> ordered,
            long seed, BoundParameters bound) throws InvalidInputException {
        Map<String, List<ResolvedComponent>> components = new LinkedHashMap<>(planned);
        chosen.forEach((role, c) -> components.put(role, List.of(c)));
        FaultList faults = new FaultList();
        Parameters taskParameters = faults.attempt(() -> bound.get(d.task(), task.label(), TASK, ordered,
                () -> binder.bind(DeclaredParameters.of(task, d.file(), d.task().jsonPath()),
                        withSweep(d.task().with(), TASK, ordered), d.task().jsonPath() + ".with", task.label())), null);
        Map<String, Parameters> parameters = new LinkedHashMap<>();
        for (List<ResolvedComponent> list : components.values()) {
            for (ResolvedComponent c : list) {
                boolean swept = list.size() == 1 && !c.label().contains("[");
                Parameters p = faults.attempt(() -> bound.get(c.spec(), c.entry().label(), swept ? c.role() : null,
                        ordered, () -> binder.bind(DeclaredParameters.of(c.entry(), d.file(), c.spec().jsonPath()),
                                swept ? withSweep(c.spec().with(), c.role(), ordered) : c.spec().with(),
                                c.spec().jsonPath() + ".with", c.entry().label())), null);
                parameters.put(c.label(), p);
            }
        }
        faults.throwIfAny();
        return new PlanPoint(index, ordered, seed, taskParameters, bound.shared(parameters), chosen);
    }

    private void checkAxis(Descriptor d, SweepAxis axis, ProviderEntry task,
            Map<String, List<ResolvedComponent>> components) throws InvalidInputException {
        if (axis.isSeed()) {
            return;
        }
        List<Parameter> declared;
        String owner;
        if (axis.role().equals(TASK)) {
            declared = DeclaredParameters.of(task, d.file(), axis.jsonPath());
            owner = task.label();
        } else {
            List<ResolvedComponent> list = components.get(axis.role());
            if (list == null) {
                throw new InvalidInputException(d.file(), axis.jsonPath(), "the sweep names role '" + axis.role()
                        + "', which the descriptor does not fill" + Suggestions.didYouMean(axis.role(), components.keySet())
                        + "; sweepable roles: task, " + String.join(", ", components.keySet()));
            }
            if (list.size() != 1 || list.get(0).label().contains("[")) {
                throw new InvalidInputException(d.file(), axis.jsonPath(), "role '" + axis.role()
                        + "' holds a list of components; sweep a single component's parameter instead");
            }
            declared = DeclaredParameters.of(list.get(0).entry(), d.file(), axis.jsonPath());
            owner = list.get(0).entry().label();
        }
        Optional<Parameter> p = declared.stream().filter(x -> x.name().equals(axis.parameter())).findFirst();
        if (p.isEmpty()) {
            List<String> names = declared.stream().map(Parameter::name).toList();
            throw new InvalidInputException(d.file(), axis.jsonPath(), owner + " has no parameter '" + axis.parameter()
                    + "'" + Suggestions.didYouMean(axis.parameter(), names) + "; its parameters: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
    }

    /**
     * {@code with} with the point's sweep values of {@code role} in place: a new object sharing the
     * given values (which binding only reads), so that a sweep never copies a component's data.
     */
    static JsonObject withSweep(JsonObject with, String role, Map<String, JsonElement> set) {
        JsonObject copy = new JsonObject();
        with.entrySet().forEach(e -> copy.add(e.getKey(), e.getValue()));
        set.forEach((key, value) -> {
            if (key.startsWith(role + ".") && !key.equals(role + "." + SweepAxis.USE)
                    && !key.equals(role + "." + SweepAxis.VERSION)) {
                copy.add(key.substring(role.length() + 1), value);
            }
        });
        return copy;
    }

    private static String describeRoles(List<Role<?>> roles) {
        List<String> parts = new ArrayList<>();
        for (Role<?> r : roles) {
            parts.add(r.name() + " (" + r.kind() + (r.cardinality() == Role.Cardinality.LIST ? " list"
                    : r.cardinality() == Role.Cardinality.OPTIONAL ? ", optional" : "") + ")");
        }
        return String.join(", ", parts);
    }
}
