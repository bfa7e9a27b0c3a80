package org.workbench.api.linear;

import java.util.SplittableRandom;

import org.osgi.annotation.versioning.ConsumerType;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;

/**
 * A data source that simulates the linear model and knows its true weights, so a task can report
 * the truth and repeat the simulation (a study over replications of the whole generating process).
 */
@ConsumerType
public interface SimulatedRegression extends DataSource {
    /** The training data of {@link #simulation()}; simulated, so it never fails with an I/O error. */
    @Override
    Dataset load();

    /** The simulation that {@link #load()} returns, drawn from the component's own seed. */
    Simulation simulation();

    /**
     * A fresh replicate of the generating process (weights too, when they are drawn from the prior),
     * with a held-out test set of {@code testRows} rows when {@code testRows > 0}. Does not change
     * this component; advances {@code random}.
     */
    Simulation simulate(SplittableRandom random, int testRows);
}
