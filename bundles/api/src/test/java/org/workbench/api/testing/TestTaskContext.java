package org.workbench.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.workbench.api.Parameters;
import org.workbench.api.Plot;
import org.workbench.api.Progress;
import org.workbench.api.ResultTree;
import org.workbench.api.TaskContext;
import org.workbench.api.UnitWork;

/**
 * A {@link TaskContext} for unit tests of tasks: components and parameters supplied by the test,
 * results and plots kept in memory, artifacts written under a folder the test owns.
 */
public final class TestTaskContext implements TaskContext {
    private final long seed;
    private final Parameters parameters;
    private final Path folder;
    private final Map<String, List<Object>> components = new HashMap<>();
    private final ResultTree results = new ResultTree();
    private final List<Plot> plots = new ArrayList<>();
    private final List<String> progressLines = new ArrayList<>();
    private final Map<String, Object> newer = new HashMap<>();
    private final List<Path> keptCheckpoints = new ArrayList<>();

    public TestTaskContext(long seed, Parameters parameters, Path folder) {
        this.seed = seed;
        this.parameters = parameters;
        this.folder = folder;
    }

    /** Puts a component (or, called repeatedly, a list of them) in {@code role}. */
    public TestTaskContext with(String role, Object component) {
        components.computeIfAbsent(role, r -> new ArrayList<>()).add(component);
        return this;
    }

    /** Makes this a resumed run: {@link #keptCheckpoints()} hands the task these files, as the engine would. */
    public TestTaskContext resumingFrom(List<Path> checkpoints) {
        keptCheckpoints.addAll(checkpoints);
        return this;
    }

    @Override
    public List<Path> keptCheckpoints() {
        return List.copyOf(keptCheckpoints);
    }

    /** Offers {@code component} once, at the task's next safe point, as a newer version of {@code role}. */
    public TestTaskContext offerNewer(String role, Object component) {
        newer.put(role, component);
        return this;
    }

    @Override
    public <C> Optional<C> newerComponent(String role, Class<C> type) {
        Object offered = newer.remove(role);
        return offered == null ? Optional.empty() : Optional.of(type.cast(offered));
    }

    /** Runs the units on the common pool, each into its slot, as the engine's local executor would. */
    @Override
    public List<ResultTree> fanOut(String name, int count, UnitWork work) throws Exception {
        ResultTree[] out = new ResultTree[count];
        try {
            java.util.stream.IntStream.range(0, count).parallel().forEach(i -> {
                try {
                    out[i] = work.run(this, i);
                } catch (Exception e) {
                    throw new IllegalStateException("unit " + i + " of '" + name + "' failed: " + e, e);
                }
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
        return List.of(out);
    }

    /** The plots the task asked for. */
    public List<Plot> plots() {
        return plots;
    }

    /** Every status and message the task sent to its progress reporters. */
    public List<String> progressLines() {
        return progressLines;
    }

    @Override
    public String role() {
        return "task";
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Path resolve(Path path) {
        return folder.resolve(path);
    }

    @Override
    public <C> C peer(String role, Class<C> type) {
        return component(role, type);
    }

    @Override
    public boolean hasPeer(String role) {
        return components.containsKey(role);
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public <C> C component(String role, Class<C> type) {
        List<Object> list = components.get(role);
        if (list == null || list.size() != 1) {
            throw new IllegalArgumentException("test context has " + (list == null ? 0 : list.size())
                    + " components in role " + role);
        }
        return type.cast(list.get(0));
    }

    @Override
    public <C> List<C> components(String role, Class<C> type) {
        return components.getOrDefault(role, List.of()).stream().map(type::cast).toList();
    }

    @Override
    public ResultTree results() {
        return results;
    }

    @Override
    public void plot(Plot plot) {
        plots.add(plot);
    }

    @Override
    public Path artifact(String fileName) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.resolve(fileName);
    }

    @Override
    public Progress progress(String label, long total) {
        return new Progress() {
            @Override
            public void update(long done, String status) {
                progressLines.add(label + " " + done + "/" + total + " " + status);
            }

            @Override
            public void message(String line) {
                progressLines.add(line);
            }

            @Override
            public void close() {
            }
        };
    }
}
