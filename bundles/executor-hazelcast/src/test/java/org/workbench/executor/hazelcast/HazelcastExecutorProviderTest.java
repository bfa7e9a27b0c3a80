package org.workbench.executor.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.execution.Executor;
import org.workbench.api.testing.ProviderContract;

class HazelcastExecutorProviderTest extends ProviderContract<Executor> {
    @Override
    protected Provider<Executor> provider() {
        return new HazelcastExecutorProvider();
    }

    @Override
    protected Map<String, Object> minimalParameters() {
        return Map.of("cluster", "lab");
    }

    @Test
    void aClusterNeedsANameAndJoinAddressesAreHostAndPort() {
        InvalidParameterException blank = assertThrows(InvalidParameterException.class, () -> provider().create(
                Parameters.withDefaults(provider().parameters(), Map.of("cluster", " ")), context()));
        assertEquals("cluster", blank.parameter());
        assertEquals(List.of("127.0.0.1:5701", "10.0.0.2:5702"), ClusterSettings.addresses(" 127.0.0.1:5701,,10.0.0.2:5702 "));
        InvalidParameterException bad = assertThrows(InvalidParameterException.class,
                () -> ClusterSettings.addresses("127.0.0.1"));
        assertTrue(bad.getMessage().contains("HOST:PORT"), bad.getMessage());
    }

    @Test
    void anAnswerTravelsAsTextThatNeedsNoClassToRead() {
        Answer ok = Answer.of(Envelope.NONE, Answer.OK, "127.0.0.1:5701", "point/1", "n1", List.of("ab", ""),
                "{\"x\":\n1}");
        assertEquals(ok, Answer.parse(ok.text()));
        assertEquals("missing", Answer.parse(Answer.of(Envelope.NONE, Answer.MISSING, "h:1", "u", "n", List.of(),
                "lacks bundle b 1.0.0").text()).status());
        assertEquals(Answer.FAILED, Answer.parse("garbage").status());
    }

    @Test
    void withoutASecretAClusterStaysOnLoopback() {
        InvalidParameterException open = assertThrows(InvalidParameterException.class, () -> provider().create(
                Parameters.withDefaults(provider().parameters(), Map.of("cluster", "lab", "interface", "10.1.2.3")),
                context()));
        assertEquals("secretFile", open.parameter());
        assertTrue(open.getMessage().contains("--secret-file"), open.getMessage());
        assertTrue(HazelcastExecutorProvider.loopback("127.0.0.1") && HazelcastExecutorProvider.loopback("::1"));
    }
}
