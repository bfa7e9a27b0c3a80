package {{package}};

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.api.Dataset;

class {{exampleClass}}Test {
    @Test
    void sameSeedSameData() {
        Dataset a = new {{exampleClass}}(50, 3, 2.0, new SplittableRandom(7)).load();
        Dataset b = new {{exampleClass}}(50, 3, 2.0, new SplittableRandom(7)).load();
        assertEquals(50, a.rows());
        assertEquals(3, a.columns());
        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.targets(), b.targets());
    }

    @Test
    void classMeansAreApartBySeparationWithinFiveStandardErrors() {
        int n = 20_000;
        Dataset d = new {{exampleClass}}(n, 1, 3.0, new SplittableRandom(11)).load();
        double[] sum = new double[2];
        int[] count = new int[2];
        for (int i = 0; i < n; i++) {
            int label = (int) d.targets()[i];
            sum[label] += d.x(i, 0);
            count[label]++;
        }
        assertEquals(n / 2, count[1]);
        double difference = sum[1] / count[1] - sum[0] / count[0];
        assertEquals(3.0, difference, 5 * Math.sqrt(2.0 / (n / 2)));
    }
}
