package org.workbench.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Who signed a jar ({@code jarsigner}), checked by the JDK's own verification: every entry outside
 * {@code META-INF/} must carry the same signers, else the jar counts as unsigned; a signature that
 * does not match its entry is a {@link SecurityException} from the JDK, reported as tampering.
 */
final class JarSigners {
    private JarSigners() {
    }

    /** The signers of a wholly signed jar: each certificate's SHA-256 fingerprint to its subject. */
    record Signers(Map<String, String> byFingerprint) {
        /** {@code CN=... (SHA-256 AB:CD:...)}, one per signer. */
        String text() {
            StringBuilder text = new StringBuilder();
            byFingerprint.forEach((fingerprint, subject) -> text.append(text.length() == 0 ? "" : "; ")
                    .append(subject).append(" (SHA-256 ").append(Fingerprints.colons(fingerprint)).append(')'));
            return text.toString();
        }
    }

    /** The jar's signers, or {@code null} when it is not (wholly) signed. */
    static Signers of(Path jar) throws IOException {
        Map<String, String> common = null;
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            byte[] buffer = new byte[8192];
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
                JarEntry e = entries.nextElement();
                if (e.isDirectory() || e.getName().startsWith("META-INF/")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(e)) {
                    while (in.read(buffer) >= 0) {
                        // reading the whole entry is what makes the JDK check its signature
                    }
                }
                Map<String, String> signers = signers(e.getCodeSigners());
                if (signers.isEmpty()) {
                    return null;
                }
                if (common == null) {
                    common = signers;
                } else {
                    common.keySet().retainAll(signers.keySet());
                    if (common.isEmpty()) {
                        return null;
                    }
                }
            }
        } catch (SecurityException e) {
            throw new PluginWriter.Tampered(jar.getFileName() + ": its signature does not match its content ("
                    + e.getMessage() + "); nothing was installed");
        }
        return common == null ? null : new Signers(common);
    }

    private static Map<String, String> signers(CodeSigner[] signers) throws IOException {
        Map<String, String> byFingerprint = new LinkedHashMap<>();
        for (CodeSigner s : signers == null ? new CodeSigner[0] : signers) {
            var certificates = s.getSignerCertPath().getCertificates();
            if (!certificates.isEmpty() && certificates.get(0) instanceof X509Certificate x) {
                try {
                    byFingerprint.put(Fingerprints.sha256(x.getEncoded()), x.getSubjectX500Principal().getName());
                } catch (CertificateEncodingException e) {
                    throw new IOException("a signer's certificate cannot be encoded: " + e.getMessage(), e);
                }
            }
        }
        return byFingerprint;
    }
}
