package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An image a drawn chart of the same title shows is folded; an image no chart shows stays in view. */
class ChartImagesTest {
    private static Map<String, Object> image(String alt) {
        return Map.of("alt", alt, "name", alt + ".png");
    }

    private static Map<String, Object> chart(String title, int series) {
        return Map.of("title", title, "series", java.util.Collections.nCopies(series, Map.of()));
    }

    @Test
    void imagesPairWithDrawnChartsByTitle() {
        Map<String, Object> loss = image("Training and test loss by epoch");
        Map<String, Object> accuracy = image("Training and test accuracy by epoch");
        Map<String, Object> weights = image("weights");
        ChartImages split = ChartImages.split(List.of(loss, accuracy, weights),
                List.of(chart("Training and test loss by epoch", 2), chart("Training and test accuracy by epoch", 0)));
        assertEquals(List.of(loss), split.paired());
        assertEquals(List.of(accuracy, weights), split.unpaired(), "a chart with no series is not drawn: its image stays");
    }
}
