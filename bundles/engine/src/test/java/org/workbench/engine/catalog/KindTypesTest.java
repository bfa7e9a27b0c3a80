package org.workbench.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.workbench.api.Kinds;
import org.workbench.api.bayes.GaussianPrior;
import org.workbench.api.linear.MapSolver;
import org.workbench.api.linear.SimulatedRegression;
import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.nn.Loss;

/** A provider's kind and the type its Provider<T> names cannot disagree. */
class KindTypesTest {
    @Test
    void everyKindHasItsTypes() {
        for (String kind : Kinds.ALL) {
            assertTrue(!KindTypes.of(kind).isEmpty(), kind + " has no API type");
        }
    }

    @Test
    void aTypeOfItsKindOrASubtypeAgrees() {
        assertNull(KindTypes.mismatch(Kinds.PRIOR, GaussianPrior.class));
        assertNull(KindTypes.mismatch(Kinds.DATA, SimulatedRegression.class));
        assertNull(KindTypes.mismatch(Kinds.OPTIMIZER, GradientOptimizer.class));
        assertNull(KindTypes.mismatch(Kinds.OPTIMIZER, MapSolver.class));
    }

    @Test
    void aPriorThatCreatesLossesIsRefusedNamingBoth() {
        assertEquals("it is registered as kind 'prior' but creates a loss (org.workbench.api.nn.Loss), and a prior is"
                + " a prior (org.workbench.api.bayes.Prior): make the kind in @WorkbenchProvider and the type argument"
                + " of Provider<T> agree", KindTypes.mismatch(Kinds.PRIOR, Loss.class));
    }
}
