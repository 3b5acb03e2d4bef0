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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One secrecy decision over linked tables (ADR 0037): the nation above its territories, each territory above its
 * chantiers, live and published. No combination of an evaluator's reads reveals a hidden cell.
 */
class LinkedSuppressionTest {

    private static final int MINIMUM = 5;
    private static final String ACCOMPANIED = "accompanied";

    @Test
    void aTerritoryHiddenAsAComplementNationallyIsHiddenInItsOwnTableAndSoIsOneOfItsChantiers() {
        // Nationally Lozère (3) needs a complement: Nord (12), the smallest published territory. Nord's own table
        // would show its chantiers 7 + 5 = 12: one of them must be hidden too, or Nord is their sum.
        LinkedFigures france = place(LinkedFigures.NATION, 30,
                place(LinkedFigures.territory("lozere"), 3, place(LinkedFigures.chantier("l1"), 3)),
                place(LinkedFigures.territory("nord"), 12, place(LinkedFigures.chantier("n1"), 7),
                        place(LinkedFigures.chantier("n2"), 5)),
                place(LinkedFigures.territory("var"), 15, place(LinkedFigures.chantier("v1"), 15)));

        SecretCells secret = new LinkedSuppression(MINIMUM).decide(List.of(france));

        assertFalse(secret.secret(LinkedFigures.NATION, ACCOMPANIED));
        assertTrue(secret.secret(LinkedFigures.territory("lozere"), ACCOMPANIED));
        assertTrue(secret.secret(LinkedFigures.chantier("l1"), ACCOMPANIED));
        assertTrue(secret.secret(LinkedFigures.territory("nord"), ACCOMPANIED), "the national complement");
        assertTrue(secret.secret(LinkedFigures.chantier("n2"), ACCOMPANIED), "else Nord = 7 + 5");
        assertFalse(secret.secret(LinkedFigures.chantier("n1"), ACCOMPANIED));
        assertFalse(secret.secret(LinkedFigures.territory("var"), ACCOMPANIED));
        assertFalse(secret.secret(LinkedFigures.chantier("v1"), ACCOMPANIED));
    }

    @Test
    void aChantierHiddenAsAComplementInItsTerritorysTableStaysHiddenWhereverItIsRead() {
        LinkedFigures france = place(LinkedFigures.NATION, 108,
                place(LinkedFigures.territory("nord"), 8, place(LinkedFigures.chantier("a"), 2),
                        place(LinkedFigures.chantier("b"), 6)),
                place(LinkedFigures.territory("var"), 100, place(LinkedFigures.chantier("v"), 100)));

        SecretCells secret = new LinkedSuppression(MINIMUM).decide(List.of(france));

        assertEquals(List.of(true, true), List.of(secret.secret(LinkedFigures.chantier("a"), ACCOMPANIED),
                secret.secret(LinkedFigures.chantier("b"), ACCOMPANIED)), "b is 8 - 2 otherwise");
        assertFalse(secret.secret(LinkedFigures.territory("nord"), ACCOMPANIED));
        assertEquals(Map.of(ACCOMPANIED, FigureValue.SECRET), secret.mask(LinkedFigures.chantier("b"),
                france.parts().get(0).parts().get(1).figures()), "its own table (a chantier alone) masks it");
    }

    @Test
    void aCellHiddenInTheLiveFiguresIsHiddenInThePublishedEditionOfTheYearToo() {
        // Published: a (2) would be complemented by b (6), c (7) shown. Live, b grew to 9 and c is a's complement.
        // With a decision per figure set, c is read in the published file and, unchanged since, gives the live
        // a = 118 - 9 - 100 - 7.
        LinkedFigures published = place(LinkedFigures.NATION, 115, place(LinkedFigures.territory("a"), 2),
                place(LinkedFigures.territory("b"), 6), place(LinkedFigures.territory("c"), 7),
                place(LinkedFigures.territory("d"), 100));
        LinkedFigures live = place(LinkedFigures.NATION, 118, place(LinkedFigures.territory("a"), 2),
                place(LinkedFigures.territory("b"), 9), place(LinkedFigures.territory("c"), 7),
                place(LinkedFigures.territory("d"), 100));

        SecretCells publishedAlone = new LinkedSuppression(MINIMUM).decide(List.of(published));
        SecretCells liveAlone = new LinkedSuppression(MINIMUM).decide(List.of(live));
        SecretCells oneDecision = new LinkedSuppression(MINIMUM).decide(List.of(live, published));

        assertTrue(liveAlone.secret(LinkedFigures.territory("c"), ACCOMPANIED));
        assertFalse(publishedAlone.secret(LinkedFigures.territory("c"), ACCOMPANIED), "two decisions disagree on c");
        assertTrue(oneDecision.secret(LinkedFigures.territory("a"), ACCOMPANIED));
        assertTrue(oneDecision.secret(LinkedFigures.territory("c"), ACCOMPANIED), "hidden in both figure sets");
        assertFalse(oneDecision.secret(LinkedFigures.territory("d"), ACCOMPANIED));
    }

    @Test
    void theNationalTeamsDecisionHidesNothing() {
        LinkedFigures france = place(LinkedFigures.NATION, 3, place(LinkedFigures.territory("a"), 3));
        assertTrue(new LinkedSuppression(0).decide(List.of(france)).keysOf(LinkedFigures.territory("a")).isEmpty());
    }

    /**
     * Whatever the hierarchy and however its published edition differs from the live figures, no published cell
     * holds fewer people than the minimum, and no secret cell is determined by the published cells through any
     * combination of the equations of the nation's, the territories' and the chantiers' tables (a secret cell is
     * determined when removing its column lowers the rank of the system), in either figure set.
     */
    @Property(tries = 300)
    void noCombinationOfPublishedWholesAndPartsAcrossLinkedTablesRevealsASecretCell(
            @ForAll("hierarchies") List<List<Long>> chantierCounts, @ForAll @IntRange(min = 3, max = 8) int minimum,
            @ForAll long seed) {
        LinkedFigures live = hierarchy(chantierCounts, new Random(seed), 0);
        LinkedFigures published = hierarchy(chantierCounts, new Random(seed), 3);

        SecretCells secret = new LinkedSuppression(minimum).decide(List.of(live, published));

        for (LinkedFigures set : List.of(live, published)) {
            set.forEach(place -> place.figures().forEach((key, value) -> {
                long count = ((FigureValue.Count) value).value();
                assertFalse(count > 0 && count < minimum && !secret.secret(place.place(), key),
                        "a small count is shown: " + place.place() + " " + key + " = " + count);
            }));
            for (String key : List.of(ACCOMPANIED, "exits")) {
                assertNothingDetermined(set, key, secret);
            }
        }
    }

    /** Each table's equation whole − Σ parts = 0 over the secret cells; a column whose removal lowers the rank. */
    private static void assertNothingDetermined(LinkedFigures set, String key, SecretCells secret) {
        List<String> unknowns = new ArrayList<>();
        set.forEach(p -> {
            if (secret.secret(p.place(), key)) {
                unknowns.add(p.place());
            }
        });
        List<double[]> rows = new ArrayList<>();
        set.forEach(whole -> {
            if (whole.parts().isEmpty()) {
                return;
            }
            double[] row = new double[unknowns.size()];
            if (unknowns.contains(whole.place())) {
                row[unknowns.indexOf(whole.place())] = 1;
            }
            whole.parts().stream().filter(p -> unknowns.contains(p.place()))
                    .forEach(p -> row[unknowns.indexOf(p.place())] = -1);
            rows.add(row);
        });
        int rank = rank(rows, -1);
        for (int j = 0; j < unknowns.size(); j++) {
            assertEquals(rank, rank(rows, j), "the published cells pin " + unknowns.get(j) + " " + key);
        }
    }

    /** The rank of the rows without column {@code skip}, by elimination. */
    private static int rank(List<double[]> rows, int skip) {
        List<double[]> a = new ArrayList<>();
        for (double[] row : rows) {
            double[] copy = row.clone();
            if (skip >= 0) {
                copy[skip] = 0;
            }
            a.add(copy);
        }
        int rank = 0;
        int columns = rows.isEmpty() ? 0 : rows.get(0).length;
        for (int c = 0; c < columns && rank < a.size(); c++) {
            int pivot = -1;
            for (int r = rank; r < a.size(); r++) {
                if (Math.abs(a.get(r)[c]) > 1e-9) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] p = a.remove(pivot);
            a.add(rank, p);
            for (int r = rank + 1; r < a.size(); r++) {
                double factor = a.get(r)[c] / p[c];
                for (int k = 0; k < columns; k++) {
                    a.get(r)[k] -= factor * p[k];
                }
            }
            rank++;
        }
        return rank;
    }

    /**
     * A nation whose territories hold the given chantiers' counts (a territory with none has its own count); the
     * second figure is a share of the first. {@code drift} moves some counts a little: the published edition.
     */
    private static LinkedFigures hierarchy(List<List<Long>> chantierCounts, Random random, int drift) {
        List<LinkedFigures> territories = new ArrayList<>();
        long[] nation = new long[2];
        for (int t = 0; t < chantierCounts.size(); t++) {
            List<LinkedFigures> chantiers = new ArrayList<>();
            long[] territory = new long[2];
            List<Long> counts = chantierCounts.get(t);
            for (int c = 0; c < counts.size(); c++) {
                long accompanied = Math.max(0, counts.get(c) + (drift == 0 ? 0 : random.nextInt(drift) - 1));
                long exits = accompanied / 3;
                chantiers.add(new LinkedFigures(LinkedFigures.chantier("c" + t + "-" + c), figures(accompanied, exits),
                        List.of()));
                territory[0] += accompanied;
                territory[1] += exits;
            }
            if (counts.isEmpty()) {
                territory[0] = 1 + random.nextInt(40);
                territory[1] = territory[0] / 4;
            }
            territories.add(new LinkedFigures(LinkedFigures.territory("t" + t), figures(territory[0], territory[1]),
                    chantiers));
            nation[0] += territory[0];
            nation[1] += territory[1];
        }
        return new LinkedFigures(LinkedFigures.NATION, figures(nation[0], nation[1]), territories);
    }

    @Provide
    Arbitrary<List<List<Long>>> hierarchies() {
        Arbitrary<Long> count = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 12)),
                Tuple.of(1, Arbitraries.longs().between(13, 300)));
        return count.list().ofMinSize(0).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(6);
    }

    private static Map<String, FigureValue> figures(long accompanied, long exits) {
        Map<String, FigureValue> figures = new LinkedHashMap<>();
        figures.put(ACCOMPANIED, new FigureValue.Count(accompanied));
        figures.put("exits", new FigureValue.Count(exits));
        return figures;
    }

    private static LinkedFigures place(String place, long accompanied, LinkedFigures... parts) {
        Map<String, FigureValue> figures = new LinkedHashMap<>();
        figures.put(ACCOMPANIED, new FigureValue.Count(accompanied));
        return new LinkedFigures(place, figures, List.of(parts));
    }
}
