package org.workbench.task.trainclassifier;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivergenceTest {
    @Test
    void aNaNLossNamesTheEpochAndBatch() {
        Divergence d = new Divergence();
        d.check(2.3, 1, 1);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> d.check(Double.NaN, 1, 37));
        assertTrue(e.getMessage().startsWith("diverged at epoch 1, batch 37: loss is NaN"), e.getMessage());
        assertThrows(ArithmeticException.class, () -> new Divergence().check(Double.POSITIVE_INFINITY, 2, 1));
    }

    @Test
    void aLossThatExplodesWhileStayingFiniteIsDivergenceToo() {
        Divergence d = new Divergence();
        d.check(2.3, 1, 1);
        d.check(2.3 * 999, 1, 2);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> d.check(1.085e30, 1, 3));
        assertEquals("diverged at epoch 1, batch 3: loss is 1.09e+30, more than 1000 times the first batch's 2.30 "
                + "(try a smaller learningRate or initStddev)", e.getMessage());
    }

    @Test
    void ordinaryTrainingPasses() {
        Divergence d = new Divergence();
        for (int b = 1; b <= 100; b++) {
            int batch = b;
            assertDoesNotThrow(() -> d.check(2.3 / batch + 0.3, 1, batch));
        }
    }
}
