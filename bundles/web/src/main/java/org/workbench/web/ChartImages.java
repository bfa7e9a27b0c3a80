package org.workbench.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run's images beside its interactive charts: an image whose title (its {@code alt}, the title
 * {@code result.json}'s {@code plots} records as drawn) is a drawn chart's title shows the same curves,
 * so the pages fold it under "The same plots as images" and each curve is seen once; any other image
 * stays in view.
 *
 * @param paired   the images a chart of the same title already shows
 * @param unpaired the others, in their order
 */
record ChartImages(List<Map<String, Object>> paired, List<Map<String, Object>> unpaired) {
    static ChartImages split(List<Map<String, Object>> images, List<Map<String, Object>> charts) {
        Set<Object> drawn = charts.stream().filter(c -> c.get("series") instanceof List<?> s && !s.isEmpty())
                .map(c -> c.get("title")).filter(t -> t instanceof String s && !s.isEmpty()).collect(Collectors.toSet());
        List<Map<String, Object>> paired = new ArrayList<>();
        List<Map<String, Object>> unpaired = new ArrayList<>();
        for (Map<String, Object> image : images) {
            (drawn.contains(image.get("alt")) ? paired : unpaired).add(image);
        }
        return new ChartImages(List.copyOf(paired), List.copyOf(unpaired));
    }
}
