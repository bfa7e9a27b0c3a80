package org.workbench.web;

import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;

/**
 * One published result folder {@code results/<experiment>/<runId>/}.
 *
 * @param experiment the descriptor's name (the folder above the run)
 * @param runId      the run folder's name (starts with its UTC start time)
 * @param folder     the run folder
 * @param document   its {@code result.json}
 * @param overrides  the {@code --set} overrides it ran with
 * @param homework   whether it is a homework run: no overrides, and the descriptor it ran is the
 *                   current file under {@code experiments/} (same SHA-256)
 * @param why        for a run that is not a homework run, why not
 */
record RunRecord(String experiment, String runId, Path folder, JsonObject document, List<String> overrides,
        boolean homework, String why) {
    String id() {
        return experiment + "/" + runId;
    }

    /**
     * The third-party bundles the run used ({@code provenance.thirdParty}: providers from outside
     * the distribution's own bundles), as "bundle version", empty for a run of built-ins only.
     */
    List<String> thirdParty() {
        com.google.gson.JsonElement t = Json.at(document, "provenance.thirdParty");
        List<String> out = new java.util.ArrayList<>();
        if (t != null && t.isJsonArray()) {
            for (com.google.gson.JsonElement e : t.getAsJsonArray()) {
                if (e.isJsonObject() && e.getAsJsonObject().has("bundle")) {
                    JsonObject o = e.getAsJsonObject();
                    String b = Json.text(o.get("bundle"), 0) + (o.has("version") ? " " + Json.text(o.get("version"), 0) : "");
                    if (!out.contains(b)) {
                        out.add(b);
                    }
                }
            }
        }
        return out;
    }

    String status() {
        return document.has("status") ? document.get("status").getAsString() : "?";
    }

    String title() {
        return document.has("title") && document.get("title").isJsonPrimitive() ? document.get("title").getAsString()
                : experiment;
    }

    String task() {
        return document.has("task") && document.get("task").isJsonPrimitive() ? document.get("task").getAsString() : "?";
    }

    /** The start time to the second, {@code 2026-12-01 18:00:19}. */
    String startedAt() {
        com.google.gson.JsonElement v = Json.at(document, "provenance.startedAt");
        if (v == null || !v.isJsonPrimitive()) {
            return runId;
        }
        String s = v.getAsString().replace('T', ' ');
        return s.length() > 19 ? s.substring(0, 19) : s;
    }
}
