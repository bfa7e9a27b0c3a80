package org.workbench.executor.hazelcast;

/**
 * A member's answer to a unit, as text that needs no class of the workbench's to read: one line
 * {@code ok|missing|failed MEMBER}, then the result's JSON or the reason.
 *
 * @param status {@code ok}, {@code missing} (the member lacks a pinned bundle) or {@code failed}
 * @param member the member that answered, {@code HOST:PORT}
 * @param body   the unit's result (ok) or the reason
 */
record Answer(String status, String member, String body) {
    static String ok(String member, String result) {
        return "ok " + member + "\n" + result;
    }

    static String missing(String member, String reason) {
        return "missing " + member + "\n" + reason;
    }

    static String failed(String member, String reason) {
        return "failed " + member + "\n" + reason;
    }

    static Answer parse(String text) {
        int nl = text.indexOf('\n');
        String head = nl < 0 ? text : text.substring(0, nl);
        String body = nl < 0 ? "" : text.substring(nl + 1);
        int sp = head.indexOf(' ');
        return new Answer(sp < 0 ? head : head.substring(0, sp), sp < 0 ? "?" : head.substring(sp + 1), body);
    }
}
