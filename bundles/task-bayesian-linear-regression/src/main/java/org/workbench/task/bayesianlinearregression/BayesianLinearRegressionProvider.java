package org.workbench.task.bayesianlinearregression;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.Role;
import org.workbench.api.Task;
import org.workbench.api.TaskProvider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.result.Draws;
import org.workbench.api.result.ResultLayout;
import org.workbench.api.result.Series;

/** Provides task {@code bayesian-linear-regression} (homework 3, problem 2). */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.TASK, name = "bayesian-linear-regression",
        summary = "Laplace-prior linear regression: log posterior, MAP (lasso), posterior mean, tau path, MAP vs mean study")
public final class BayesianLinearRegressionProvider implements TaskProvider {
    /** The parameters, each declared once; a grid left out is {@code null}. */
    record Settings(
            @Setting(value = "prior scales tau for the MAP coefficient path and tau_critical", optional = true,
                    greaterThan = 0) double[] tauGrid,
            @Setting(value = "replications of the whole generating process for the MAP vs posterior-mean study (0: none)",
                    defaultValue = "0", atLeast = 0) int replications,
            @Setting(value = "held-out rows per study replication for the test MSE", defaultValue = "1000", atLeast = 1)
            int testSize,
            @Setting(value = "replications of the expert-prior study (2.3): w drawn near the prior"
                    + " location v, squared error of the v-centred and 0-centred Laplace MAPs, the Gaussian MAP centred at v"
                    + " and least squares (0: none)", defaultValue = "0", atLeast = 0) int expertReplications,
            @Setting(value = "prior scales tau of the expert-prior study", optional = true, greaterThan = 0)
            double[] expertTauGrid,
            @Setting(value = "the expert-prior study draws w_j = v_j + Laplace(0, expertSpread)", defaultValue = "0.2",
                    greaterThan = 0) double expertSpread) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /** What {@code run} writes; experiments/README.md's "Result keys" section says what each means. */
    /**
     * The sampler's kept draws ({@code draws.json}, when it keeps them) with each coordinate's posterior
     * mean and diagnostics, which the MCMC pages show without knowing this task.
     */
    static final ResultLayout LAYOUT = ResultLayout.NONE.with(new Draws(DrawsArtifact.FILE, "w", List.of(
            Series.of("posteriorMean.w", "Posterior mean"), Series.of("diagnostics.rhat", "R-hat"),
            Series.of("diagnostics.ess", "Bulk ESS").unit("draws").whole(),
            Series.of("diagnostics.essTail", "Tail ESS").unit("draws").whole())));

    @Override
    public ResultLayout layout() {
        return LAYOUT;
    }

    @Override
    public List<String> resultKeys() {
        return List.of("n", "p", "noiseVariance", "location", "tau", "lambda", "lassoAlpha", "lassoForm", "map.w",
                "map.objective", "map.dualityGap", "map.iterations", "map.converged", "map.entriesAtLocation",
                "truth.w", "posteriorMean.w", "posteriorMean.mcse", "diagnostics.*", "logPosterior.form",
                "logPosterior.map", "logPosterior.posteriorMean", "logPosterior.truth",
                "logPosterior.constantOfLogJoint", "testMse.map", "testMse.posteriorMean", "tauPath.tau",
                "tauPath.w", "tauPath.objective", "tauPath.entriesAtLocation", "tauCritical", "study.replications",
                "study.testSize", "study.testMse.*", "study.difference.*", "study.parameterError.*",
                "study.posteriorMeanBetterFraction", "expertStudy.replications", "expertStudy.spread",
                "expertStudy.generatingProcess", "expertStudy.gaussianPriorVariance", "expertStudy.tau",
                "expertStudy.bestTauForLaplaceAtV", "expertStudy.tauCritical.*", "expertStudy.byTau[].*",
                "expertStudy.meanError.*");
    }

    @Override
    public List<Role<?>> roles() {
        return Roles.ALL;
    }

    @Override
    public Task create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        double[] tauGrid = s.tauGrid() != null ? s.tauGrid() : new double[0];
        int expert = s.expertReplications();
        if (expert > 0 && s.expertTauGrid() == null) {
            throw new org.workbench.api.InvalidParameterException("expertTauGrid",
                    "'expertReplications' needs 'expertTauGrid', the prior scales tau to compare");
        }
        ExpertPriorStudy study = expert > 0 ? new ExpertPriorStudy(expert, s.expertTauGrid(), s.expertSpread()) : null;
        return new BayesianLinearRegressionTask(tauGrid, s.replications(), s.testSize(), study);
    }
}
