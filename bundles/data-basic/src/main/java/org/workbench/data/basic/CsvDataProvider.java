package org.workbench.data.basic;

import java.nio.file.Path;
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
 * Provides data {@code csv}: a comma-separated file whose first line names the columns. With
 * {@code target}, that column holds y and every other column is a feature; without it the file must
 * have a single column, whose numbers are the observations of a scalar variable.
 */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.DATA, name = "csv",
        summary = "A CSV file with a header; 'target' names the y column, the others are features")
public final class CsvDataProvider implements Provider<DataSource> {
    /** The parameters, each declared once. */
    record Settings(
            @Setting("the CSV file (relative paths resolve against the descriptor's folder)") Path path,
            @Setting(value = "the column holding y; omit for a one-column file of values", optional = true)
            String target) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public DataSource create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        return new CsvFile(context.input(s.path()), s.target());
    }
}
