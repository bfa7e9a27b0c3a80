package {{package}};

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
import org.workbench.api.result.Chart;
import org.workbench.api.result.ResultLayout;
import org.workbench.api.result.Series;
import org.workbench.api.result.Table;

/**
 * Provides task {@code {{name}}}: its parameters, the roles a descriptor fills (none yet: add a
 * {@link Role} per component it needs), the result keys it writes and how they are shown. The
 * workbench's pages draw the charts and tables of {@link #layout()} for any task, so a new task gets
 * its run page, charts and compare view without a change to the workbench.
 */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.TASK, name = "{{name}}", summary = "{{summary}}")
public final class {{className}}Provider implements TaskProvider {
    /** The parameters, each declared once: {@link Parameter#declaredBy} derives them, {@link Parameters#as} reads them. */
    record Settings(
            @Setting(value = "darts thrown in all", defaultValue = "100000", atLeast = 1) int samples,
            @Setting(value = "counts at which the estimate is recorded", defaultValue = "20", atLeast = 1) int checkpoints) {
    }

    private static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    private static final ResultLayout LAYOUT = ResultLayout.of(
            new Chart("estimate", "Estimate of pi", "trace", "samples", "darts thrown", "",
                    List.of(Series.of("estimate", "estimate of pi"))),
            new Chart("error", "Error", "trace", "samples", "darts thrown", "distance",
                    List.of(Series.of("error", "|estimate - pi|"), Series.of("stderr", "standard error"))))
            .with(new Table("summary", "Result", "", List.of(Series.of("estimate", "estimate of pi"),
                    Series.of("stderr", "standard error"), Series.of("samples", "darts").unit("darts").whole())))
            .with(new Table("trace", "At each checkpoint", "trace", List.of(Series.of("samples", "darts").whole(),
                    Series.of("estimate", "estimate"), Series.of("stderr", "standard error"), Series.of("error", "error"))));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<Role<?>> roles() {
        return List.of();
    }

    @Override
    public List<String> resultKeys() {
        return List.of("samples", "estimate", "stderr", "trace[].samples", "trace[].estimate", "trace[].stderr",
                "trace[].error");
    }

    @Override
    public ResultLayout layout() {
        return LAYOUT;
    }

    @Override
    public Task create(Parameters parameters, ComponentContext context) {
        Settings settings = parameters.as(Settings.class);
        return new {{exampleClass}}(settings.samples(), settings.checkpoints());
    }
}
