package org.workbench.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatasetTest {
    @Test
    void floatStorageReadsLikeDoubleStorage() {
        float[] f = {0.5f, 0.25f, 1f / 3, 2f};
        Dataset floats = Dataset.ofFloats(2, 2, f, new double[] {0, 1});
        Dataset doubles = Dataset.of(2, 2, new double[] {0.5, 0.25, 1f / 3, 2}, new double[] {0, 1});
        assertSame(f, floats.floatFeatures());
        assertNull(doubles.floatFeatures());
        assertArrayEquals(doubles.features(), floats.features(), 0.0);
        assertSame(floats.features(), floats.features(), "the double copy is made once");
        assertEquals(doubles.x(1, 0), floats.x(1, 0), 0.0);
        assertArrayEquals(doubles.row(1), floats.row(1), 0.0);
        assertSame(f, floats.withTest(Dataset.ofFloats(1, 2, new float[2], new double[1])).floatFeatures());
    }

    @Test
    void inconsistentShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.ofFloats(2, 2, new float[3], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(2, 2, new double[4], new double[1]));
    }
}
