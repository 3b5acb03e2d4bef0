package org.convergence.reporting.export;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.convergence.reporting.dashboard.FigureValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Not only no secret cell determined by the equations (LinkedSuppressionTest): none pinned by what a reader also
 * knows of counts, that none is negative and that a rate's numerator is at most its denominator (ADR 0040). The
 * reader's best bounds on every secret amount are computed by propagating those bounds through the equations of
 * every table of the year (whole − Σ parts = 0); the tables form a tree, so the propagation reaches the tight
 * bounds. Each secret amount must keep at least two possible values, and a secret rate must not be known to be
 * 100 % (its numerator equal to its denominator).
 */
class SecretBoundsTest {

    private static final String COUNT = "accompanied";
    private static final String MEAN = "averagePathwayMonths";
    private static final String RATE = "dynamicExits";

    @Test
    void aPublishedTotalOfFiveWithFiveShownLeavesNoHiddenZero() {
        // A mean over 3 (primary) and one over 7 whose months total is 0: total 40 = 40 + 0 + 0 would pin both.
        LinkedFigures nation = new LinkedFigures(LinkedFigures.NATION, Map.of(MEAN, mean(40, 20)), List.of(
                new LinkedFigures(LinkedFigures.territory("a"), Map.of(MEAN, mean(0, 3)), List.of()),
                new LinkedFigures(LinkedFigures.territory("b"), Map.of(MEAN, mean(0, 7)), List.of()),
                new LinkedFigures(LinkedFigures.territory("c"), Map.of(MEAN, mean(40, 10)), List.of())));
        SecretCells secret = new LinkedSuppression(5).decide(List.of(nation));
        assertBoundsKeepTwoValues(nation, secret, 5);
        assertTrue(secret.secret(LinkedFigures.territory("c"), MEAN), "the months of a and b are 40 − 40 otherwise");
    }

    @Test
    void twoHiddenRatesWhoseNumeratorsAddUpToTheirDenominatorsAreNotBothOneHundredPercent() {
        // a 3/3 (primary) and b 6/6: hidden together, the line says 9 of 9 — each one is 100 %.
        LinkedFigures nation = new LinkedFigures(LinkedFigures.NATION, Map.of(RATE, share(20, 40)), List.of(
                new LinkedFigures(LinkedFigures.territory("a"), Map.of(RATE, share(3, 3)), List.of()),
                new LinkedFigures(LinkedFigures.territory("b"), Map.of(RATE, share(6, 6)), List.of()),
                new LinkedFigures(LinkedFigures.territory("c"), Map.of(RATE, share(11, 31)), List.of())));
        SecretCells secret = new LinkedSuppression(5).decide(List.of(nation));
        assertBoundsKeepTwoValues(nation, secret, 5);
        assertTrue(secret.secret(LinkedFigures.territory("c"), RATE));
    }

    @Test
    void aWholeHiddenInItsParentsTableKeepsEnoughHiddenInItsOwn() {
        // The property's counterexample when a hidden whole needed only one hidden part, of any amount: territory
        // t0 without chantiers, t1 with chantiers of 15 and 2 (live), minimum 4; a rate's hidden numerators of 0
        // pinned t0's numerator to 0 through t1's table and the national line.
        List<List<Long>> counts = List.of(List.of(), List.of(15L, 2L));
        LinkedFigures live = hierarchy(counts, new Random(26945), 0);
        LinkedFigures published = hierarchy(counts, new Random(26945), 3);
        SecretCells secret = new LinkedSuppression(4).decide(List.of(live, published));
        assertBoundsKeepTwoValues(live, secret, 4);
        assertBoundsKeepTwoValues(published, secret, 4);
    }

    @Property(tries = 300)
    void noSecretCellIsPinnedByBoundsAcrossTheLinkedTables(@ForAll("hierarchies") List<List<Long>> chantierCounts,
                                                           @ForAll @IntRange(min = 3, max = 8) int minimum,
                                                           @ForAll long seed) {
        LinkedFigures live = hierarchy(chantierCounts, new Random(seed), 0);
        LinkedFigures published = hierarchy(chantierCounts, new Random(seed), 3);
        SecretCells secret = new LinkedSuppression(minimum).decide(List.of(live, published));
        assertBoundsKeepTwoValues(live, secret, minimum);
        assertBoundsKeepTwoValues(published, secret, minimum);
    }

    /** For each figure, the reader's tightest bounds on every secret amount of the set. */
    static void assertBoundsKeepTwoValues(LinkedFigures set, SecretCells secret, int minimum) {
        for (String key : keysOf(set)) {
            Map<String, double[]> numerators = bounds(set, secret, key, 0);
            Map<String, double[]> denominators = bounds(set, secret, key, 1);
            boolean rate = isShare(set, key);
            // n ≤ d: a rate's numerator is bounded by its denominator's bounds, and the other way round.
            if (rate) {
                boolean narrowed = true;
                for (int round = 0; narrowed && round < 100; round++) {
                    narrowed = false;
                    for (String place : numerators.keySet()) {
                        double[] n = numerators.get(place);
                        double[] d = denominators.get(place);
                        if (n[1] > d[1]) {
                            n[1] = d[1];
                            narrowed = true;
                        }
                        if (d[0] < n[0]) {
                            d[0] = n[0];
                            narrowed = true;
                        }
                    }
                    narrowed |= propagate(set, secret, key, 0, numerators);
                    narrowed |= propagate(set, secret, key, 1, denominators);
                }
            }
            for (Map<String, double[]> component : List.of(numerators, denominators)) {
                component.forEach((place, b) -> assertFalse(b[1] - b[0] < 1, "the reader pins " + place + " "
                        + key + " (" + (component == numerators ? "first" : "second") + " part) to " + b[0]));
            }
            if (rate) {
                set.forEach(whole -> {
                    if (whole.parts().isEmpty() || secret.secret(whole.place(), key)
                            || !(whole.figures().get(key) instanceof FigureValue.Share)) {
                        return;
                    }
                    long n = 0;
                    long d = 0;
                    for (LinkedFigures part : whole.parts()) {
                        if (secret.secret(part.place(), key) && part.figures().get(key) instanceof FigureValue.Share s) {
                            n += s.numerator();
                            d += s.denominator();
                        }
                    }
                    assertFalse(d > 0 && n == d, "every hidden rate of " + key + " under " + whole.place()
                            + " is 100 %: " + n + " of " + d);
                });
            }
        }
    }

    private static List<String> keysOf(LinkedFigures set) {
        List<String> keys = new ArrayList<>();
        set.forEach(p -> p.figures().keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add));
        return keys;
    }

    private static boolean isShare(LinkedFigures set, String key) {
        return set.figures().get(key) instanceof FigureValue.Share;
    }

    /** Bounds [low, high] of each secret amount of one component of a figure, from 0 and the equations. */
    private static Map<String, double[]> bounds(LinkedFigures set, SecretCells secret, String key, int component) {
        Map<String, double[]> bounds = new LinkedHashMap<>();
        set.forEach(p -> {
            FigureValue value = p.figures().get(key);
            if (value != null && secret.secret(p.place(), key) && TableSuppression.amount(value, component) != null) {
                bounds.put(p.place(), new double[] {0, Double.POSITIVE_INFINITY});
            }
        });
        for (int round = 0; round < 100 && propagate(set, secret, key, component, bounds); round++) {
            // until stable
        }
        return bounds;
    }

    /** One pass over every table's equation; true if a bound moved. */
    private static boolean propagate(LinkedFigures set, SecretCells secret, String key, int component,
                                     Map<String, double[]> bounds) {
        boolean moved = false;
        List<LinkedFigures> tables = new ArrayList<>();
        set.forEach(p -> {
            if (!p.parts().isEmpty()) {
                tables.add(p);
            }
        });
        for (LinkedFigures whole : tables) {
            // whole − Σ parts = 0 as Σ coefficient × amount = constant, over the secret amounts.
            Map<String, Integer> coefficients = new HashMap<>();
            double constant = 0;
            List<LinkedFigures> cells = new ArrayList<>();
            cells.add(whole);
            cells.addAll(whole.parts());
            boolean complete = true;
            for (LinkedFigures cell : cells) {
                FigureValue value = cell.figures().get(key);
                int sign = cell == whole ? 1 : -1;
                if (value == null || TableSuppression.amount(value, component) == null) {
                    complete = cell != whole && complete;
                    continue;
                }
                if (bounds.containsKey(cell.place())) {
                    coefficients.put(cell.place(), sign);
                } else {
                    constant -= sign * TableSuppression.amount(value, component);
                }
            }
            if (!complete || coefficients.isEmpty()) {
                continue;
            }
            for (String unknown : coefficients.keySet()) {
                double low = constant;
                double high = constant;
                for (Map.Entry<String, Integer> other : coefficients.entrySet()) {
                    if (other.getKey().equals(unknown)) {
                        continue;
                    }
                    double[] b = bounds.get(other.getKey());
                    // c·x = constant − Σ c'·y: subtract the others' contribution range
                    if (other.getValue() > 0) {
                        low -= b[1];
                        high -= b[0];
                    } else {
                        low += b[0];
                        high += b[1];
                    }
                }
                int c = coefficients.get(unknown);
                double newLow = c > 0 ? low : -high;
                double newHigh = c > 0 ? high : -low;
                double[] b = bounds.get(unknown);
                if (newLow > b[0] + 1e-9) {
                    b[0] = newLow;
                    moved = true;
                }
                if (newHigh < b[1] - 1e-9) {
                    b[1] = newHigh;
                    moved = true;
                }
            }
        }
        return moved;
    }

    /** As LinkedSuppressionTest's hierarchies, with a rate (of the exits) and a mean (months) per place. */
    private static LinkedFigures hierarchy(List<List<Long>> chantierCounts, Random random, int drift) {
        List<LinkedFigures> territories = new ArrayList<>();
        long[] nation = new long[5];
        for (int t = 0; t < chantierCounts.size(); t++) {
            List<LinkedFigures> chantiers = new ArrayList<>();
            long[] territory = new long[5];
            List<Long> counts = chantierCounts.get(t);
            for (int c = 0; c < counts.size(); c++) {
                long accompanied = Math.max(0, counts.get(c) + (drift == 0 ? 0 : random.nextInt(drift) - 1));
                long exits = accompanied / 2 + (accompanied > 0 ? random.nextInt(2) : 0);
                long dynamic = exits == 0 ? 0 : random.nextInt(4) == 0 ? exits : random.nextInt((int) exits + 1);
                long months = random.nextInt(5) == 0 ? 0 : exits * random.nextInt(20);
                long[] f = {accompanied, dynamic, exits, months, exits};
                chantiers.add(new LinkedFigures(LinkedFigures.chantier("c" + t + "-" + c), figures(f), List.of()));
                for (int i = 0; i < f.length; i++) {
                    territory[i] += f[i];
                }
            }
            if (counts.isEmpty()) {
                territory[0] = 1 + random.nextInt(40);
                territory[2] = territory[0] / 2;
                territory[1] = random.nextInt((int) territory[2] + 1);
                territory[3] = territory[2] * random.nextInt(20);
                territory[4] = territory[2];
            }
            territories.add(new LinkedFigures(LinkedFigures.territory("t" + t), figures(territory), chantiers));
            for (int i = 0; i < nation.length; i++) {
                nation[i] += territory[i];
            }
        }
        return new LinkedFigures(LinkedFigures.NATION, figures(nation), territories);
    }

    private static Map<String, FigureValue> figures(long[] f) {
        Map<String, FigureValue> figures = new LinkedHashMap<>();
        figures.put(COUNT, new FigureValue.Count(f[0]));
        figures.put(RATE, share(f[1], f[2]));
        figures.put(MEAN, mean(f[3], f[4]));
        return figures;
    }

    private static FigureValue share(long numerator, long denominator) {
        return new FigureValue.Share(numerator, denominator, denominator == 0 ? null
                : (double) numerator / denominator);
    }

    private static FigureValue mean(double total, long count) {
        return new FigureValue.Average(total, count, count == 0 ? null : total / count);
    }

    @Provide
    Arbitrary<List<List<Long>>> hierarchies() {
        Arbitrary<Long> count = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 12)),
                Tuple.of(1, Arbitraries.longs().between(13, 300)));
        return count.list().ofMinSize(0).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(6);
    }
}
