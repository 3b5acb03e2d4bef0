package org.convergence.reporting.dashboard;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table of figures: one line per figure, one column per set of figures (live and published, or one per year).
 * A figure a column does not have (a snapshot published before the figure existed) shows a dash.
 */
@TemplateData
public record FigureGrid(List<String> columns, List<Line> lines) {

    @TemplateData
    public record Line(String key, String label, List<Cell> cells) {
    }

    /** {@code detail} is what a share or mean is made of, shown beside it. */
    @TemplateData
    public record Cell(String display, String detail) {
        static final Cell MISSING = new Cell("—", "");
    }

    public record Column(String header, Map<String, FigureValue> figures) {
    }

    public static FigureGrid of(List<Column> columns, FigureLabels labels) {
        Set<String> keys = new LinkedHashSet<>();
        columns.forEach(c -> keys.addAll(c.figures().keySet()));
        List<Line> lines = new ArrayList<>();
        for (String key : keys) {
            List<Cell> cells = columns.stream().map(c -> c.figures().get(key))
                    .map(v -> v == null ? Cell.MISSING : new Cell(v.display(), v.detail())).toList();
            lines.add(new Line(key, labels.of(key), cells));
        }
        return new FigureGrid(columns.stream().map(Column::header).toList(), lines);
    }
}
