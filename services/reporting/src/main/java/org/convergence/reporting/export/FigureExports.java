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

        public static final String NATION = "France";
        public static final String TERRITORY = "Territoire";
        public static final String CHANTIER = "Chantier";

        /** The place's key in a secrecy decision ({@link LinkedFigures}). */
        String secrecyKey() {
            return switch (kind) {
                case NATION -> LinkedFigures.NATION;
                case TERRITORY -> LinkedFigures.territory(id);
                case CHANTIER -> LinkedFigures.chantier(id);
                default -> throw new IllegalArgumentException("Not a place of the figure hierarchy: " + kind);
            };
        }
    }

    /** Every figure as it is (national team, coordinators: they see the people behind the figures anyway). */
    public CsvTable table(int year, List<Place> places) {
        return table(year, places, 0);
    }

    /**
     * With statistical secrecy, places side by side (no row is the sum of others): see {@link TableSuppression}'s
     * primary pass; a secret figure's cells all read {@value #SECRET}. 0 suppresses nothing.
     */
    public CsvTable table(int year, List<Place> places, int minimumPeople) {
        return table(year, places, false, minimumPeople);
    }

    /**
     * With statistical secrecy, a whole above its parts (the nation and its territories, a territory and its
     * chantiers): small cells are secret, and so are enough others that no secret cell is the whole minus what is
     * published ({@link TableSuppression}, ADR 0033).
     */
    public CsvTable table(int year, Place whole, List<Place> parts, int minimumPeople) {
        List<Place> places = new ArrayList<>();
        places.add(whole);
        places.addAll(parts);
        return table(year, places, true, minimumPeople);
    }

    private CsvTable table(int year, List<Place> places, boolean wholeFirst, int minimumPeople) {
        List<String> keys = new ArrayList<>(shapes(places).keySet());
        return table(year, places, new TableSuppression(minimumPeople)
                .secret(TableSuppression.values(places, keys), wholeFirst));
    }

    /**
     * For an evaluator: the year's one secrecy decision over every linked table ({@link LinkedSuppression}, ADR
     * 0037), so a cell secret in this file is secret in every other file, page and JSON answer of the year.
     */
    public CsvTable table(int year, List<Place> places, SecretCells secretCells) {
        List<String> keys = new ArrayList<>(shapes(places).keySet());
        boolean[][] secret = new boolean[places.size()][keys.size()];
        for (int r = 0; r < places.size(); r++) {
            for (int c = 0; c < keys.size(); c++) {
                secret[r][c] = secretCells.secret(places.get(r).secrecyKey(), keys.get(c));
            }
        }
        return table(year, places, secret);
    }

    private static Map<String, FigureValue> shapes(List<Place> places) {
        Map<String, FigureValue> shapes = new LinkedHashMap<>();
        places.forEach(p -> p.figures().forEach(shapes::putIfAbsent));
        return shapes;
    }

    private CsvTable table(int year, List<Place> places, boolean[][] secret) {
        Map<String, FigureValue> shapes = shapes(places);
        List<String> keys = new ArrayList<>(shapes.keySet());
        List<String> header = new ArrayList<>(List.of("Année", "Niveau", "Identifiant", "Nom"));
        shapes.forEach((key, shape) -> header.addAll(columns(labels.of(key), shape)));
        CsvTable table = new CsvTable(header);
        for (int r = 0; r < places.size(); r++) {
            Place place = places.get(r);
            List<String> row = new ArrayList<>(List.of(Integer.toString(year), place.kind(), place.id(), place.name()));
            for (int c = 0; c < keys.size(); c++) {
                FigureValue shape = shapes.get(keys.get(c));
                row.addAll(secret[r][c] ? columns("", shape).stream().map(x -> SECRET).toList()
                        : cells(place.figures().get(keys.get(c)), shape));
            }
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
    private static List<String> cells(FigureValue value, FigureValue shape) {
        if (value == null) {
            return columns("", shape).stream().map(c -> "").toList();
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

    /** What a suppressed cell says (as in the cohort export, the pages and the JSON answers). */
    public static final String SECRET = SecretCells.SECRET;

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
