package org.workbench.data.lineargaussian;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.bayes.Prior;
import org.workbench.api.linear.SimulatedRegression;

/**
 * Provides data {@code linear-gaussian}: y = X w + eps with rows x ~ N(0, I_p), eps ~ N(0, sigma^2),
 * and w as given or drawn from the run's {@code prior}.
 */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.DATA, name = "linear-gaussian",
        summary = "Simulated y = Xw + eps, x ~ N(0, I), w given or drawn from the run's prior")
public final class LinearGaussianProvider implements Provider<SimulatedRegression> {
    /** The parameters, each declared once; {@code p} and {@code w} are {@code null} when left out. */
    record Settings(
            @Setting(value = "number of training rows N (0: no data, the posterior is the prior)", defaultValue = "100",
                    atLeast = 0) int n,
            @Setting(value = "number of features (defaults to the length of w)", optional = true, atLeast = 1) Integer p,
            @Setting(value = "noise variance sigma^2 of y given x and w", defaultValue = "1", greaterThan = 0)
            double noiseVariance,
            @Setting(value = "true weights; drawn from the run's prior when absent", optional = true) double[] w,
            @Setting(value = "rows of a held-out test set drawn the same way (0 for none)", defaultValue = "0",
                    atLeast = 0) int testSize,
            @Setting(value = "in a sweep over n, the training rows are the first n rows of one sample and the"
                    + " test set is the same at every n (common random numbers); false draws each point afresh",
                    defaultValue = "true") boolean nested) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public SimulatedRegression create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        double[] w = s.w();
        int p;
        if (s.p() != null) {
            p = s.p();
            if (w != null && w.length != p) {
                throw new InvalidParameterException("w", "'w' has " + w.length + " entries but 'p' is " + p);
            }
        } else if (w != null) {
            p = w.length;
        } else {
            throw new InvalidParameterException("p", "give 'p' (the number of features) or 'w'");
        }
        Prior prior = null;
        if (w == null) {
            if (!context.hasPeer("prior")) {
                throw new InvalidParameterException("w", "no 'w' given and the run has no prior to draw it from");
            }
            prior = context.peer("prior", Prior.class);
            if (prior.dimension() != 0 && prior.dimension() != p) {
                throw new InvalidParameterException("p", "the prior has " + prior.dimension()
                        + " coordinates but 'p' is " + p);
            }
        }
        return new LinearGaussianData(s.n(), p, s.noiseVariance(), w, prior, s.testSize(), context,
                s.nested() ? context.seedAcross("n") : context.seed(), s.nested());
    }
}
