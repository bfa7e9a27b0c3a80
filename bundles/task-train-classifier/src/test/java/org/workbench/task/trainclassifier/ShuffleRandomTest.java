package org.workbench.task.trainclassifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The shuffling stream draws exactly what the JDK's SplittableRandom draws, and continues from its state. */
class ShuffleRandomTest {
    @Test
    void drawsWhatSplittableRandomDrawsForEveryKindOfBound() {
        for (long seed : new long[] {0, 1, 181, -7, Long.MAX_VALUE}) {
            SplittableRandom jdk = new SplittableRandom(seed);
            ShuffleRandom ours = new ShuffleRandom(seed);
            for (int i = 0; i < 20_000; i++) {
                int bound = switch (i % 4) {
                    case 0 -> 1 + i;
                    case 1 -> 64;
                    case 2 -> Integer.MAX_VALUE - i;
                    default -> 60_000;
                };
                assertEquals(jdk.nextInt(bound), ours.nextInt(bound), "seed " + seed + ", draw " + i + ", bound " + bound);
            }
        }
    }

    @Test
    void aStreamMadeFromTheStateContinuesExactly() {
        ShuffleRandom a = new ShuffleRandom(42);
        for (int i = 0; i < 1000; i++) {
            a.nextInt(1000 + i);
        }
        ShuffleRandom b = ShuffleRandom.at(a.state());
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextInt(59_999), b.nextInt(59_999));
        }
    }
}
