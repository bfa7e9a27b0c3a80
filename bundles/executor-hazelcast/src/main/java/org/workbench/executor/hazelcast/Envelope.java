package org.workbench.executor.hazelcast;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 that authenticates what travels between members: a unit (with its id, nonce and
 * pins) and an answer (with the unit's id, the same nonce and the member's bundle hashes). The MAC
 * covers every field, each prefixed by its length, so no field can be moved into another. Two keys
 * are derived from the shared secret, one for the MACs and one for the Hazelcast cluster name
 * (members without the secret do not even join). Without a secret ({@link #NONE}) nothing is signed
 * and nothing verified: the cluster is then loopback only.
 */
final class Envelope {
    static final Envelope NONE = new Envelope(null, null);
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;
    private final byte[] nameKey;

    private Envelope(SecretKeySpec key, byte[] nameKey) {
        this.key = key;
        this.nameKey = nameKey;
    }

    /** The envelope of a shared secret. */
    static Envelope of(byte[] secret) {
        SecretKeySpec master = new SecretKeySpec(secret, ALGORITHM);
        return new Envelope(new SecretKeySpec(mac(master, "workbench cluster: messages"), ALGORITHM),
                mac(master, "workbench cluster: name"));
    }

    /** Whether a secret is in use: units and answers are signed and checked. */
    boolean keyed() {
        return key != null;
    }

    /**
     * The Hazelcast cluster name: {@code name} without a secret, else {@code name} and 16 hex digits
     * derived from the secret, so that a process without it joins another cluster (or none).
     */
    String clusterName(String name) {
        if (nameKey == null) {
            return name;
        }
        byte[] tag = mac(new SecretKeySpec(nameKey, ALGORITHM), name);
        return name + "-" + HexFormat.of().formatHex(tag, 0, 8);
    }

    /** The hex MAC of {@code fields}, or "" without a secret. */
    String sign(String... fields) {
        return key == null ? "" : HexFormat.of().formatHex(mac(key, fields));
    }

    /** Whether {@code mac} is the MAC of {@code fields} (always, without a secret); compared in constant time. */
    boolean verifies(String mac, String... fields) {
        if (key == null) {
            return true;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(mac == null ? "" : mac);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(key, fields));
    }

    private static byte[] mac(SecretKeySpec key, String... fields) {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(key);
            ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
            for (String f : fields) {
                byte[] bytes = (f == null ? "" : f).getBytes(StandardCharsets.UTF_8);
                length.clear();
                m.update(length.putInt(bytes.length).array());
                m.update(bytes);
            }
            return m.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
