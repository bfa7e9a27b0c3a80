package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The warm-up parses its component descriptor for real: every element of every parse is seen. */
class ComponentXmlWarmUpTest {
    @Test
    void everyParseSeesTheWholeDescriptor() {
        // scr:component, four properties, service, provide, reference, implementation; 24 parses
        assertEquals(9 * 24, ComponentXmlWarmUp.run());
    }
}
