package org.workbench.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A generated sample's text is Java 25's {@code Double.toString} (the shortest decimal), whichever
 * JDK runs: {@code double-text-java25.txt} holds 6,800 doubles (zeros, infinities, subnormals, the
 * extremes, 1eK and 2eK for every K, random bit patterns and normal draws) with the text Java 25.0.3
 * gave each, among them the ones where Java 17's differs ({@code 2.0E23}, not {@code 1.9999999999999998E23}).
 */
class DoubleTextTest {
    @Test
    void theTextIsJava25sDoubleToStringForEveryDoubleOfTheFixture() throws IOException {
        List<String[]> cases = fixture();
        assertTrue(cases.size() > 6000, "the fixture is read whole");
        for (String[] c : cases) {
            double v = Double.longBitsToDouble(Long.parseUnsignedLong(c[0], 16));
            assertEquals(c[1], DoubleText.of(v), "the text of the double with bits " + c[0]);
        }
        assertEquals("2.0E23", DoubleText.of(2e23));
        assertEquals("NaN", DoubleText.of(Double.NaN));
    }

    @Test
    void theTextReadsBackAsTheSameDoubleAndIsNoLongerThanTheJdksOwn() {
        SplittableRandom random = new SplittableRandom(25);
        for (int i = 0; i < 100_000; i++) {
            double v = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextGaussian() * 1e3;
            if (Double.isNaN(v)) {
                continue;
            }
            String text = DoubleText.of(v);
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
            assertTrue(text.length() <= Double.toString(v).length(), text + " against " + Double.toString(v));
        }
    }

    private static List<String[]> fixture() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                DoubleTextTest.class.getResourceAsStream("double-text-java25.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                if (!line.startsWith("#")) {
                    out.add(line.split(" ", 2));
                }
            }
        }
        return out;
    }
}
