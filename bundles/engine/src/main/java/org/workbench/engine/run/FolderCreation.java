package org.workbench.engine.run;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembers which of the results folder and the experiment's folder a run is about to create, so
 * that a failed run removes them again when they are empty: a failure leaves no empty
 * {@code <out>/<name>/} behind.
 */
final class FolderCreation {
    private final Path outRoot;
    private final Path experimentFolder;
    private final boolean outRootExisted;
    private final boolean experimentExisted;

    private FolderCreation(Path outRoot, Path experimentFolder) {
        this.outRoot = outRoot;
        this.experimentFolder = experimentFolder;
        this.outRootExisted = Files.exists(outRoot);
        this.experimentExisted = Files.exists(experimentFolder);
    }

    static FolderCreation before(Path outRoot, Path experimentFolder) {
        return new FolderCreation(outRoot, experimentFolder);
    }

    /** Removes the folders this run created, if they are (still) empty. */
    void undo() {
        if (!experimentExisted) {
            deleteIfEmpty(experimentFolder);
        }
        if (!outRootExisted) {
            deleteIfEmpty(outRoot);
        }
    }

    private static void deleteIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (DirectoryNotEmptyException e) {
            // another run wrote there meanwhile: keep it
        } catch (IOException e) {
            // best effort
        }
    }
}
