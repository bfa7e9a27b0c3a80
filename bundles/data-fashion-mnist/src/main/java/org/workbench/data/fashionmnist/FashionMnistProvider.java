package org.workbench.data.fashionmnist;

import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;

/** Provides data {@code fashion-mnist}: 60000 training and 10000 test images of 28x28 pixels, 10 classes. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.DATA, name = "fashion-mnist",
        summary = "Fashion-MNIST from its IDX files; pixels in [0, 1], labels 0..9, test set attached")
public final class FashionMnistProvider implements Provider<DataSource> {
    static final Path DEFAULT_PATH = Path.of("/usr/share/datasets/fashion-mnist");
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.path("path", "folder holding the four IDX files (gzip or plain)").withDefault(DEFAULT_PATH),
            Parameter.integer("trainLimit", "use only the first trainLimit training images").optional().atLeast(1),
            Parameter.integer("testLimit", "use only the first testLimit test images").optional().atLeast(1));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public DataSource create(Parameters parameters, ComponentContext context) {
        int trainLimit = parameters.has("trainLimit") ? parameters.intValue("trainLimit") : Integer.MAX_VALUE;
        int testLimit = parameters.has("testLimit") ? parameters.intValue("testLimit") : Integer.MAX_VALUE;
        return new FashionMnist(context.resolve(parameters.path("path")), trainLimit, testLimit, context);
    }
}
