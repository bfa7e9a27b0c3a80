package org.workbench.engine.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.workbench.engine.input.InvalidInputException;

/** Finds the run folder a command line names: a folder or its {@code result.json}, {@code experiment/run-id}, or a run id. */
public final class RunFolders {
    private RunFolders() {
    }

    /** The run folder under {@code results} that {@code run} names. */
    public static Path find(Path results, String run) throws InvalidInputException, IOException {
        Path given = Path.of(run);
        if (Files.isRegularFile(given) && given.getFileName().toString().equals(ResultFolderReader.RESULT)) {
            given = given.toAbsolutePath().getParent();
        }
        if (Files.isRegularFile(given.resolve(ResultFolderReader.RESULT)) && given.getNameCount() >= 2) {
            return given.toAbsolutePath().normalize();
        }
        if (run.contains("/")) {
            Path inside = results.resolve(run);
            if (Files.isRegularFile(inside.resolve(ResultFolderReader.RESULT))) {
                return inside.toAbsolutePath().normalize();
            }
        } else if (!run.isEmpty() && !run.startsWith(".") && Files.isDirectory(results)) {
            List<Path> found = new ArrayList<>();
            try (DirectoryStream<Path> experiments = Files.newDirectoryStream(results, Files::isDirectory)) {
                for (Path experiment : experiments) {
                    if (Files.isRegularFile(experiment.resolve(run).resolve(ResultFolderReader.RESULT))) {
                        found.add(experiment.resolve(run));
                    }
                }
            }
            if (found.size() == 1) {
                return found.get(0).toAbsolutePath().normalize();
            }
            if (found.size() > 1) {
                throw new InvalidInputException(null, null, "run id '" + run + "' is in " + found.size()
                        + " experiments; name one as experiment/run-id: " + String.join(", ",
                                found.stream().map(f -> results.relativize(f).toString()).toList()));
            }
        }
        throw new InvalidInputException(null, null, "no run '" + run + "' under " + results + ": give a run folder "
                + "(or its result.json), experiment/run-id or a run id, as ./workbench runs lists them");
    }
}
