package org.workbench.engine.cli;

import java.util.ArrayList;
import java.util.List;

import org.workbench.engine.descriptor.DescriptorFile;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.run.SweepSize;

import picocli.CommandLine.Option;

/**
 * {@code --set} and {@code --sweep}: changes to a descriptor from the command line, for every
 * command that reads descriptors. The syntax is the {@link org.workbench.engine.descriptor.Overrides}'.
 */
final class DescriptorOptions {
    @Option(names = "--set", paramLabel = "PATH=VALUE", parameterConsumer = OverrideConsumer.class,
            description = { "Override a descriptor value: ROLE.PARAM or ROLE.with.PARAM (prior.variance=9 is "
                    + "prior.with.variance=9), task.PARAM, a top-level key (seed=7) or ROLE.INDEX.PARAM for arrays "
                    + "(network.0.out=64). VALUE is JSON when it parses as JSON ([1,2] is one value), else a string. "
                    + "A comma list that is not one JSON value sweeps: data.n=1,10,100. Repeatable." })
    List<String> sets = new ArrayList<>();

    @Option(names = "--sweep", paramLabel = "KEY=V1,V2,...", parameterConsumer = OverrideConsumer.class,
            description = { "Sweep ROLE.PARAM (or ROLE.with.PARAM, task.PARAM) over the values, replacing the "
                    + "descriptor's sweep of that key; one value is a sweep of one point. Values may be JSON: "
                    + "x=[1,2],[3,4] sweeps two arrays. Repeatable: the runs are the Cartesian product." })
    List<String> sweeps = new ArrayList<>();

    @Option(names = SweepSize.FLAG, paramLabel = "N", description = "The largest sweep accepted, in points "
            + "(default: " + SweepSize.DEFAULT_LIMIT + ").")
    String maxPoints;

    @Option(names = DescriptorFile.FLAG, paramLabel = "SIZE", description = "The largest descriptor file read, in "
            + "bytes or with K, M or G (default: 64M, or -D" + DescriptorFile.PROPERTY + "=SIZE).")
    String maxDescriptorBytes;

    /** The {@code --max-descriptor-bytes} limit, or the runtime's. */
    long maxDescriptorBytes() throws InvalidInputException {
        return maxDescriptorBytes == null ? DescriptorFile.limit() : DescriptorFile.size(maxDescriptorBytes,
                DescriptorFile.FLAG);
    }

    /** The {@code --max-points} limit, or the default. */
    long maxPoints() throws InvalidInputException {
        return maxPoints == null ? SweepSize.DEFAULT_LIMIT : LimitOptions.points(maxPoints);
    }

    /** The overrides in the form {@link org.workbench.engine.descriptor.Overrides} applies and provenance records. */
    List<String> overrides() {
        List<String> all = new ArrayList<>(sets);
        all.addAll(sweeps);
        return all;
    }
}
