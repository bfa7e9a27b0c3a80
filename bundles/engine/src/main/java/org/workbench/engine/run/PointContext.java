package org.workbench.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.workbench.api.Cells;
import org.workbench.api.ComponentContext;
import org.workbench.api.Dataset;
import org.workbench.api.Parameters;
import org.workbench.api.Plot;
import org.workbench.api.Progress;
import org.workbench.api.ResultTree;
import org.workbench.api.TaskContext;
import org.workbench.api.UnitWork;

/** The {@link TaskContext} of one sweep point: its components, results, plots and artifact folder. */
final class PointContext implements TaskContext {
    private final PlanPoint point;
    private final PointComponents components;
    private final Path folder;
    private final String relativeFolder;
    private final ProgressFactory progress;
    private final ComponentContext self;
    private final ResultTree results = new ResultTree();
    private final List<Plot> plots = new ArrayList<>();
    private final List<String> artifacts = new ArrayList<>();
    private final HotSwapper swapper;
    /** The progress reporter the task opened last and has not closed: hot-swap messages go through it. */
    private Progress current;
    private final FanOut fanOut;
    private final Checkpoints checkpoints;

    /**
     * @param folder         where this point's artifacts go (inside the unpublished result folder)
     * @param relativeFolder that folder relative to the result folder ("" or "points/3/")
     */
    PointContext(PlanPoint point, PointComponents components, Path folder, String relativeFolder,
            ProgressFactory progress, HotSwapper swapper, FanOut fanOut, Checkpoints checkpoints) {
        this.point = point;
        this.checkpoints = checkpoints;
        // the checkpoints a resumed attempt left are this point's artifacts as much as those it saves now
        this.artifacts.addAll(checkpoints.kept());
        this.fanOut = fanOut;
        this.swapper = swapper;
        this.components = components;
        this.folder = folder;
        this.relativeFolder = relativeFolder;
        this.progress = progress;
        this.self = components.contextFor(Planner.TASK);
    }

    @Override
    public String role() {
        return Planner.TASK;
    }

    @Override
    public long seed() {
        return self.seed();
    }

    @Override
    public Path resolve(Path path) {
        return self.resolve(path);
    }

    @Override
    public Path input(Path path) {
        return self.input(path);
    }

    @Override
    public void generated(String name, List<String> columns, int rows, Cells cells) {
        self.generated(name, columns, rows, cells);
    }

    @Override
    public void generated(String name, Dataset data) {
        self.generated(name, data);
    }

    @Override
    public <C> C peer(String role, Class<C> type) {
        return self.peer(role, type);
    }

    @Override
    public boolean hasPeer(String role) {
        return self.hasPeer(role);
    }

    @Override
    public Parameters parameters() {
        return point.taskParameters();
    }

    @Override
    public <C> C component(String role, Class<C> type) {
        return self.peer(role, type);
    }

    @Override
    public <C> List<C> components(String role, Class<C> type) {
        List<C> out = new ArrayList<>();
        for (String label : components.labelsOf(role)) {
            out.add(component(label, type));
        }
        return out;
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
        if (!fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("artifact name '" + fileName + "' must be a plain file name");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!artifacts.contains(relativeFolder + fileName)) {
            artifacts.add(relativeFolder + fileName);
        }
        return folder.resolve(fileName);
    }

    @Override
    public Path checkpoint(String fileName) {
        Path file = artifact(fileName);
        checkpoints.saving(relativeFolder + fileName, swapper.swaps());
        return file;
    }

    @Override
    public List<Path> keptCheckpoints() {
        Path root = relativeFolder.isEmpty() ? folder : folder.resolve(relativeFolder.replaceAll("[^/]+/", "../")).normalize();
        return checkpoints.kept().stream().map(root::resolve).toList();
    }

    /**
     * The task's reporter, and where a cancelled run stops: a report made on an interrupted thread throws
     * {@link RunCancelled}, whichever front end started the run (a training loop checks nothing else).
     */
    @Override
    public Progress progress(String label, long total) {
        RunCancelled.check();
        Progress opened = progress.open(point.set().isEmpty() ? label : label + " " + point.set(), total);
        Progress tracked = new Progress() {
            @Override
            public void update(long done, String status) {
                RunCancelled.check();
                opened.update(done, status);
            }

            @Override
            public void message(String line) {
                RunCancelled.check();
                opened.message(line);
            }

            @Override
            public void metrics(long step, java.util.Map<String, Double> values) {
                RunCancelled.check();
                opened.metrics(step, values);
            }

            @Override
            public void close() {
                opened.close();
                if (current == this) {
                    current = null;
                }
            }
        };
        current = tracked;
        return tracked;
    }

    @Override
    public <C> Optional<C> newerComponent(String role, Class<C> type) {
        return newerComponent(role, type, null);
    }

    @Override
    public <C> Optional<C> newerComponent(String role, Class<C> type, String at) {
        Optional<C> newer = swapper.newer(role, type, at);
        if (newer.isPresent()) {
            checkpoints.swapped(swapper.swaps());
        }
        newer.flatMap(c -> swapper.last()).ifPresent(swap -> announce(swap.describe()));
        return newer;
    }

    /** A line for the user, through the task's open progress reporter so that a live bar stays intact. */
    private void announce(String line) {
        Progress open = current;
        if (open != null) {
            open.message(line);
        } else {
            try (Progress once = progress.open("hot swap", 1)) {
                once.message(line);
            }
        }
    }

    @Override
    public List<ResultTree> fanOut(String name, int count, UnitWork work) throws Exception {
        if (fanOut == null) {
            return TaskContext.super.fanOut(name, count, work);
        }
        return fanOut.run(this, point.index(), name, count, work);
    }

    List<Swap> swaps() {
        return swapper.swaps();
    }

    List<Plot> plots() {
        return plots;
    }

    List<String> artifacts() {
        return artifacts;
    }

    Path folder() {
        return folder;
    }

    String relativeFolder() {
        return relativeFolder;
    }
}
