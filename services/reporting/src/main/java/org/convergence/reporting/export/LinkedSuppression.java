package org.convergence.reporting.export;

import org.convergence.reporting.dashboard.FigureValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One secrecy decision for every table an evaluator can read of a year (ADR 0037): the national table (the nation
 * above its territories), each territory's (the territory above its chantiers), each chantier alone, in every
 * figure set of the year (live and each published edition). A cell is a (place, figure) and is secret in all of
 * them or in none, so reading two files never shows what one hides.
 * <p>
 * Until nothing changes: each table gets {@link TableSuppression}'s passes with the cells already secret anywhere
 * (a whole hidden in its parent's table is hidden in its own, and needs a hidden part there too); then each figure's
 * equations across the whole hierarchy are audited together, and a secret cell that some combination of published
 * wholes and parts still determines gets one more published neighbour hidden.
 */
public final class LinkedSuppression {

    private final int minimumPeople;

    public LinkedSuppression(int minimumPeople) {
        this.minimumPeople = minimumPeople;
    }

    /** @param figureSets the year's figure sets, each rooted at the nation; the same places may appear in several */
    public SecretCells decide(List<LinkedFigures> figureSets) {
        Map<String, Set<String>> secret = new HashMap<>();
        if (minimumPeople <= 0) {
            return SecretCells.NONE;
        }
        TableSuppression tables = new TableSuppression(minimumPeople);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LinkedFigures set : figureSets) {
                List<LinkedFigures> places = new ArrayList<>();
                set.forEach(places::add);
                for (LinkedFigures place : places) {
                    changed |= protectTable(tables, place, secret);
                }
            }
            if (!changed) {
                for (LinkedFigures set : figureSets) {
                    changed |= auditAndRepair(set, secret);
                }
            }
        }
        return new SecretCells(secret);
    }

    /** A place and its parts as one table, with what is secret anywhere already; true if it hid more. */
    private static boolean protectTable(TableSuppression tables, LinkedFigures whole, Map<String, Set<String>> secret) {
        List<LinkedFigures> rows = new ArrayList<>();
        rows.add(whole);
        rows.addAll(whole.parts());
        Set<String> keySet = new LinkedHashSet<>();
        rows.forEach(r -> keySet.addAll(r.figures().keySet()));
        List<String> keys = new ArrayList<>(keySet);
        List<List<FigureValue>> values = new ArrayList<>();
        boolean[][] matrix = new boolean[rows.size()][keys.size()];
        for (int r = 0; r < rows.size(); r++) {
            Map<String, FigureValue> figures = rows.get(r).figures();
            values.add(keys.stream().map(figures::get).toList());
            for (int c = 0; c < keys.size(); c++) {
                matrix[r][c] = secret.getOrDefault(rows.get(r).place(), Set.of()).contains(keys.get(c));
            }
        }
        if (!tables.complete(values, matrix, rows.size() > 1)) {
            return false;
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < keys.size(); c++) {
                if (matrix[r][c]) {
                    secret.computeIfAbsent(rows.get(r).place(), p -> new HashSet<>()).add(keys.get(c));
                }
            }
        }
        return true;
    }

    /**
     * For each figure and each count it is made of, the equations {@code whole − Σ parts = 0} of every table of the
     * set, with published cells moved to the constant side: a secret cell is determined when it alone remains in a
     * row of the reduced system. Hides the smallest published cell of one table it is in; true if it did.
     */
    private static boolean auditAndRepair(LinkedFigures set, Map<String, Set<String>> secret) {
        List<LinkedFigures> wholes = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        set.forEach(p -> {
            if (!p.parts().isEmpty()) {
                wholes.add(p);
            }
            keys.addAll(p.figures().keySet());
        });
        for (String key : keys) {
            for (int component = 0; component < 2; component++) {
                String determined = firstDetermined(wholes, key, component, secret);
                if (determined != null) {
                    return hideNeighbour(wholes, key, component, determined, secret);
                }
            }
        }
        return false;
    }

    private static String firstDetermined(List<LinkedFigures> wholes, String key, int component,
                                          Map<String, Set<String>> secret) {
        List<String> unknowns = new ArrayList<>();
        Map<String, Integer> column = new HashMap<>();
        List<Map<String, Integer>> equations = new ArrayList<>();
        for (LinkedFigures whole : wholes) {
            if (present(whole, key, component) && whole.parts().stream().anyMatch(p -> present(p, key, component))) {
                Map<String, Integer> equation = new HashMap<>();
                add(equation, whole, key, 1, secret);
                whole.parts().stream().filter(p -> present(p, key, component))
                        .forEach(p -> add(equation, p, key, -1, secret));
                equation.keySet().forEach(place -> column.computeIfAbsent(place, p -> {
                    unknowns.add(p);
                    return unknowns.size() - 1;
                }));
                if (!equation.isEmpty()) {
                    equations.add(equation);
                }
            }
        }
        if (unknowns.isEmpty()) {
            return null;
        }
        double[][] m = new double[equations.size()][unknowns.size()];
        for (int r = 0; r < equations.size(); r++) {
            for (Map.Entry<String, Integer> e : equations.get(r).entrySet()) {
                m[r][column.get(e.getKey())] = e.getValue();
            }
        }
        for (int c : Linear.determined(m)) {
            return unknowns.get(c);
        }
        return null;
    }

    private static void add(Map<String, Integer> equation, LinkedFigures place, String key, int sign,
                            Map<String, Set<String>> secret) {
        if (secret.getOrDefault(place.place(), Set.of()).contains(key)) {
            equation.merge(place.place(), sign, Integer::sum);
        }
    }

    private static boolean present(LinkedFigures place, String key, int component) {
        FigureValue value = place.figures().get(key);
        return value != null && TableSuppression.amount(value, component) != null;
    }

    /** Hides the smallest published cell (a non-zero one first) of a table the determined cell is in. */
    private static boolean hideNeighbour(List<LinkedFigures> wholes, String key, int component, String determined,
                                         Map<String, Set<String>> secret) {
        for (LinkedFigures whole : wholes) {
            boolean involved = whole.place().equals(determined)
                    || whole.parts().stream().anyMatch(p -> p.place().equals(determined));
            if (!involved) {
                continue;
            }
            LinkedFigures best = null;
            for (LinkedFigures part : whole.parts()) {
                if (present(part, key, component) && !secret.getOrDefault(part.place(), Set.of()).contains(key)
                        && (best == null || rank(part, key, component) < rank(best, key, component))) {
                    best = part;
                }
            }
            if (best == null && !secret.getOrDefault(whole.place(), Set.of()).contains(key)) {
                best = whole;
            }
            if (best != null) {
                secret.computeIfAbsent(best.place(), p -> new HashSet<>()).add(key);
                return true;
            }
        }
        // Every table it is in is hidden already: some other table's equations pin it, hide a cell there.
        for (LinkedFigures whole : wholes) {
            for (LinkedFigures cell : whole.parts()) {
                if (present(cell, key, component) && !secret.getOrDefault(cell.place(), Set.of()).contains(key)) {
                    secret.computeIfAbsent(cell.place(), p -> new HashSet<>()).add(key);
                    return true;
                }
            }
        }
        return false;
    }

    private static double rank(LinkedFigures place, String key, int component) {
        double amount = TableSuppression.amount(place.figures().get(key), component);
        return amount == 0 ? Double.MAX_VALUE : amount;
    }
}
