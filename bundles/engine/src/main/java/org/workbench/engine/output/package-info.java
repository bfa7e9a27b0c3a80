/**
 * Writing what a person reads: JSON text in the result folder's layout ({@code JsonText},
 * {@code JsonTrees}, {@code JsonValues}, large values kept beside {@code result.json}), plots by XChart
 * ({@code XChartRenderer} behind {@code PlotRenderer}), readable names and ticks, and the static report
 * ({@code ReportWriter}). Knows nothing of plans or runs.
 */
package org.workbench.engine.output;
