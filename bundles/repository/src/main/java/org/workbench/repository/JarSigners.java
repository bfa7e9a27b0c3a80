package org.workbench.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
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

    /** The signers' certificate subjects, or {@code null} when the jar is not (wholly) signed. */
    static String of(Path jar) throws IOException {
        Set<String> common = null;
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
                CodeSigner[] signers = e.getCodeSigners();
                Set<String> names = new LinkedHashSet<>();
                for (CodeSigner s : signers == null ? new CodeSigner[0] : signers) {
                    var certificates = s.getSignerCertPath().getCertificates();
                    if (!certificates.isEmpty() && certificates.get(0) instanceof X509Certificate x) {
                        names.add(x.getSubjectX500Principal().getName());
                    }
                }
                if (names.isEmpty()) {
                    return null;
                }
                if (common == null) {
                    common = names;
                } else {
                    common.retainAll(names);
                    if (common.isEmpty()) {
                        return null;
                    }
                }
            }
        } catch (SecurityException e) {
            throw new PluginWriter.Tampered(jar.getFileName() + ": its signature does not match its content ("
                    + e.getMessage() + "); nothing was installed");
        }
        return common == null ? null : String.join("; ", Arrays.asList(common.toArray(String[]::new)));
    }
}
