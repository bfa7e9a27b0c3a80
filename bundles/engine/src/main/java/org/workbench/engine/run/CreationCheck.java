package org.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.workbench.api.InvalidParameterException;
import org.workbench.engine.input.InvalidInputException;

/**
 * {@code validate}'s trial: creates the task and every component of a plan's first point once, so
 * that a plugin's own mistakes (a parameter it reads but does not declare, a settings record that
 * cannot hold a value) and parameters that do not fit together surface before a run. Creation is
 * cheap for every built-in provider (they keep their parameters and do the work, loading data or
 * drawing weights, when the task asks), so this costs milliseconds; a provider that takes longer
 * than {@link #LIMIT} is stopped and reported. Nothing is kept: the point's folder is temporary.
 */
public final class CreationCheck {
    /** How long the trial may take before it is reported as hanging. */
    static final Duration LIMIT = Duration.ofSeconds(10);

    private CreationCheck() {
    }

    /**
     * @throws InvalidInputException when a provider refuses its parameters (the descriptor's fault, exit 2)
     * @throws RunFailure            when a provider fails to create its component (the plugin's fault, exit 1)
     */
    public static void createOnce(Plan plan) throws InvalidInputException, RunFailure {
        if (plan.points().isEmpty()) {
            return;
        }
        for (PlanPoint point : firstOfEachProvider(plan)) {
            createOnce(plan, point);
        }
    }

    /** The first point, and the first point of every other choice of providers a sweep over providers makes. */
    private static java.util.Collection<PlanPoint> firstOfEachProvider(Plan plan) {
        java.util.Map<String, PlanPoint> first = new java.util.LinkedHashMap<>();
        for (PlanPoint p : plan.points()) {
            StringBuilder key = new StringBuilder();
            p.components().forEach((label, c) -> key.append(label).append('=').append(c.entry().label()).append(';'));
            first.putIfAbsent(key.toString(), p);
            if (p.components().isEmpty()) {
                break;
            }
        }
        return first.values();
    }

    private static void createOnce(Plan plan, PlanPoint point) throws InvalidInputException, RunFailure {
        Path folder;
        try {
            folder = Files.createTempDirectory("workbench-validate-");
        } catch (IOException e) {
            throw new RunFailure("could not create a temporary folder to try the components in: " + e, e);
        }
        try {
            InvalidInputException[] invalid = new InvalidInputException[1];
            RunThread.call(plan, LIMIT, null, () -> {
                invalid[0] = createAll(plan, point, folder);
                return null;
            });
            if (invalid[0] != null) {
                throw invalid[0];
            }
        } catch (ComponentFailure e) {
            throw new RunFailure(e.getMessage(), e.getCause());
        } catch (RuntimeException | Error e) {
            throw new RunFailure("creating the components failed: " + Failures.describe(e), e);
        } finally {
            delete(folder);
        }
    }

    private static InvalidInputException createAll(Plan plan, PlanPoint point, Path folder) {
        PointComponents components = new PointComponents(plan, point, folder, "");
        try {
            plan.taskProvider().create(point.taskParameters(), components.contextFor(Planner.TASK));
        } catch (InvalidParameterException e) {
            return invalid(plan, plan.descriptor().task().jsonPath(), plan.task().label(), e);
        } catch (RuntimeException e) {
            throw new ComponentFailure(Planner.TASK, plan.task().label() + " (bundle " + plan.task().bundle()
                    + ") failed to create its task: " + org.workbench.engine.input.PluginFault.reason(e), e);
        }
        for (ResolvedComponent planned : plan.allComponents()) {
            ResolvedComponent c = components.resolved(planned.label()); // the point's own where a sweep chooses it
            try {
                components.get(c.label());
            } catch (InvalidParameterException e) {
                return invalid(plan, c.spec().jsonPath(), c.entry().label(), e);
            }
        }
        return null;
    }

    private static InvalidInputException invalid(Plan plan, String jsonPath, String provider, InvalidParameterException e) {
        return new InvalidInputException(plan.descriptor().file(), jsonPath + (e.parameter() == null ? "" : ".with."
                + e.parameter()), provider + ": " + e.getMessage());
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
