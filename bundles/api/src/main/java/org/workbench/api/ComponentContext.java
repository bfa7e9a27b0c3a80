package org.workbench.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.osgi.annotation.versioning.ProviderType;

/** What the engine tells a component about the run it belongs to. */
@ProviderType
public interface ComponentContext {
    /** The role this component fills, e.g. {@code prior} or {@code network[2]}. */
    String role();

    /** This component's seed, derived from the run's seed and its role; recorded in provenance. */
    long seed();

    /**
     * A seed shared by the points of a sweep that differ only in the named parameters of this
     * component, for common random numbers: a data source that draws the first n values of one
     * sequence from it gives nested samples along a sweep over n. It is the seed this component gets
     * at the sweep's first value of those parameters (its role's other sweep values as at this
     * point), so it equals {@link #seed()} when the run does not sweep them. {@link #seed()} itself
     * already follows only the sweep values of this component's own role (common random numbers
     * across the other roles' values). The engine records the seed a component actually used in the
     * run's provenance.
     *
     * @param parameters names of this component's parameters, e.g. {@code "n"}
     * @since 1.2
     */
    default long seedAcross(String... parameters) {
        return seed();
    }

    /** A fresh random stream seeded with {@link #seed()}; every call returns a new, identical stream. */
    default SplittableRandom random() {
        return new SplittableRandom(seed());
    }

    /** Resolves a path written in the descriptor against the descriptor's own folder. */
    Path resolve(Path path);

    /**
     * Resolves a path as {@link #resolve(Path)} does and records the file as an input of the run:
     * its SHA-256 and size go under {@code provenance.inputs} in {@code result.json}. A component
     * calls it for every file it reads (a CSV, each IDX file), just before reading it; a path that
     * is not a regular file is resolved but not recorded (the reader then reports it missing).
     *
     * @since 1.2
     */
    default Path input(Path path) {
        return resolve(path);
    }

    /**
     * Keeps a table of numbers this component generated from its seed (simulated data, initial
     * weights) as an input of the run, so that a result can be checked without regenerating it:
     * the engine writes it as CSV ({@code inputs/<role>-<name>.csv} in the result folder, a header
     * of {@code columns}, then one line per row) and records the SHA-256 of its values (as float64
     * little-endian, row after row) and the component's seed under {@code provenance.inputs}. Past
     * 1 MB of CSV only the hash, the size and the seed are kept. Calling it again with the same name replaces the earlier table.
     *
     * @param name    a plain name for the table, e.g. {@code data} or {@code W}
     * @param columns the header, one name per column
     * @param rows    the number of rows
     * @param cells   the value at each row and column, read once, in row order
     * @since 1.2
     */
    default void generated(String name, List<String> columns, int rows, Cells cells) {
    }

    /**
     * {@link #generated(String, List, int, Cells)} for a data set: columns {@code x1..xp} then
     * {@code y} (a single column {@code value} for a data set of plain values), one row per example;
     * its test set, if it has one, as {@code <name>-test}.
     *
     * @since 1.2
     */
    default void generated(String name, Dataset data) {
        int p = data.columns();
        double[] y = data.targets();
        List<String> columns = new ArrayList<>();
        for (int j = 1; j <= p; j++) {
            columns.add("x" + j);
        }
        columns.add(p == 0 ? "value" : "y");
        generated(name, columns, data.rows(), (row, column) -> column < p ? data.x(row, column) : y[row]);
        if (data.test() != null) {
            generated(name + "-test", data.test());
        }
    }

    /**
     * Another component of the same run, created on first request; for example the
     * {@code linear-gaussian} data source draws its weights from the run's {@code prior}.
     *
     * @throws IllegalArgumentException when the run has no such role or its component has another type
     */
    <C> C peer(String role, Class<C> type);

    /** Whether the run has a component in {@code role}. */
    boolean hasPeer(String role);
}
