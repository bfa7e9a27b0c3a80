package org.workbench.data.basic;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
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
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.path("path", "the CSV file (relative paths resolve against the descriptor's folder)"),
            Parameter.string("target", "the column holding y; omit for a one-column file of values").optional());

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public DataSource create(Parameters parameters, ComponentContext context) {
        String target = parameters.has("target") ? parameters.string("target") : null;
        return new CsvFile(context.input(parameters.path("path")), target);
    }
}
