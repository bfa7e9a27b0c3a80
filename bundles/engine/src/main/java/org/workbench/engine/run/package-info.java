/**
 * Running a plan: planning sweeps and seeds ({@code Planner}, {@code Plan}, {@code Seeds}), executing
 * points on an executor ({@code SweepExecution}, {@code LocalExecutor}), unfinished and resumed folders,
 * bundle pins, hot swaps, failures and timeouts, and writing {@code result.json} ({@code ResultDocument})
 * and the sweep's plots. Uses {@code catalog}, {@code descriptor}, {@code input} and {@code output}.
 */
package org.workbench.engine.run;
