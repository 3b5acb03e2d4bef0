package org.convergence.reporting.export;

import org.convergence.reporting.dashboard.FigureLabels;
import org.convergence.reporting.dashboard.FigureValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Figures as a wide CSV: one row per place (nation, territory, chantier), and for each figure its value, and for
 * a share or a mean what it is made of, in columns of their own so a spreadsheet can recompute it.
 */
public final class FigureExports {

    private final FigureLabels labels;

    public FigureExports(FigureLabels labels) {
        this.labels = labels;
    }

    /** A place's row: its kind (nation, territory, chantier), id, name and figures. */
    public record Place(String kind, String id, String name, Map<String, FigureValue> figures) {
    }

    /** Every figure as it is (national team, coordinators: they see the people behind the figures anyway). */
    public CsvTable table(int year, List<Place> places) {
        return table(year, places, 0);
    }

    /**
     * With statistical secrecy: a count of fewer than {@code minimumPeople} people (but not zero) is
     * {@value #SECRET}; so are a share's three cells when its numerator or its denominator is such a count, and a
     * mean's three cells when it is over fewer people. 0 suppresses nothing.
     */
    public CsvTable table(int year, List<Place> places, int minimumPeople) {
        Map<String, FigureValue> shapes = new LinkedHashMap<>();
        places.forEach(p -> p.figures().forEach(shapes::putIfAbsent));
        List<String> header = new ArrayList<>(List.of("Année", "Niveau", "Identifiant", "Nom"));
        shapes.forEach((key, shape) -> header.addAll(columns(labels.of(key), shape)));
        CsvTable table = new CsvTable(header);
        for (Place place : places) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(year), place.kind(), place.id(), place.name()));
            shapes.forEach((key, shape) -> row.addAll(cells(place.figures().get(key), shape, minimumPeople)));
            table.row(row);
        }
        return table;
    }

    private static List<String> columns(String label, FigureValue shape) {
        if (shape instanceof FigureValue.Share) {
            return List.of(label + " (%)", label + " : numérateur", label + " : dénominateur");
        }
        if (shape instanceof FigureValue.Average) {
            return List.of(label + " : moyenne", label + " : total", label + " : nombre");
        }
        return List.of(label);
    }

    /** A figure a place lacks (a chantier with no figures yet) leaves its cells empty. */
    private static List<String> cells(FigureValue value, FigureValue shape, int minimumPeople) {
        if (value == null) {
            return columns("", shape).stream().map(c -> "").toList();
        }
        if (secret(value, minimumPeople)) {
            return columns("", shape).stream().map(c -> SECRET).toList();
        }
        if (value instanceof FigureValue.Share s) {
            return List.of(s.value() == null ? "" : decimal(100 * s.value(), 2), Long.toString(s.numerator()),
                    Long.toString(s.denominator()));
        }
        if (value instanceof FigureValue.Average a) {
            return List.of(a.value() == null ? "" : decimal(a.value(), 2), decimal(a.total(), 2),
                    Long.toString(a.count()));
        }
        return List.of(Long.toString(((FigureValue.Count) value).value()));
    }

    /** What a suppressed cell says (as in the cohort export). */
    public static final String SECRET = "secret";

    private static boolean secret(FigureValue value, int minimumPeople) {
        if (value instanceof FigureValue.Share s) {
            return small(s.numerator(), minimumPeople) || small(s.denominator(), minimumPeople);
        }
        if (value instanceof FigureValue.Average a) {
            return small(a.count(), minimumPeople);
        }
        return small(((FigureValue.Count) value).value(), minimumPeople);
    }

    private static boolean small(long people, int minimumPeople) {
        return people > 0 && people < minimumPeople;
    }

    static String decimal(double value, int digits) {
        String formatted = String.format(Locale.ROOT, "%." + digits + "f", value).replace('.', ',');
        // 37,50 → 37,5; 26,00 → 26: what a person would type.
        if (formatted.contains(",")) {
            formatted = formatted.replaceAll("0+$", "").replaceAll(",$", "");
        }
        return formatted;
    }

    /** The keys of every figure a set of places has, in order (for tests and documentation). */
    public static Set<String> keys(List<Place> places) {
        Set<String> keys = new LinkedHashSet<>();
        places.forEach(p -> keys.addAll(p.figures().keySet()));
        return keys;
    }
}
