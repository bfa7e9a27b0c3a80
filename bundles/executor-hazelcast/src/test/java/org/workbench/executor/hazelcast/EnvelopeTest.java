package org.workbench.executor.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.JarSource;
import org.workbench.api.execution.Unit;
import org.workbench.api.execution.UnitRunner;

/**
 * The HMAC envelope of units and answers: a tampered byte anywhere, an answer replayed for another
 * unit or dispatch, a unit replayed to a member, a unit signed with another secret, and a member
 * whose pinned bundle differs are all refused; the secret file must be private.
 */
class EnvelopeTest {
    private static final Envelope SECRET = Envelope.of("correct horse battery staple".getBytes(StandardCharsets.UTF_8));
    private static final Envelope OTHER = Envelope.of("another secret, sixteen bytes+".getBytes(StandardCharsets.UTF_8));
    private static final BundlePin PIN = new BundlePin("org.workbench.prior-gaussian", "1.0.0", "aa".repeat(32));
    private static final Unit UNIT = new Unit("point/3", "{\"kind\":\"point\",\"point\":3}", List.of(PIN));
    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());
    private static final UnitRunner ECHO = (unit, jars, here) -> "{\"ran\":\"" + unit.id() + "\"}";

    @TempDir
    Path dir;

    private static Trust member(Envelope envelope, String sha) {
        return new Trust(envelope, new SeenNonces(), pin -> Optional.of(sha), new TrustLog(QUIET));
    }

    @Test
    void aTamperedByteInAnAnswerIsRejected() {
        Answer a = Answer.of(SECRET, Answer.OK, "127.0.0.1:5701", UNIT.id(), "n1", List.of(PIN.sha256()), "{\"x\":1.5}");
        assertEquals(Optional.empty(), AnswerCheck.untrusted(Answer.parse(a.text()), UNIT, "n1", SECRET));
        String text = a.text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                continue;
            }
            String tampered = text.substring(0, i) + (char) (c == '1' ? '2' : c ^ 1) + text.substring(i + 1);
            assertTrue(AnswerCheck.untrusted(Answer.parse(tampered), UNIT, "n1", SECRET).isPresent(),
                    "byte " + i + " changed: " + tampered);
        }
    }

    @Test
    void anAnswerReplayedForAnotherUnitOrDispatchIsRejected() {
        Answer a = Answer.of(SECRET, Answer.OK, "h:1", UNIT.id(), "n1", List.of(PIN.sha256()), "{}");
        Unit other = new Unit("point/4", UNIT.payload(), UNIT.bundles());
        assertTrue(AnswerCheck.untrusted(a, other, "n1", SECRET).orElseThrow().contains("replay"));
        assertTrue(AnswerCheck.untrusted(a, UNIT, "n2", SECRET).orElseThrow().contains("replay"));
        assertTrue(AnswerCheck.untrusted(a, UNIT, "n1", OTHER).orElseThrow().contains("not signed"));
        Answer unsigned = Answer.of(Envelope.NONE, Answer.OK, "h:1", UNIT.id(), "n1", List.of(PIN.sha256()), "{}");
        assertTrue(AnswerCheck.untrusted(unsigned, UNIT, "n1", SECRET).orElseThrow().contains("not signed"));
    }

    @Test
    void anAnswerFromAMemberWhoseBundleDiffersIsRejectedNamingIt() {
        Answer a = Answer.of(SECRET, Answer.OK, "h:1", UNIT.id(), "n1", List.of("bb".repeat(32)), "{}");
        String why = AnswerCheck.untrusted(a, UNIT, "n1", SECRET).orElseThrow();
        assertTrue(why.contains("org.workbench.prior-gaussian 1.0.0") && why.contains("bb".repeat(32)), why);
    }

    @Test
    void aMemberRunsOnlyAuthenticFreshUnitsWithThePinnedBundles() {
        Trust honest = member(SECRET, PIN.sha256());
        UnitCall call = new UnitCall(UNIT, "127.0.0.1:6000", "n1", SECRET);
        Answer ok = call.answer("h:1", honest, ECHO, null, JarSource.NONE);
        assertEquals(Answer.OK, ok.status(), ok.body());
        assertEquals(List.of(PIN.sha256()), ok.hashes());
        assertEquals(Optional.empty(), AnswerCheck.untrusted(ok, UNIT, "n1", SECRET));

        Answer replayed = call.answer("h:1", honest, ECHO, null, JarSource.NONE);
        assertEquals(Answer.REFUSED, replayed.status());
        assertTrue(replayed.body().contains("replay"), replayed.body());

        UnitRunner never = (unit, jars, here) -> {
            throw new AssertionError("ran a unit it should have refused");
        };
        Answer rogue = new UnitCall(UNIT, "127.0.0.1:6666", "n2", OTHER).answer("h:1", honest, never, null, JarSource.NONE);
        assertEquals(Answer.REFUSED, rogue.status());
        assertTrue(rogue.body().contains("not signed"), rogue.body());
        Answer unsigned = new UnitCall(UNIT, "127.0.0.1:6666", "n3", Envelope.NONE).answer("h:1", honest, never, null,
                JarSource.NONE);
        assertEquals(Answer.REFUSED, unsigned.status());

        Answer tampered = new UnitCall(UNIT, "127.0.0.1:6000", "n4", SECRET).answer("h:1", member(SECRET, "cc".repeat(32)),
                never, null, JarSource.NONE);
        assertEquals(Answer.REFUSED, tampered.status());
        assertTrue(tampered.body().contains("org.workbench.prior-gaussian 1.0.0"), tampered.body());
    }

    @Test
    void theClusterNameDependsOnTheSecret() {
        assertEquals("lab", Envelope.NONE.clusterName("lab"));
        assertNotEquals(SECRET.clusterName("lab"), OTHER.clusterName("lab"));
        assertTrue(SECRET.clusterName("lab").startsWith("lab-"));
        assertEquals(SECRET.clusterName("lab"), Envelope.of("correct horse battery staple".getBytes(
                StandardCharsets.UTF_8)).clusterName("lab"));
    }

    @Test
    void aSecretFileMustBePrivateAndLongEnough() throws Exception {
        Path open = Files.writeString(dir.resolve("open"), "0123456789abcdef0123\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        InvalidParameterException readable = assertThrows(InvalidParameterException.class, () -> SecretFile.read(open));
        assertTrue(readable.getMessage().contains("chmod 600 " + open), readable.getMessage());

        Path shortOne = Files.writeString(dir.resolve("short"), "abc\n");
        Files.setPosixFilePermissions(shortOne, PosixFilePermissions.fromString("rw-------"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> SecretFile.read(shortOne)).getMessage()
                .contains("at least 16"));

        Path good = Files.writeString(dir.resolve("good"), "0123456789abcdef0123\n");
        Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("rw-------"));
        assertEquals("0123456789abcdef0123", new String(SecretFile.read(good), StandardCharsets.UTF_8));
        assertThrows(InvalidParameterException.class, () -> SecretFile.read(dir.resolve("absent")));
    }
}
