package org.workbench.repository;

import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 fingerprints of signer certificates, as {@code keytool -list} prints them
 * ({@code AB:CD:...}); kept as 64 lower-case hex digits.
 */
final class Fingerprints {
    private Fingerprints() {
    }

    static String sha256(byte[] encodedCertificate) {
        return PluginWriter.sha256(encodedCertificate);
    }

    /**
     * A fingerprint as written by a user, with or without colons or spaces, in either case; {@code null}
     * when it is not 32 bytes of hex.
     */
    static String normal(String written) {
        String hex = written.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
        return hex.matches("[0-9a-f]{64}") ? hex : null;
    }

    static String colons(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }
}
