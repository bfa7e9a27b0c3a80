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
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;

/** Provides data {@code fashion-mnist}: 60000 training and 10000 test images of 28x28 pixels, 10 classes. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.DATA, name = "fashion-mnist",
        summary = "Fashion-MNIST from its IDX files; pixels in [0, 1], labels 0..9, test set attached")
public final class FashionMnistProvider implements Provider<DataSource> {
    private static final String DEFAULT_FOLDER = "/usr/share/datasets/fashion-mnist";
    static final Path DEFAULT_PATH = Path.of(DEFAULT_FOLDER);

    /** The parameters, each declared once; a limit left out is {@code null}. */
    record Settings(
            @Setting(value = "folder holding the four IDX files (gzip or plain)", defaultValue = DEFAULT_FOLDER)
            Path path,
            @Setting(value = "use only the first trainLimit training images", optional = true, atLeast = 1)
            Integer trainLimit,
            @Setting(value = "use only the first testLimit test images", optional = true, atLeast = 1)
            Integer testLimit) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public DataSource create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        int trainLimit = s.trainLimit() != null ? s.trainLimit() : Integer.MAX_VALUE;
        int testLimit = s.testLimit() != null ? s.testLimit() : Integer.MAX_VALUE;
        return new FashionMnist(context.resolve(s.path()), trainLimit, testLimit, context, DecodedCache.inUserCache());
    }
}
