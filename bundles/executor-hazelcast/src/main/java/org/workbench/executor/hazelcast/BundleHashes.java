package org.workbench.executor.hazelcast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.workbench.api.execution.BundlePin;

/**
 * The SHA-256 of the jar behind this member's bundle of a pin's symbolic name and version; empty
 * when this member has no such bundle. A member compares them with the coordinator's pins before a
 * unit runs, and sends them with its answer, under the MAC, for the coordinator to compare too.
 */
@FunctionalInterface
interface BundleHashes {
    /** The local jar's hex SHA-256, "" when it cannot be read, empty when there is no such bundle. */
    Optional<String> sha256(BundlePin pin);

    /** The hashes of {@code pins}, in order ("" for a bundle absent or unreadable here). */
    default List<String> of(List<BundlePin> pins) {
        List<String> out = new ArrayList<>(pins.size());
        for (BundlePin p : pins) {
            out.add(sha256(p).orElse(""));
        }
        return out;
    }

    /**
     * Why a unit must not run here: the first pinned bundle present here whose jar differs from the
     * pin's SHA-256 (a bundle absent here is fetched and checked by the engine); empty when none.
     */
    default Optional<String> differing(List<BundlePin> pins) {
        for (BundlePin p : pins) {
            if (p.sha256().isEmpty()) {
                continue;
            }
            Optional<String> here = sha256(p);
            if (here.isPresent() && !here.get().equals(p.sha256())) {
                return Optional.of(differs(p, here.get()));
            }
        }
        return Optional.empty();
    }

    /** The reason a bundle is refused, naming it and both hashes. */
    static String differs(BundlePin pin, String here) {
        return "bundle " + pin.symbolicName() + " " + pin.version() + " differs from the coordinator's: SHA-256 "
                + (here.isEmpty() ? "(unreadable or absent)" : here) + " here, " + pin.sha256() + " pinned";
    }
}
