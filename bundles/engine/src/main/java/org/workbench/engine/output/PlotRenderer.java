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

    /**
     * Renders {@code plot} into {@code folder} on the calling thread alone, for a caller that already
     * draws other plots beside it (so that the cores are busy without this renderer's own threads); by
     * default as {@link #render}.
     *
     * @return the file names written, as {@link #render} gives them
     */
    default List<String> renderHere(Plot plot, Path folder) throws IOException {
        return render(plot, folder);
    }
}
