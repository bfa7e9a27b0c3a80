package org.workbench.executor.hazelcast;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nonces: a fresh random one for every dispatch of a unit, and, on a member, the last ones it has
 * accepted, so that a unit captured on the network and sent again is refused. An answer's MAC
 * covers its unit's id and nonce, so an answer cannot be replayed for another unit or dispatch.
 */
final class SeenNonces {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int REMEMBERED = 100_000;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** 128 random bits, hex. */
    static String fresh() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Whether {@code nonce} is new here (and remembers it). */
    synchronized boolean first(String nonce) {
        return seen.put(nonce, Boolean.TRUE) == null;
    }
}
