package org.workbench.repository;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.resource.Resource;

import aQute.bnd.osgi.resource.CapReqBuilder;
import aQute.bnd.osgi.resource.ResourceBuilder;

/** What the settings ask of a jar's signature: nothing, any signature, or one of the trusted signers. */
class SigningPolicyTest {
    static final String TRUSTED = "ab".repeat(32);
    static final String OTHER = "cd".repeat(32);
    static final JarSigners.Signers BY_TRUSTED = new JarSigners.Signers(Map.of(TRUSTED, "CN=Trusted"));
    static final JarSigners.Signers BY_OTHER = new JarSigners.Signers(Map.of(OTHER, "CN=Other"));

    @TempDir
    Path folder;

    static Resource plugin() throws Exception {
        ResourceBuilder b = new ResourceBuilder();
        b.addCapability(new CapReqBuilder("osgi.identity").addAttribute("osgi.identity", "org.example.p")
                .addAttribute("version", new org.osgi.framework.Version(1, 0, 0)).addAttribute("type", "osgi.bundle"));
        return b.build();
    }

    @Test
    void withATrustListOnlyAListedSignerPasses() throws Exception {
        SigningPolicy policy = new SigningPolicy(false, Set.of(TRUSTED));
        assertDoesNotThrow(() -> policy.check(plugin(), "p.jar", BY_TRUSTED));
        String other = assertThrows(PluginWriter.Unsigned.class, () -> policy.check(plugin(), "p.jar", BY_OTHER))
                .getMessage();
        assertTrue(other.contains("org.example.p 1.0.0 (p.jar) is signed by CN=Other (SHA-256 CD:CD:")
                && other.contains("trusts only the signers listed in \"trustedSigners\" (AB:AB:"), other);
        String unsigned = assertThrows(PluginWriter.Unsigned.class, () -> policy.check(plugin(), "p.jar", null))
                .getMessage();
        assertTrue(unsigned.contains("is not signed, and the settings file trusts only"), unsigned);
    }

    @Test
    void requireSignedAcceptsAnySignerAndNoSettingAcceptsAll() throws Exception {
        assertDoesNotThrow(() -> new SigningPolicy(true, Set.of()).check(plugin(), "p.jar", BY_OTHER));
        assertThrows(PluginWriter.Unsigned.class, () -> new SigningPolicy(true, Set.of()).check(plugin(), "p.jar", null));
        assertDoesNotThrow(() -> SigningPolicy.NONE.check(plugin(), "p.jar", null));
    }

    @Test
    void fingerprintsAreReadAsKeytoolPrintsThemOrAsPlainHex() throws Exception {
        Path file = folder.resolve("workbench-settings.json");
        Files.writeString(file, "{\"trustedSigners\": [\"" + Fingerprints.colons(TRUSTED) + "\", \"" + OTHER.toUpperCase()
                + "\"], \"requireSigned\": true}");
        SigningPolicy policy = new RepositorySettings(file).signing();
        assertEquals(new SigningPolicy(true, Set.of(TRUSTED, OTHER)), policy);
        assertEquals(SigningPolicy.NONE, new RepositorySettings(folder.resolve("absent.json")).signing());
    }

    @Test
    void aBadListNamesTheFileThePathAndWhatIsValid() throws Exception {
        Path file = folder.resolve("workbench-settings.json");
        Files.writeString(file, "{\"trustedSigners\": [\"AB:CD\"]}");
        String entry = assertThrows(InvalidRequest.class, () -> new RepositorySettings(file).signing()).getMessage();
        assertTrue(entry.startsWith(file + ": $.trustedSigners[0] is \"AB:CD\": it must be a signer certificate's SHA-256"),
                entry);
        Files.writeString(file, "{\"trustedSigners\": \"AB\"}");
        String list = assertThrows(InvalidRequest.class, () -> new RepositorySettings(file).signing()).getMessage();
        assertTrue(list.contains("$.trustedSigners must be an array of signer certificates' SHA-256 fingerprints"), list);
    }
}
