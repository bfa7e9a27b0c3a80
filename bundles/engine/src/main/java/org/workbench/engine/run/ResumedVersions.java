package org.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.input.InvalidInputException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What a {@code --resume} of a run that hot-swapped a component must respect: its points' checkpoint
 * records ({@link Checkpoints}) say which provider version produced the epochs up to each checkpoint.
 * A resume continues each point with the versions in use at its newest checkpoint, so it forgives the
 * pinned descriptor's version of a swapped role (the plan now resolves the newest installed one), and
 * refuses, before anything runs, when such a version is no longer installed.
 */
final class ResumedVersions {
    private final Path folder;
    private final Map<Integer, Checkpoints.Record> records;

    private ResumedVersions(Path folder, Map<Integer, Checkpoints.Record> records) {
        this.folder = folder;
        this.records = records;
    }

    /** The checkpoint records of the interrupted run in {@code folder}, by point. */
    static ResumedVersions of(Path folder) throws IOException {
        Map<Integer, Checkpoints.Record> records = new TreeMap<>();
        Path dir = Checkpoints.recordOf(folder, 0).getParent();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(f -> f.getFileName().toString().matches("\\d+\\.json")).toList()) {
                    String name = p.getFileName().toString();
                    records.put(Integer.parseInt(name.substring(0, name.length() - 5)), Checkpoints.read(p));
                }
            }
        }
        return new ResumedVersions(folder, records);
    }

    /**
     * {@code identity} (the resuming run's pinned descriptor) with the version of every role that the
     * interrupted run swapped taken from {@code then} (its own), so that only that difference is forgiven.
     */
    JsonObject forgiving(JsonObject then, JsonObject identity) {
        JsonObject copy = identity.deepCopy();
        JsonElement a = then.get("components");
        JsonElement b = copy.get("components");
        if (a == null || b == null || !a.isJsonObject() || !b.isJsonObject()) {
            return copy;
        }
        for (Checkpoints.Record r : records.values()) {
            for (Swap s : r.swaps()) {
                JsonElement old = a.getAsJsonObject().get(s.role());
                JsonElement now = b.getAsJsonObject().get(s.role());
                if (old != null && now != null && old.isJsonObject() && now.isJsonObject()
                        && old.getAsJsonObject().has("version")) {
                    now.getAsJsonObject().add("version", old.getAsJsonObject().get("version"));
                }
            }
        }
        return copy;
    }

    /**
     * {@code plan} with every role the interrupted run swapped back at the version its points started
     * with (the first swap's {@code fromVersion}), where that version is still installed: the plan now
     * resolves the newest installed one. The plan itself when nothing changes.
     */
    Plan firstVersions(Plan plan, ProviderSource live) {
        if (live == null) {
            return plan;
        }
        Map<String, String> first = new java.util.LinkedHashMap<>();
        records.values().forEach(r -> r.swaps().forEach(s -> first.putIfAbsent(s.role(), s.fromVersion())));
        Map<String, List<ResolvedComponent>> components = new java.util.LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, List<ResolvedComponent>> role : plan.components().entrySet()) {
            List<ResolvedComponent> list = new ArrayList<>();
            for (ResolvedComponent c : role.getValue()) {
                String version = first.get(c.label());
                ProviderEntry entry = version == null || c.entry().version().toString().equals(version) ? null
                        : live.entries().stream()
                                .filter(e -> e.kind().equals(c.entry().kind()) && e.name().equals(c.entry().name()))
                                .filter(e -> e.available() && e.version().toString().equals(version))
                                .findFirst().orElse(null);
                if (entry != null) {
                    list.add(new ResolvedComponent(c.role(), c.index(), c.label(), entry, c.spec(), c.choice()));
                    changed = true;
                } else {
                    list.add(c);
                }
            }
            components.put(role.getKey(), list);
        }
        return changed ? new Plan(plan.descriptor(), plan.task(), plan.roles(), components, plan.points()) : plan;
    }

    /**
     * Refuses (exit 2) a resume whose points would continue with a provider version that is not
     * installed: the one their newest checkpoint was trained with.
     */
    void check(Plan plan, ProviderSource live) throws InvalidInputException {
        if (live == null) {
            return;
        }
        for (Map.Entry<Integer, Checkpoints.Record> point : records.entrySet()) {
            Checkpoints.Record r = point.getValue();
            for (Map.Entry<String, String> v : r.versionsAtNewest(folder).entrySet()) {
                String role = v.getKey();
                ResolvedComponent planned = plan.allComponents().stream().filter(c -> c.label().equals(role)).findFirst()
                        .orElse(null);
                if (planned == null) {
                    continue;
                }
                String kind = planned.entry().kind();
                String name = planned.entry().name();
                List<ProviderEntry> installed = live.entries().stream()
                        .filter(e -> e.kind().equals(kind) && e.name().equals(name)).toList();
                if (installed.stream().anyMatch(e -> e.available() && e.version().toString().equals(v.getValue()))) {
                    continue;
                }
                throw new InvalidInputException(plan.descriptor().file(), "$.components." + role + ".version",
                        "cannot resume " + folder + ": " + trainedWith(plan, point.getKey(), r, role, kind, name, v.getValue())
                        + ", and that version is not installed (installed: " + (installed.isEmpty() ? "none"
                                : installed.stream().map(e -> e.version().toString()).collect(Collectors.joining(", ")))
                        + "); put its bundle back into the plugins folder to continue, or run without --resume to "
                        + "start afresh");
            }
        }
    }

    /** {@code point 2's newest checkpoint points/2/checkpoint-epoch-004.npz was trained with optimizer 'momentum' 1.1.0 as its optimizer (swapped in at epoch 3, bundle B)}. */
    private String trainedWith(Plan plan, int index, Checkpoints.Record r, String role, String kind, String name,
            String version) {
        List<String> files = r.existing(folder);
        List<Swap> swapped = new ArrayList<>(r.atNewest(folder).stream().filter(s -> s.role().equals(role)).toList());
        String since = swapped.isEmpty() ? "" : " (swapped in " + (swapped.get(swapped.size() - 1).at() == null ? ""
                : "at " + swapped.get(swapped.size() - 1).at() + ", ") + "bundle " + swapped.get(swapped.size() - 1).toBundle()
                + ")";
        String which = (plan.swept() ? "point " + index + "'s " : "its ") + (files.isEmpty() ? "first attempt"
                : "newest checkpoint " + files.get(files.size() - 1));
        return which + (files.isEmpty() ? " started with " : " was trained with ") + kind + " '" + name + "' "
                + version + " as its " + role + since;
    }
}
