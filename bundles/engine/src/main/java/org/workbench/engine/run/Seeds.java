package org.workbench.engine.run;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from a parent seed and a label (a sweep point's index, a role's
 * name) with the SplitMix64 finaliser, so that a component's random stream depends only on the
 * run's seed and where the component stands, never on thread scheduling or creation order.
 */
public final class Seeds {
    private Seeds() {
    }

    /** The seed for {@code label} under {@code parent}. */
    public static long derive(long parent, String label) {
        long h = 0xcbf29ce484222325L;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(parent * 0x9e3779b97f4a7c15L + mix(h));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
