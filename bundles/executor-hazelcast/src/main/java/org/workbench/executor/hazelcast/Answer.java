package org.workbench.executor.hazelcast;

import java.util.Arrays;
import java.util.List;

/**
 * A member's answer to a unit, as text that needs no class of the workbench's to read:
 * <pre>
 * STATUS MEMBER
 * UNIT-ID
 * NONCE
 * SHA256,SHA256,...   (the member's jars of the unit's pins, in order)
 * MAC                 (HMAC-SHA256 of all of the above and the body; empty without a secret)
 * BODY                (the result's JSON or the reason)
 * </pre>
 *
 * @param status {@code ok}, {@code missing} (the member lacks a pinned bundle), {@code refused} (the
 *               member does not trust the unit: not authenticated, replayed, or a pinned bundle differs
 *               here) or {@code failed}
 * @param member the member that answered, {@code HOST:PORT}, as it says
 * @param unit   the unit's id
 * @param nonce  the nonce of the dispatch it answers
 * @param hashes the member's SHA-256 of each pinned bundle ("" when absent)
 * @param mac    the MAC
 * @param body   the unit's result (ok) or the reason
 */
record Answer(String status, String member, String unit, String nonce, List<String> hashes, String mac, String body) {
    static final String OK = "ok";
    static final String MISSING = "missing";
    static final String REFUSED = "refused";
    static final String FAILED = "failed";

    /** The signed answer of a member. */
    static Answer of(Envelope envelope, String status, String member, String unit, String nonce, List<String> hashes,
            String body) {
        List<String> h = List.copyOf(hashes);
        return new Answer(status, member, unit, nonce, h, envelope.sign(fields(status, member, unit, nonce, h, body)),
                body);
    }

    private static String[] fields(String status, String member, String unit, String nonce, List<String> hashes,
            String body) {
        return new String[] {"answer", status, member, unit, nonce, String.join(",", hashes), body};
    }

    /** Whether the MAC is that of this answer's fields under {@code envelope}'s secret. */
    boolean authentic(Envelope envelope) {
        return envelope.verifies(mac, fields(status, member, unit, nonce, hashes, body));
    }

    String text() {
        return status + " " + member + "\n" + unit + "\n" + nonce + "\n" + String.join(",", hashes) + "\n" + mac + "\n"
                + body;
    }

    /** Reads an answer; text that is not one becomes a {@code failed} answer whose MAC never verifies. */
    static Answer parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\n", 6);
        if (parts.length < 6) {
            return new Answer(FAILED, "?", "", "", List.of(), "-", "an answer that is not one: "
                    + (text == null ? "null" : text.substring(0, Math.min(200, text.length()))));
        }
        String head = parts[0];
        int sp = head.indexOf(' ');
        List<String> hashes = parts[3].isEmpty() ? List.of() : Arrays.asList(parts[3].split(",", -1));
        return new Answer(sp < 0 ? head : head.substring(0, sp), sp < 0 ? "?" : head.substring(sp + 1), parts[1],
                parts[2], List.copyOf(hashes), parts[4], parts[5]);
    }
}
