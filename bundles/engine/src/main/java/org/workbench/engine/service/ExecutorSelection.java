package org.workbench.engine.service;

import java.nio.file.Path;
import java.util.Map;

import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.execution.Executor;
import org.workbench.engine.catalog.OnDemandBundles;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.ParameterBinder;
import org.workbench.engine.catalog.BundleJars;
import org.workbench.engine.run.LocalExecutor;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.RunOptions;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Chooses a run's executor: the command line's {@code --executor} (with {@code --join},
 * {@code --cluster}, ...) over the descriptor's {@code "executor": {"use": ..., "with": {...}}}, and
 * this machine's cores when neither names one, so nothing changes for a user who never does.
 */
public final class ExecutorSelection {
    private final ProviderSource providers;
    private final BundleJars jars;
    private final OnDemandBundles onDemand;

    /**
     * @param onDemand starts the cluster executor's bundles, which a run on this machine's cores never needs
     */
    public ExecutorSelection(ProviderSource providers, BundleJars jars, OnDemandBundles onDemand) {
        this.providers = providers;
        this.jars = jars;
        this.onDemand = onDemand;
    }

    public RunOptions choose(Plan plan, ClusterOptions cluster, int threads) throws InvalidInputException {
        JsonElement spec = plan.descriptor().effective().get("executor");
        Path file = plan.descriptor().file();
        if (spec != null && !spec.isJsonObject()) {
            throw new InvalidInputException(file, "$.executor", "must be an object such as {\"use\": \"hazelcast\", "
                    + "\"with\": {\"cluster\": \"lab\", \"join\": \"127.0.0.1:5701\"}}, got " + spec);
        }
        JsonObject given = spec == null ? new JsonObject() : spec.getAsJsonObject();
        for (String key : given.keySet()) {
            if (!key.equals("use") && !key.equals("with")) {
                throw new InvalidInputException(file, "$.executor." + key, "unknown key; an executor takes \"use\" and \"with\"");
            }
        }
        String name = cluster.executor() != null ? cluster.executor()
                : given.has("use") ? given.get("use").getAsString() : null;
        if (name == null && cluster.with().isEmpty()) {
            return RunOptions.local(threads).resuming(cluster.resume());
        }
        if (name == null) {
            throw new InvalidInputException(file, "$.executor", "executor parameters (--with " + String.join(", --with ",
                    cluster.with().keySet().stream().sorted().toList()) + ") need an executor: add --executor NAME");
        }
        JsonObject with = given.has("with") && given.get("with").isJsonObject() && name.equals(given.get("use") == null
                ? null : given.get("use").getAsString()) ? given.getAsJsonObject("with").deepCopy() : new JsonObject();
        Executor executor = create(name, with, cluster.with(), file, plan.descriptor().baseDirectory());
        return new RunOptions(name, executor, !(executor instanceof LocalExecutor), cluster.resume(), jars);
    }

    /** Resolves, binds and creates the executor named {@code name}. */
    public Executor create(String name, JsonObject with, Map<String, String> options, Path file, Path base)
            throws InvalidInputException {
        String unavailable = name.equals(LocalExecutor.MEMBER) ? null : onDemand.start(OnDemandBundles.CLUSTER);
        ProviderEntry entry;
        try {
            entry = new ProviderResolver(providers).resolve(Kinds.EXECUTOR, name, null, file, "$.executor");
        } catch (InvalidInputException e) {
            if (unavailable != null) {
                throw new InvalidInputException(file, "$.executor", e.getMessage() + " (the cluster executor's bundles"
                        + " did not start: " + unavailable + ")");
            }
            throw e;
        }
        options.forEach((k, v) -> with.add(k, typed(v, declared(entry, k))));
        Parameters parameters = new ParameterBinder(file, base).bind(entry.provider().parameters(), with,
                "$.executor.with", entry.label());
        Object created;
        try {
            created = ((Provider<?>) entry.provider()).create(parameters, new ExecutorContext(base));
        } catch (org.workbench.api.InvalidParameterException e) {
            throw new InvalidInputException(file, e.parameter() == null ? "$.executor.with" : "$.executor.with."
                    + e.parameter(), entry.label() + ": " + e.getMessage());
        }
        if (!(created instanceof Executor e)) {
            throw new InvalidInputException(file, "$.executor", entry.label() + " did not create an executor");
        }
        return e;
    }

    /** The type {@code entry} declares for parameter {@code name}, or {@code null}. */
    private static org.workbench.api.Parameter.Type declared(ProviderEntry entry, String name) {
        return entry.provider().parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                .map(org.workbench.api.Parameter::type).orElse(null);
    }

    /**
     * A command-line value as JSON; a path is made absolute against the working folder, where the
     * user typed it (a descriptor's own paths resolve against its folder).
     */
    private static JsonPrimitive typed(String v, org.workbench.api.Parameter.Type type) {
        if (type == org.workbench.api.Parameter.Type.PATH && !v.isEmpty()) {
            return new JsonPrimitive(Path.of(v).toAbsolutePath().normalize().toString());
        }
        if (type == org.workbench.api.Parameter.Type.STRING) {
            return new JsonPrimitive(v);
        }
        if (v.equals("true") || v.equals("false")) {
            return new JsonPrimitive(Boolean.parseBoolean(v));
        }
        if (v.matches("-?\\d{1,18}")) {
            return new JsonPrimitive(Long.parseLong(v));
        }
        return new JsonPrimitive(v);
    }

    /** The context an executor is created in: it has no peers and no seed of its own. */
    private record ExecutorContext(Path base) implements ComponentContext {
        @Override
        public String role() {
            return Kinds.EXECUTOR;
        }

        @Override
        public long seed() {
            return 0;
        }

        @Override
        public Path resolve(Path path) {
            return ParameterBinder.resolve(base, path);
        }

        @Override
        public <C> C peer(String role, Class<C> type) {
            throw new IllegalArgumentException("an executor has no peers");
        }

        @Override
        public boolean hasPeer(String role) {
            return false;
        }
    }
}
