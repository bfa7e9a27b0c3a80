package org.workbench.task.trainclassifier;

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
import org.workbench.api.nn.Precision;
import org.workbench.api.result.Chart;
import org.workbench.api.result.ResultLayout;
import org.workbench.api.result.Series;

/**
 * Provides task {@code train-classifier} (problem 4): minibatch training of the descriptor's
 * network on a labelled data set. The optional {@code backend} role picks the dense products;
 * when a descriptor leaves it out the engine puts the fastest that works there: {@code vector}
 * when the JVM has the {@code jdk.incubator.vector} module, else {@code ejml} (provenance records
 * which and why). Training runs in single precision unless {@code precision} asks for double.
 */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.TASK, name = "train-classifier",
        summary = "Minibatch training of a layer network; per-epoch loss, accuracies, seconds and a progress plot")
public final class TrainClassifierProvider implements TaskProvider {
    /** The parameters, each declared once. */
    record Settings(
            @Setting(value = "passes over the training set", defaultValue = "10", atLeast = 1) int epochs,
            @Setting(value = "examples per gradient step (the last batch of an epoch may be smaller)",
                    defaultValue = "256", atLeast = 1) int batchSize,
            @Setting(value = "floating-point type of the network: float (fast, as numpy and PyTorch train) or double",
                    defaultValue = "float", oneOf = {"float", "double"}) String precision,
            @Setting(value = "save a checkpoint (weights, optimizer and shuffling state) every this many "
                    + "epochs, which --resume continues from; 0 keeps only the final weights.npz",
                    defaultValue = "0", atLeast = 0) int checkpointEvery,
            @Setting(value = "a checkpoint (.npz) to evaluate on the test set instead of training: "
                    + "results.evaluation holds its test loss, accuracy and confusion matrix (./workbench evaluate sets it)",
                    optional = true) String evaluate) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    /** What {@code run} writes; experiments/README.md's "Result keys" section says what each means. */
    @Override
    public List<String> resultKeys() {
        return List.of("backend", "backendDetails.*", "precision", "parameterCount", "epochs[].epoch", "epochs[].trainLoss",
                "epochs[].trainAccuracy", "epochs[].testAccuracy", "epochs[].testLoss", "epochs[].seconds",
                "epochs[].trainSeconds", "testAccuracy", "examplesPerSecond", "medianEpochSeconds", "evaluation.checkpoint",
                "evaluation.epoch", "evaluation.examples", "evaluation.testLoss", "evaluation.testAccuracy",
                "evaluation.confusion");
    }

    /**
     * The loss panel's title, on the chart the pages draw and on {@code training.png} alike: a reader
     * pairs the image with the chart by it (result.json's {@code plots}) and shows the curves once.
     */
    static final String LOSS_TITLE = "Training and test loss by epoch";
    /** The accuracy panel's title, on its chart and on {@code accuracy.png}. */
    static final String ACCURACY_TITLE = "Training and test accuracy by epoch";

    /** The loss and accuracy panels over {@code epochs}, which every page draws without knowing this task. */
    static final ResultLayout LAYOUT = ResultLayout.of(
            new Chart("loss", LOSS_TITLE, "epochs", "epoch", "epoch", "cross-entropy loss",
                    List.of(Series.of("trainLoss", "train loss").unit("nats"), Series.of("testLoss", "test loss").unit("nats"))),
            new Chart("accuracy", ACCURACY_TITLE, "epochs", "epoch", "epoch", "accuracy",
                    List.of(Series.of("trainAccuracy", "train accuracy"), Series.of("testAccuracy", "test accuracy"))));

    @Override
    public ResultLayout layout() {
        return LAYOUT;
    }

    @Override
    public List<Role<?>> roles() {
        return Roles.ALL;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Task create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        return new TrainClassifier(s.epochs(), s.batchSize(),
                "double".equals(s.precision()) ? Precision.DOUBLE : Precision.FLOAT, s.checkpointEvery(), s.evaluate());
    }
}
