package org.workbench.engine.run;

/**
 * A component replaced by a newer version during a run.
 *
 * @param atMs        milliseconds since the point started
 * @param role        the role swapped
 * @param fromBundle  the bundle that provided the old component
 * @param fromVersion its version
 * @param toBundle    the bundle that provides the new one
 * @param toVersion   its version
 * @param costMicros  time spent finding, binding and creating the new component
 */
public record Swap(long atMs, String role, String fromBundle, String fromVersion, String toBundle, String toVersion,
        long costMicros) {
}
