package org.convergence.reporting.export;

import org.convergence.reporting.dashboard.FigureValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Which cells of a table of figures an evaluator may not read (statistical secrecy), in two passes.
 * <p>
 * <b>Primary:</b> a count of fewer than {@code minimumPeople} people (but not zero) is secret; so is a share whose
 * numerator or denominator is such a count, and a mean over so few people.
 * <p>
 * <b>Complementary:</b> when the table's first row is the whole of the others (the nation above its territories, a
 * territory above its chantiers), each figure's column is a line {@code whole = sum of parts} for every count it is
 * made of (a count; a share's numerator and denominator; a mean's count and total). A line whose whole is
 * published must not let a reader recover a secret part by subtraction: its secret parts are none, or at least
 * two whose people add up to at least {@code minimumPeople} and to more than one per secret part (so that even
 * knowing each is at least 1, none is pinned). Until that holds, the smallest published part (a non-zero one first)
 * becomes secret too, or the whole when no part is left. A figure is secret whole (all its cells), so hiding one
 * can open another of its lines: the passes repeat until nothing changes. ADR 0033.
 * <p>
 * <b>Linked tables</b> ({@link LinkedSuppression}, ADR 0037): a table may start with cells already secret in another
 * table of the year. A whole hidden there is the sum of its parts here unless one of them is hidden too, so the
 * smallest published part is hidden with it, until its hidden parts hold as much as a published whole's would.
 * <p>
 * <b>Bounds</b> (ADR 0040): a reader also knows that no amount is negative and that a rate's numerator is at most
 * its denominator. So secret amounts that count no one (a mean's total) must not add up to 0 (each would be 0), and
 * the secret rates of a line must not have as many in their numerators as in their denominators (each would be
 * 100 %); {@code SecretBoundsTest} checks every secret amount keeps two possible values across the linked tables.
 */
final class TableSuppression {

    private final int minimumPeople;

    TableSuppression(int minimumPeople) {
        this.minimumPeople = minimumPeople;
    }

    /**
     * The secret cells of {@code rows} (row, then column; null where a place lacks the figure). With
     * {@code wholeFirst}, row 0 is the whole of the other rows. A minimum of 0 suppresses nothing.
     */
    boolean[][] secret(List<List<FigureValue>> rows, boolean wholeFirst) {
        int columns = rows.isEmpty() ? 0 : rows.get(0).size();
        boolean[][] secret = new boolean[rows.size()][columns];
        complete(rows, secret, wholeFirst);
        return secret;
    }

    /**
     * Adds to {@code secret} (cells already secret elsewhere: a linked table, ADR 0037) what this table's primary and
     * complementary passes hide; true if it added any cell.
     */
    boolean complete(List<List<FigureValue>> rows, boolean[][] secret, boolean wholeFirst) {
        if (minimumPeople <= 0) {
            return false;
        }
        boolean added = false;
        int columns = rows.isEmpty() ? 0 : rows.get(0).size();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                FigureValue value = rows.get(r).get(c);
                if (!secret[r][c] && value != null && primary(value)) {
                    secret[r][c] = true;
                    added = true;
                }
            }
        }
        if (wholeFirst && rows.size() > 1) {
            added |= complementary(rows, secret, columns);
        }
        return added;
    }

    private boolean complementary(List<List<FigureValue>> rows, boolean[][] secret, int columns) {
        boolean added = false;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int c = 0; c < columns; c++) {
                for (int component = 0; component < COMPONENTS; component++) {
                    changed |= protectLine(rows, secret, c, component);
                }
                changed |= protectRates(rows, secret, c);
            }
            added |= changed;
        }
        return added;
    }

    /** Makes one more cell of the line secret if what is published would reveal a secret one; true if it did. */
    private boolean protectLine(List<List<FigureValue>> rows, boolean[][] secret, int column, int component) {
        FigureValue whole = rows.get(0).get(column);
        if (whole == null || amount(whole, component) == null) {
            return false;
        }
        int hidden = 0;
        int parts = 0;
        double hiddenAmount = 0;
        for (int r = 1; r < rows.size(); r++) {
            FigureValue part = rows.get(r).get(column);
            if (part != null) {
                parts++;
                if (secret[r][column]) {
                    hidden++;
                    hiddenAmount += amount(part, component);
                }
            }
        }
        if (secret[0][column]) {
            // A whole hidden elsewhere (a linked table) is the sum of its parts unless one of them is hidden too;
            // and its hidden parts hold as much as a published whole's would (ADR 0040): a reader bounds the whole
            // from below by its published parts (none is negative) and from above by its parent's line, and the
            // gap between the two is what the hidden parts of both tables hold.
            if (parts == 0 || hidden > 0 && enough(whole, component, hidden, hiddenAmount)) {
                return false;
            }
            int next = smallestPublishedPart(rows, secret, column, component);
            if (next < 0) {
                return false;
            }
            secret[next][column] = true;
            return true;
        }
        if (hidden == 0 || hidden >= 2 && enough(whole, component, hidden, hiddenAmount)) {
            return false;
        }
        int next = smallestPublishedPart(rows, secret, column, component);
        secret[next < 0 ? 0 : next][column] = true;
        return true;
    }

    /**
     * Whether the secret parts of a line hold enough that none is pinned by bounds (ADR 0033, 0040): people at least
     * the minimum and more than one per secret part (each is at least 0, or 1); an amount that counts no one (a
     * mean's total) more than zero, since secret totals adding up to 0 are each 0 (a mean of 0 given away).
     */
    private boolean enough(FigureValue whole, int component, int hidden, double hiddenAmount) {
        return people(whole, component) ? hiddenAmount >= Math.max(minimumPeople, hidden + 1) : hiddenAmount > 0;
    }

    /**
     * A rate's numerator is at most its denominator: when the secret rates of a line have as many in their
     * numerators as in their denominators, each of them is 100 %, whatever their counts (ADR 0040). One more part,
     * with a rate under 100 % (the smallest such), is hidden then; the whole if none is left. True if it hid a cell.
     */
    private static boolean protectRates(List<List<FigureValue>> rows, boolean[][] secret, int column) {
        if (!(rows.get(0).get(column) instanceof FigureValue.Share) || secret[0][column]) {
            return false;
        }
        long numerators = 0;
        long denominators = 0;
        for (int r = 1; r < rows.size(); r++) {
            if (secret[r][column] && rows.get(r).get(column) instanceof FigureValue.Share s) {
                numerators += s.numerator();
                denominators += s.denominator();
            }
        }
        if (denominators == 0 || numerators != denominators) {
            return false;
        }
        int best = -1;
        for (int r = 1; r < rows.size(); r++) {
            if (!secret[r][column] && rows.get(r).get(column) instanceof FigureValue.Share s
                    && s.numerator() < s.denominator()
                    && (best < 0 || s.denominator() < ((FigureValue.Share) rows.get(best).get(column)).denominator())) {
                best = r;
            }
        }
        secret[best < 0 ? 0 : best][column] = true;
        return true;
    }

    /** The published part with the smallest amount, a non-zero one first (hiding a zero hides little); -1: none. */
    private static int smallestPublishedPart(List<List<FigureValue>> rows, boolean[][] secret, int column,
                                             int component) {
        int best = -1;
        for (int r = 1; r < rows.size(); r++) {
            FigureValue part = rows.get(r).get(column);
            if (part == null || secret[r][column]) {
                continue;
            }
            if (best < 0 || rank(part, component) < rank(rows.get(best).get(column), component)) {
                best = r;
            }
        }
        return best;
    }

    private static double rank(FigureValue value, int component) {
        double amount = amount(value, component);
        return amount == 0 ? Double.MAX_VALUE : amount;
    }

    private static final int COMPONENTS = 2;

    /** The additive counts a figure is made of, by index; null where the figure has no such component. */
    static Double amount(FigureValue value, int component) {
        if (value instanceof FigureValue.Share s) {
            return component == 0 ? s.numerator() : (double) s.denominator();
        }
        if (value instanceof FigureValue.Average a) {
            return component == 0 ? a.count() : a.total();
        }
        return component == 0 ? (double) ((FigureValue.Count) value).value() : null;
    }

    /** A mean's total (hours, months) is not a number of people; every other component is. */
    private static boolean people(FigureValue value, int component) {
        return !(value instanceof FigureValue.Average && component == 1);
    }

    private boolean primary(FigureValue value) {
        if (value instanceof FigureValue.Share s) {
            return small(s.numerator()) || small(s.denominator());
        }
        if (value instanceof FigureValue.Average a) {
            return small(a.count());
        }
        return small(((FigureValue.Count) value).value());
    }

    private boolean small(long people) {
        return people > 0 && people < minimumPeople;
    }

    /** The table's figure values, row by row in the order of {@code keys} (for tests). */
    static List<List<FigureValue>> values(List<FigureExports.Place> places, List<String> keys) {
        List<List<FigureValue>> rows = new ArrayList<>();
        for (FigureExports.Place place : places) {
            rows.add(keys.stream().map(place.figures()::get).toList());
        }
        return rows;
    }
}
