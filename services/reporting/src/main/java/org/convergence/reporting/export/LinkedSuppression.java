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
 * Until nothing changes, each table gets {@link TableSuppression}'s passes starting from the cells already secret
 * anywhere: a whole hidden in its parent's table is hidden in its own, and needs a hidden part there too. Then every
 * table's equation {@code whole − Σ parts} holds no unknown or at least two, and since the tables form a tree (each
 * cell is a part in at most one table and the whole of at most one), no combination of the equations isolates one
 * unknown: no secret cell is determined by published ones. {@code LinkedSuppressionTest} checks it by rank.
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
}
