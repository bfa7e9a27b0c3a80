package org.workbench.data.basic;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;

/**
 * Provides data {@code gaussian-sample}: n draws of x = mean + eps, eps ~ N(0, stddev^2); nested
 * along a sweep over n, mean or stddev (the same standard normal draws) unless {@code nested} is false.
 */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.DATA, name = "gaussian-sample",
        summary = "n seeded draws of x = mean + eps with eps ~ N(0, stddev^2)")
public final class GaussianSampleProvider implements Provider<DataSource> {
    /** The largest sample drawn, 10^8 values (800 MB). */
    static final long MAX_N = 100_000_000L;

    /** The parameters, each declared once. */
    record Settings(
            @Setting(value = "number of observations", atLeast = 0, atMost = MAX_N) int n,
            @Setting(value = "the true mean mu", defaultValue = "0") double mean,
            @Setting(value = "the noise standard deviation sigma", defaultValue = "1", greaterThan = 0) double stddev,
            @Setting(value = "in a sweep over n (or mean or stddev), every sample is built from the first n"
                    + " draws of one sequence z (common random numbers: x_i = mean + stddev z_i); false draws each"
                    + " point's sample afresh", defaultValue = "true") boolean nested) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public DataSource create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        long seed = s.nested() ? context.seedAcross("n", "mean", "stddev") : context.seed();
        return new GaussianSample(s.n(), s.mean(), s.stddev(), seed, context);
    }
}
