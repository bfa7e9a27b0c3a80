package org.workbench.engine.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.workbench.api.Plot;

/** Writes a {@link Plot} as image files. */
@FunctionalInterface
public interface PlotRenderer {
    /**
     * Renders {@code plot} into {@code folder}.
     *
     * @return the file names written (e.g. {@code name.png}, {@code name.svg})
     */
    List<String> render(Plot plot, Path folder) throws IOException;
}
