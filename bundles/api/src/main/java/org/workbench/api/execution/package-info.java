/**
 * Where the units of a run execute. An {@link org.workbench.api.execution.Executor} (a component of
 * kind {@code executor}, e.g. {@code local} or {@code hazelcast}) schedules {@link
 * org.workbench.api.execution.Unit units}: self-contained JSON text (the pinned effective descriptor,
 * a sweep point and seed, optionally one unit of a fan-out) that any member holding the pinned
 * bundles turns back into the same numbers through the engine's {@link
 * org.workbench.api.execution.UnitRunner}. Only JDK types cross this contract.
 */
@Export
@Version("1.3.0")
package org.workbench.api.execution;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
