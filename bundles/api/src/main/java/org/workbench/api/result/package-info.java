/**
 * The published read model of {@code result.json}: what a task declares about its results so that any
 * reader (the web pages, the report, a script) can show them without knowing the task, and a summary
 * of a finished run.
 *
 * <p>{@link org.workbench.api.result.PointLabel} names a sweep point by its values ("τ = 0.1", "seed 181")
 * for the engine's plot titles and every reader's captions alike (1.1);
 * {@link org.workbench.api.result.ReadableNames} names result and sweep keys on axes and legends
 * ("prior scale τ", "test MSE, MAP") for the engine's plots and every reader's charts alike (1.2).
 *
 * <p>A task declares a {@link org.workbench.api.result.ResultLayout} (its charts, tables and kept
 * draws, each naming its series with a label and a unit) through
 * {@link org.workbench.api.TaskProvider#layout()}; the engine writes it into {@code result.json} under
 * {@link org.workbench.api.result.ResultLayout#KEY}, and readers turn it back with
 * {@link org.workbench.api.result.ResultLayout#fromJson(java.util.Map)}. JSON appears here only as
 * plain maps and lists (as any JSON library reads it), never as a library's types.
 */
@Export
@Version("1.2.0")
package org.workbench.api.result;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
