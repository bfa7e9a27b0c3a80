package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The unboxed index sort orders as a stable {@code Arrays.sort} of boxed indices does. */
class IndexSortTest {
    @Test
    void sortsAsAStableBoxedSortDoes() {
        Random random = new Random(22);
        for (int n : new int[] {0, 1, 2, 3, 7, 64, 1000, 4097}) {
            for (int few : new int[] {3, 1_000_000}) { // many ties, and few
                int[] keys = random.ints(n, 0, few).toArray();
                if (n > 10 && few == 3) {
                    Arrays.sort(keys, 0, n / 2); // a sorted first half: merges skipped there
                }
                Integer[] boxed = new Integer[n];
                for (int i = 0; i < n; i++) {
                    boxed[i] = i;
                }
                Arrays.sort(boxed, (x, y) -> Integer.compare(keys[x], keys[y]));
                assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(),
                        IndexSort.sorted(n, (x, y) -> Integer.compare(keys[x], keys[y])), n + " keys");
            }
        }
    }
}
