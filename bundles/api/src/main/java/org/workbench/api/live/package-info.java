/**
 * Live runs for a user interface that stays up (the web workbench of {@code ./workbench serve}):
 * where the workbench reads and writes ({@link org.workbench.api.live.Workspace}), starting a run
 * with overrides, observing its progress and per-step metrics as they happen
 * ({@link org.workbench.api.live.RunObserver}) and cancelling it like Ctrl-C
 * ({@link org.workbench.api.live.Execution}), and every run in progress in the runtime, whoever
 * started it ({@link org.workbench.api.live.ActiveRun}).
 */
@Export
@Version("1.2.0")
package org.workbench.api.live;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
