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
 * @param name        the provider's name (the same for both versions)
 * @param at          the task's safe point, e.g. {@code epoch 3}, or {@code null} when it named none
 * @param check       the how-many-th request of the task for a newer component of the role this was (from 1)
 * @param parameters  the new component's parameters, defaults included, as provenance shows them
 */
public record Swap(long atMs, String role, String fromBundle, String fromVersion, String toBundle, String toVersion,
        long costMicros, String name, String at, int check, com.google.gson.JsonObject parameters) {

    /** The step of the effective descriptor's {@code "swaps"} that replays this swap. */
    public com.google.gson.JsonObject step(Integer point) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("role", role);
        o.addProperty("version", toVersion);
        if (at != null) {
            o.addProperty("at", at);
        }
        o.addProperty("check", check);
        if (point != null) {
            o.addProperty("point", point);
        }
        return o;
    }

    /** {@code optimizer: momentum 1.0.0 -> 1.1.0 at epoch 3}, naming the bundles when they differ. */
    public String describe() {
        String bundles = fromBundle.equals(toBundle) ? "" : " (" + fromBundle + " -> " + toBundle + ")";
        return role + ": " + name + " " + fromVersion + " -> " + toVersion + bundles + (at == null ? "" : " at " + at);
    }
}
