package org.workbench.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.live.ActiveRun;

/** The runs in progress as the header shows them (and {@code /api/active} answers): name, link and progress. */
final class ActiveRunsModel {
    private ActiveRunsModel() {
    }

    static List<Map<String, Object>> of(List<ActiveRun> runs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ActiveRun r : runs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("name", r.name());
            m.put("origin", r.origin());
            m.put("href", "/run?id=" + r.id());
            ActiveRun.Snapshot p = r.progress();
            long done = p == null ? 0 : p.done();
            long total = p == null ? 1 : Math.max(1, p.total());
            m.put("done", done);
            m.put("total", total);
            m.put("percent", Math.min(100, Math.round(100.0 * done / total)));
            m.put("label", p == null ? "starting" : p.label());
            m.put("status", p == null || p.status() == null ? "" : p.status());
            out.add(m);
        }
        return out;
    }
}
