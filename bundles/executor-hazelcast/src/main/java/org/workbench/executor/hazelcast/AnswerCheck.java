package org.workbench.executor.hazelcast;

import java.util.List;
import java.util.Optional;

import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.Unit;

/**
 * The coordinator's checks of an answer before it counts: the MAC verifies with the secret, the
 * answer names the unit and the nonce of the dispatch it answers (so an answer to another unit, or
 * an earlier one, cannot be replayed), and for a result the member's hash of every pinned bundle is
 * the pin's.
 */
final class AnswerCheck {
    private AnswerCheck() {
    }

    /** Why {@code answer} does not count for {@code unit} sent with {@code nonce}; empty when it does. */
    static Optional<String> untrusted(Answer answer, Unit unit, String nonce, Envelope envelope) {
        if (!answer.authentic(envelope)) {
            return Optional.of("it is not signed with this cluster's secret");
        }
        if (!answer.unit().equals(unit.id()) || !answer.nonce().equals(nonce)) {
            return Optional.of("it answers unit " + answer.unit() + " (nonce " + answer.nonce() + "), not this dispatch"
                    + " of " + unit.id() + " (a replay)");
        }
        if (!answer.status().equals(Answer.OK)) {
            return Optional.empty();
        }
        List<BundlePin> pins = unit.bundles();
        List<String> hashes = answer.hashes();
        for (int i = 0; i < pins.size(); i++) {
            BundlePin pin = pins.get(i);
            String here = i < hashes.size() ? hashes.get(i) : "";
            if (!pin.sha256().isEmpty() && !pin.sha256().equals(here)) {
                return Optional.of(BundleHashes.differs(pin, here).replace(" here,", " on the member,"));
            }
        }
        return Optional.empty();
    }
}
