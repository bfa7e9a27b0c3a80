package org.workbench.repository;

import java.util.Set;

import org.osgi.resource.Resource;

/**
 * What the settings file asks of a jar's signature before it is installed: {@code "requireSigned": true}
 * refuses unsigned jars; {@code "trustedSigners": ["AB:CD:..."]} (SHA-256 fingerprints of signer
 * certificates) refuses every jar not signed by one of them, unsigned ones included.
 */
record SigningPolicy(boolean requireSigned, Set<String> trustedSigners) {
    static final SigningPolicy NONE = new SigningPolicy(false, Set.of());

    /**
     * @param signers the jar's signers, {@code null} when unsigned
     * @throws PluginWriter.Unsigned when the jar's signature is not what the settings ask
     */
    void check(Resource resource, String url, JarSigners.Signers signers) throws PluginWriter.Unsigned {
        if (!trustedSigners.isEmpty()) {
            if (signers == null || signers.byFingerprint().keySet().stream().noneMatch(trustedSigners::contains)) {
                throw new PluginWriter.Unsigned(Identity.text(resource) + " (" + url + ") is "
                        + (signers == null ? "not signed" : "signed by " + signers.text())
                        + ", and the settings file trusts only the signers listed in \"" + RepositorySettings.TRUSTED_SIGNERS
                        + "\" (" + String.join(", ", trustedSigners.stream().map(Fingerprints::colons).sorted().toList())
                        + "); nothing was installed");
            }
        } else if (requireSigned && signers == null) {
            throw new PluginWriter.Unsigned(Identity.text(resource) + " (" + url + ") is not signed, and the settings file "
                    + "requires signed plugins (\"" + RepositorySettings.REQUIRE_SIGNED + "\": true); nothing was installed");
        }
    }
}
