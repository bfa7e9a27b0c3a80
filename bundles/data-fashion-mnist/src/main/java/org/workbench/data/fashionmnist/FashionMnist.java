package org.workbench.data.fashionmnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.workbench.api.InvalidParameterException;
import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;

/**
 * Loads Fashion-MNIST from a folder holding {@code train-images-idx3-ubyte.gz},
 * {@code train-labels-idx1-ubyte.gz}, {@code t10k-images-idx3-ubyte.gz} and
 * {@code t10k-labels-idx1-ubyte.gz} (or the same names without {@code .gz}): pixels become
 * features scaled to [0, 1] (kept as the file's bytes, see {@link Dataset#ofBytes}), labels 0..9
 * become targets, the t10k files the test set.
 */
final class FashionMnist implements DataSource {
    static final String INSTALL_HINT = "install it with 'sudo apt-get install dataset-fashion-mnist' "
            + "(files under /usr/share/datasets/fashion-mnist), or set the data's 'path' to a folder holding "
            + "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz";
    static final int CLASSES = 10;
    /** Pixels 0..255 are stored as read (a quarter of the memory of floats) and scaled to [0, 1] by this factor. */
    static final float PIXEL_SCALE = 1f / 255f;
    private final Path folder;
    private final int trainLimit;
    private final int testLimit;
    private final ComponentContext context;
    private final DecodedCache cache;

    /**
     * @param context records every IDX file read as an input of the run
     * @param cache   where gzip files are decoded once, for every later run
     */
    FashionMnist(Path folder, int trainLimit, int testLimit, ComponentContext context, DecodedCache cache) {
        this.folder = folder;
        this.cache = cache;
        this.context = context;
        this.trainLimit = trainLimit;
        this.testLimit = testLimit;
    }

    @Override
    public Dataset load() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new InvalidParameterException("path", "Fashion-MNIST not found: " + folder + " is not a folder; " + INSTALL_HINT);
        }
        Dataset train = split("train", trainLimit);
        Dataset test = split("t10k", testLimit);
        if (test.columns() != train.columns()) {
            throw new InvalidParameterException("path", folder + ": training images have " + train.columns() + " pixels, test images " + test.columns());
        }
        return train.withTest(test);
    }

    private Dataset split(String prefix, int limit) throws IOException {
        IdxFile images = read(context.input(find(prefix + "-images-idx3-ubyte")), IdxFile.IMAGES_MAGIC, limit);
        IdxFile labels = read(context.input(find(prefix + "-labels-idx1-ubyte")), IdxFile.LABELS_MAGIC, limit);
        if (images.items() != labels.items()) {
            throw new InvalidParameterException("path", folder + ": " + prefix + " has " + images.items() + " images but " + labels.items() + " labels");
        }
        int n = images.items();
        int pixels = images.dimensions[1] * images.dimensions[2];
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            int label = labels.data[i] & 0xff;
            if (label >= CLASSES) {
                throw new InvalidParameterException("path", folder + ": " + prefix + " label " + i + " is " + label + ", outside 0.." + (CLASSES - 1));
            }
            targets[i] = label;
        }
        return Dataset.ofBytes(n, pixels, images.data, PIXEL_SCALE, targets);
    }

    /**
     * Reads {@code source} through its decoded copy in the cache when there is one (made now if not);
     * a copy that cannot be read is forgotten and the source read instead, which names any fault.
     */
    private IdxFile read(Path source, int magic, int limit) throws IOException {
        Path plain = cache.plain(source);
        if (!plain.equals(source)) {
            try {
                return IdxFile.read(plain, magic, limit);
            } catch (IOException | RuntimeException e) {
                cache.forget(plain);
            }
        }
        return IdxFile.read(source, magic, limit);
    }

    private Path find(String name) {
        Path gz = folder.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = folder.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new InvalidParameterException("path", "Fashion-MNIST not found: " + gz + " does not exist; " + INSTALL_HINT);
    }

    @Override
    public String toString() {
        return "fashion-mnist(" + folder + ")";
    }
}
