package org.convergence.reporting.dashboard;

import io.quarkus.qute.TemplateData;

import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart drawn as inline SVG by the template (no script): one bar per label, its length relative
 * to the largest value. The table beside it holds the same numbers for screen readers and keyboard users.
 */
@TemplateData
public record BarChart(String title, List<Bar> bars, int height) {

    static final int BAR_HEIGHT = 28;

    @TemplateData
    public record Bar(String label, String display, int textY, int rectY, double rectWidth, double valueX) {
    }

    /** The longest bar, in the SVG's units (640 wide: labels, then bars from x = 200, then the value). */
    static final double LONGEST = 360;

    /** @param values label → value, in display order */
    public static BarChart of(String title, Map<String, Long> values) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<String> labels = List.copyOf(values.keySet());
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            long value = values.get(labels.get(i));
            double width = max == 0 ? 0 : Math.round(10.0 * LONGEST * value / max) / 10.0;
            int y = i * BAR_HEIGHT;
            bars.add(new Bar(labels.get(i), new FigureValue.Count(value).display(), y + 19, y + 4, width,
                    200 + width + 8));
        }
        return new BarChart(title, bars, Math.max(1, labels.size()) * BAR_HEIGHT);
    }
}
