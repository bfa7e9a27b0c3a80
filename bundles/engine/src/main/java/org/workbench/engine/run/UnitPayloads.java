package org.workbench.engine.run;

import org.workbench.engine.catalog.BundleJars;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.Unit;

import com.google.gson.JsonObject;

/**
 * Writes a run's units as they travel: the pinned effective descriptor (every component at the
 * exact version that the coordinator resolved, the seed included), the point, and for a fan-out
 * unit its name and index. Never a live object.
 */
final class UnitPayloads {
    private final JsonObject descriptor;
    private final String file;
    private final List<BundlePin> pins;

    UnitPayloads(Plan plan, BundleJars jars) {
        this(plan, pins(plan, jars));
    }

    UnitPayloads(Plan plan, List<BundlePin> pins) {
        this.descriptor = Runner.identity(plan);
        this.file = plan.descriptor().file().toAbsolutePath().toString();
        this.pins = List.copyOf(pins);
    }

    private static List<BundlePin> pins(Plan plan, BundleJars jars) {
        LinkedHashSet<BundlePin> set = new LinkedHashSet<>();
        set.add(jars.pin(plan.task()));
        plan.everyComponent().forEach(c -> set.add(jars.pin(c.entry())));
        return new ArrayList<>(set);
    }

    Unit point(PlanPoint p) {
        JsonObject o = base("point", p.index());
        return new Unit(pointId(p.index()), o.toString(), pins);
    }

    Unit unit(int point, String name, int index, int count) {
        JsonObject o = base("unit", point);
        o.addProperty("fanOut", name);
        o.addProperty("unit", index);
        o.addProperty("count", count);
        return new Unit(pointId(point) + "/" + name + "/" + index, o.toString(), pins);
    }

    static String pointId(int index) {
        return "point/" + index;
    }

    private JsonObject base(String kind, int point) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind);
        o.addProperty("file", file);
        o.addProperty("point", point);
        o.add("descriptor", descriptor);
        return o;
    }
}
