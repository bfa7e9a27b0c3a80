package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AmbiguousPathsTest {
    @Test
    void aPathThatReadsTwoWaysIsRefusedWithWhatToWriteInstead() {
        String reason = AmbiguousPaths.refusal("/runs/p1-1%2Fx");
        assertTrue(reason.contains("/runs/p1-1%2Fx") && reason.contains("an encoded / (%2F)") && reason.contains("?name=value"),
                reason);
        assertTrue(AmbiguousPaths.refusal("/api/runs%2fx").contains("%2F"));
        assertTrue(AmbiguousPaths.refusal("/static/%2e%2e/secret").contains("encoded dot"));
        assertTrue(AmbiguousPaths.refusal("/files/a%5cb").contains("backslash"));
        assertTrue(AmbiguousPaths.refusal("/files/a%252Fb").contains("percent"));
        assertTrue(AmbiguousPaths.refusal("/runs//x").contains("empty segment"));
        assertTrue(AmbiguousPaths.refusal("/repository/local/..;/..;/secret").contains("path parameter"));
        assertTrue(AmbiguousPaths.refusal("/files/a%3Bb").contains("path parameter"));
        assertTrue(AmbiguousPaths.refusal("/files/a\\b").contains("backslash"));
    }

    @Test
    void ordinaryPathsPass() {
        assertNull(AmbiguousPaths.refusal("/"));
        assertNull(AmbiguousPaths.refusal("/runs/p1-1-posterior/20260101-000000-000-aaaa"));
        assertNull(AmbiguousPaths.refusal("/question/1.2e"));
        assertNull(AmbiguousPaths.refusal("/runs/a%20b"));
        assertNull(AmbiguousPaths.refusal(null));
    }
}
