package org.workbench.data.basic;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;

/**
 * Provides data {@code inline}: the data written in the descriptor, either {@code values} (a sample
 * of a scalar variable) or {@code x} (rows of features) with {@code y} (one target per row).
 */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.DATA, name = "inline",
        summary = "Data written in the descriptor: 'values', or 'x' (rows) with 'y'")
public final class InlineDataProvider implements Provider<DataSource> {
    /** The parameters, each declared once; a form left out is {@code null}. */
    record Settings(
            @Setting(value = "the observations of a scalar variable (instead of x and y)", optional = true)
            double[] values,
            @Setting(value = "feature rows, one array per observation (with y, instead of values)", optional = true)
            double[][] x,
            @Setting(value = "one target per row of x", optional = true) double[] y) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public DataSource create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        boolean values = s.values() != null;
        boolean x = s.x() != null;
        boolean y = s.y() != null;
        if (values && (x || y)) {
            throw new InvalidParameterException(x ? "x" : "y",
                    "give either 'values' or 'x' with 'y', not both forms");
        }
        if (!values && !x && !y) {
            throw new InvalidParameterException("values",
                    "no data: give 'values' (an array of numbers) or 'x' (an array of rows) with 'y'");
        }
        Dataset dataset;
        if (values) {
            // an empty array is a sample of no observations (n = 0): the posterior is the prior
            dataset = Dataset.values(s.values());
        } else if (!y) {
            throw new InvalidParameterException("y", "'x' is given without 'y': give one target per row of x");
        } else if (!x) {
            throw new InvalidParameterException("x", "'y' is given without 'x': give the feature rows, or use 'values'");
        } else {
            dataset = rows(s.x(), s.y());
        }
        return () -> dataset;
    }

    private static Dataset rows(double[][] x, double[] y) {
        if (x.length == 0) {
            throw new InvalidParameterException("x", "an empty array: with no rows, 'x' cannot say how many features "
                    + "there are; for no observations use a CSV file with only its header line (which names the "
                    + "columns), or generated data with n: 0");
        }
        if (x.length != y.length) {
            throw new InvalidParameterException("y", "'x' has " + x.length + " rows but 'y' has " + y.length
                    + " values; give one target per row");
        }
        for (int i = 1; i < x.length; i++) {
            if (x[i].length != x[0].length) {
                throw new InvalidParameterException("x", "row " + i + " of 'x' has " + x[i].length
                        + " values but row 0 has " + x[0].length + "; rows must be equally long");
            }
        }
        return Dataset.ofRows(x, y);
    }
}
