package org.workbench.engine.run;

import java.util.List;

/**
 * A plot as drawn: its name, the title it was drawn with (a sweep point's plot carries the point's
 * values, "Training and test loss by epoch — seed 181") and its files, relative to the folder they
 * were written in or, once a point's plot is placed in the result folder, to that folder. What
 * {@code result.json}'s {@code plots} records, so that a reader names a PNG by its title and pairs it
 * with the chart of the same title instead of showing one curve twice.
 */
public record DrawnPlot(String name, String title, List<String> files) {
    public DrawnPlot {
        title = title == null ? "" : title;
        files = List.copyOf(files);
    }

    /** This plot with its files under {@code prefix} ("points/3/"). */
    public DrawnPlot under(String prefix) {
        return prefix.isEmpty() ? this : new DrawnPlot(name, title, files.stream().map(f -> prefix + f).toList());
    }
}
