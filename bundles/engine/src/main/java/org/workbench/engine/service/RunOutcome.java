package org.workbench.engine.service;

import java.nio.file.Path;

import org.workbench.api.Workbench;

/**
 * How a run ended, in the one vocabulary every front end uses: the exit status ({@link Workbench#OK},
 * {@link Workbench#INVALID} for invalid input, {@link Workbench#FAILED} for a failed run), the published
 * {@code result.json} (also for a partial sweep), the line a person reads, and the cause worth a few
 * stack frames.
 *
 * @param status  0 done, 1 failed or partial, 2 invalid input
 * @param result  the published {@code result.json}, or {@code null} when nothing was published
 * @param message the line to show ({@code error: ...}, {@code run failed: ...}, {@code run partial: ...}), or
 *                {@code null} when the run is done
 * @param cause   the exception behind a failure, or {@code null}
 */
public record RunOutcome(int status, Path result, String message, Throwable cause) {
    static RunOutcome done(Path result) {
        return new RunOutcome(Workbench.OK, result, null, null);
    }

    static RunOutcome invalid(String message) {
        return new RunOutcome(Workbench.INVALID, null, "error: " + message, null);
    }

    static RunOutcome failed(String message, Throwable cause) {
        return new RunOutcome(Workbench.FAILED, null, "run failed: " + message, cause);
    }

    static RunOutcome partial(Path result, String message) {
        return new RunOutcome(Workbench.FAILED, result, "run partial: " + message, null);
    }
}
