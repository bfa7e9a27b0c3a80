package org.workbench.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.workbench.api.result.Draws;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * Where a run kept the sampler draws its layout declares: the declared file (e.g. {@code draws.json})
 * beside {@code result.json} for a single run, {@code points/N/draws.json} for each point of a sweep (2.5 keeps one per τ), each with the
 * result path of its diagnostics and a label naming the point's values.
 */
final class McmcDraws {
    /**
     * One set of kept draws.
     *
     * @param point   the sweep point's index, or -1 for a run that does not sweep
     * @param file    its {@code draws.json}
     * @param results the dotted path of the results its diagnostics are under ({@code results} or {@code points.N.results})
     * @param label   the point's values ({@code τ = 0.1}), empty for a run that does not sweep
     */
    record Set(int point, Path file, String results, String label) {
        /** The page of these draws. */
        String href(String runId) {
            return "/mcmc/" + runId + (point < 0 ? "" : "?point=" + point);
        }
    }

    private McmcDraws() {
    }

    /** The kept draws the run's layout declares, if it declares any. */
    static Optional<Draws> declared(RunRecord run) {
        return Layouts.of(run.document()).draws().stream().findFirst();
    }

    static List<Set> of(RunRecord run) {
        List<Set> out = new ArrayList<>();
        Optional<Draws> declared = declared(run);
        if (declared.isEmpty()) {
            return out;
        }
        String drawsFile = declared.get().file();
        Path root = run.folder().resolve(drawsFile);
        if (Files.isRegularFile(root)) {
            out.add(new Set(-1, root, "results", ""));
        }
        JsonElement points = run.document().get("points");
        if (points != null && points.isJsonArray()) {
            JsonArray array = points.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                Path file = run.folder().resolve("points").resolve(Integer.toString(i)).resolve(drawsFile);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                JsonElement point = array.get(i);
                JsonElement set = point.isJsonObject() ? point.getAsJsonObject().get("set") : null;
                out.add(new Set(i, file, "points." + i + ".results",
                        set != null && set.isJsonObject() ? PlotLabels.point(run.document(), set) : "point " + i));
            }
        }
        return out;
    }

    /** The page of a run's first draws, or {@code null} when it kept none. */
    static String href(RunRecord run) {
        List<Set> sets = of(run);
        return sets.isEmpty() ? null : "/mcmc/" + run.id();
    }
}
