package org.workbench.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.workbench.api.result.Draws;
import org.workbench.api.result.Series;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code /mcmc}: the runs whose layout declares kept draws ({@link Draws}) that they wrote, a sweep's for
 * each of its points ({@code points/N/...}, listed by the point's values); {@code /mcmc/<run>[?point=N]}:
 * for each coordinate a trace plot (one line per chain), a rank plot (the
 * histogram of each chain's ranks among all kept draws, flat when the chains agree) and the
 * per-coordinate statistics the layout declares (for the linear regression: the posterior mean, R-hat
 * and ESS, computed by the sampler from every draw, not only the kept ones). Knows no task's keys.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/mcmc",
        "osgi.http.whiteboard.servlet.pattern=/mcmc/*", "osgi.http.whiteboard.servlet.name=workbench-mcmc" })
public final class McmcPage extends Page {
    private static final long serialVersionUID = 1L;
    /** How many of the newest runs the list looks at (with a run store, their folders only are read). */
    static final int NEWEST = 200;
    private static final int BINS = 20;

    @Activate
    public McmcPage(@Reference Site site) {
        super(site);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rest = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        if (rest.isEmpty()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            RunIndex.Newest newest = site.index().newest(NEWEST);
            for (RunRecord r : newest.runs()) {
                List<McmcDraws.Set> sets = McmcDraws.of(r);
                if (sets.isEmpty()) {
                    continue;
                }
                List<Map<String, Object>> points = new ArrayList<>();
                for (McmcDraws.Set d : sets) {
                    if (d.point() >= 0) {
                        points.add(Map.of("label", d.label(), "href", d.href(r.id())));
                    }
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", r.id());
                row.put("href", "/mcmc/" + r.id());
                row.put("title", r.title());
                row.put("homework", r.homework());
                row.put("startedAt", r.startedAt());
                row.put("points", points);
                rows.add(row);
            }
            Map<String, Object> m = model("MCMC", "Mcmc");
            m.put("runs", rows);
            m.put("hasRuns", !rows.isEmpty());
            if (newest.partial()) {
                m.put("newestOnly", newest.shown(NEWEST));
            }
            html(resp, "mcmc", m);
            return;
        }
        Optional<RunRecord> run = site.index().find(rest);
        List<McmcDraws.Set> sets = run.map(McmcDraws::of).orElse(List.of());
        if (sets.isEmpty()) {
            notFound(resp, "no run with kept sampler draws: " + rest);
            return;
        }
        McmcDraws.Set chosen = sets.get(0);
        String point = req.getParameter("point");
        if (point != null) {
            chosen = sets.stream().filter(d -> Integer.toString(d.point()).equals(point)).findFirst().orElse(null);
            if (chosen == null) {
                notFound(resp, "run " + rest + " kept no draws for point " + point + " (points with draws: "
                        + String.join(", ", sets.stream().map(d -> Integer.toString(d.point())).toList()) + ")");
                return;
            }
        }
        JsonObject draws = Json.read(chosen.file());
        Map<String, Object> m = model("MCMC " + rest + (chosen.label().isEmpty() ? "" : " · " + chosen.label()), "Mcmc");
        Draws kept = McmcDraws.declared(run.get()).orElseThrow();
        m.put("id", rest);
        m.put("runTitle", run.get().title());
        m.put("runHref", "/runs/" + rest);
        m.put("pointLabel", chosen.label());
        List<Map<String, Object>> pointLinks = new ArrayList<>();
        for (McmcDraws.Set d : sets) {
            if (d.point() >= 0) {
                pointLinks.add(Map.of("label", d.label(), "href", d.href(rest), "here", d == chosen));
            }
        }
        m.put("points", pointLinks);
        m.put("hasPoints", !pointLinks.isEmpty());
        m.put("thin", Json.text(draws.get("thin"), 4));
        m.put("statistics", kept.statistics().stream().map(Series::label).toList());
        JsonArray chains = draws.getAsJsonArray("draws");
        int p = draws.get("coordinates").getAsInt();
        JsonElement at = Json.at(run.get().document(), chosen.results());
        JsonObject results = at != null && at.isJsonObject() ? at.getAsJsonObject() : null;
        List<Map<String, Object>> coordinates = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[][] x = new double[chains.size()][];
            for (int c = 0; c < chains.size(); c++) {
                JsonArray a = chains.get(c).getAsJsonArray().get(j).getAsJsonArray();
                x[c] = new double[a.size()];
                for (int t = 0; t < a.size(); t++) {
                    x[c][t] = a.get(t).isJsonNull() ? Double.NaN : a.get(t).getAsDouble();
                }
            }
            String name = kept.coordinate() + (j + 1);
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", name);
            List<String> cells = new ArrayList<>();
            for (Series s : kept.statistics()) {
                JsonElement v = results == null ? null : Json.at(results, s.key() + "." + j);
                cells.add(Tables.cell(v, s));
            }
            cm.put("cells", cells);
            cm.put("charts", Json.SAFE.toJson(List.of(trace(name, x, draws.get("thin").getAsInt()), ranks(name, x))));
            coordinates.add(cm);
        }
        m.put("coordinates", coordinates);
        m.put("chains", chains.size());
        m.put("perChain", chains.size() == 0 ? 0 : chains.get(0).getAsJsonArray().get(0).getAsJsonArray().size());
        html(resp, "mcmc-run", m);
    }

    private static Map<String, Object> trace(String name, double[][] x, int thin) {
        int n = x.length == 0 ? 0 : x[0].length;
        List<Double> iteration = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            iteration.add((double) t * thin);
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (int c = 0; c < x.length; c++) {
            series.add(Map.of("label", "chain " + (c + 1), "y", boxed(x[c])));
        }
        return chart("trace-" + name, "Trace of " + name, "draw (after burn-in)", name, iteration, series, false);
    }

    /** Each chain's histogram of the ranks of its draws among all chains' draws, in {@link #BINS} bins. */
    static Map<String, Object> ranks(String name, double[][] x) {
        int chains = x.length;
        int n = chains == 0 ? 0 : x[0].length;
        double[][] all = new double[chains * n][];
        for (int c = 0; c < chains; c++) {
            for (int t = 0; t < n; t++) {
                all[c * n + t] = new double[] { x[c][t], c };
            }
        }
        Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
        int[][] counts = new int[chains][BINS];
        for (int r = 0; r < all.length; r++) {
            counts[(int) all[r][1]][(int) ((long) r * BINS / all.length)]++;
        }
        List<Double> bins = new ArrayList<>();
        for (int b = 0; b <= BINS; b++) {
            bins.add((double) b * 100 / BINS);
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            List<Double> y = new ArrayList<>();
            for (int b = 0; b < BINS; b++) {
                y.add((double) counts[c][b]);
            }
            y.add((double) counts[c][BINS - 1]);
            series.add(Map.of("label", "chain " + (c + 1), "y", y));
        }
        List<Double> uniform = new ArrayList<>();
        for (int b = 0; b <= BINS; b++) {
            uniform.add((double) n / BINS);
        }
        series.add(Map.of("label", "uniform", "y", uniform, "dash", true));
        return chart("rank-" + name, "Rank plot of " + name, "rank among all draws (percentile)", "draws in bin", bins,
                series, true);
    }

    private static Map<String, Object> chart(String id, String title, String xLabel, String yLabel, List<Double> x,
            List<Map<String, Object>> series, boolean stepped) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("title", title);
        c.put("xLabel", xLabel);
        c.put("yLabel", yLabel);
        c.put("logX", false);
        c.put("logY", false);
        c.put("x", x);
        c.put("series", series);
        c.put("stepped", stepped);
        c.put("width", 500);
        return c;
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(Double.isNaN(d) ? null : d);
        }
        return out;
    }

}
