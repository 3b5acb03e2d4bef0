package org.convergence.reporting.export;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.convergence.reporting.dashboard.FigureLabels;
import org.convergence.reporting.dashboard.FigureValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Complementary suppression (ADR 0033): in a table whose first row is the whole of the others, no secret cell is the
 * whole minus what is published.
 */
class TableSuppressionTest {

    private final FigureExports exports = new FigureExports(new FigureLabels());

    @Test
    void aSmallTerritoryCannotBeRecoveredAsTheNationMinusTheOtherTerritory() {
        // Primary suppression alone would publish France 12 and Nord 9: Lozère = 12 - 9 = 3.
        List<List<String>> rows = exports.table(2020, place("France", 12), List.of(place("Lozère", 3),
                place("Nord", 9)), 5).lines();
        assertEquals("12", rows.get(1).get(4), "the nation stays published");
        assertEquals(FigureExports.SECRET, rows.get(2).get(4), "3 people: secret");
        assertEquals(FigureExports.SECRET, rows.get(3).get(4), "Nord is hidden too, or 12 - 9 gives Lozère");
    }

    @Test
    void theSmallestOtherPartIsHiddenAndTheRestStaysPublished() {
        List<List<String>> rows = exports.table(2020, place("France", 70), List.of(place("a", 2), place("b", 40),
                place("c", 8), place("d", 20)), 5).lines();
        assertEquals(List.of("70", "secret", "40", "secret", "20"), rows.stream().skip(1).map(r -> r.get(4)).toList());
    }

    @Test
    void twoSecretPartsOfOnePersonEachAreNotEnoughWhenTheirSumPinsThem() {
        // 1 + 1 = 2 = 60 - 58: two secret cells known to hold at least one person each would both be 1.
        List<List<String>> rows = exports.table(2020, place("France", 60), List.of(place("a", 1), place("b", 1),
                place("c", 6), place("d", 52)), 5).lines();
        assertEquals(List.of("60", "secret", "secret", "secret", "52"),
                rows.stream().skip(1).map(r -> r.get(4)).toList());
    }

    @Test
    void whenNoOtherPartIsLeftTheWholeIsHidden() {
        List<List<String>> rows = exports.table(2020, place("Territoire", 9), List.of(place("seul chantier", 3)), 5)
                .lines();
        assertEquals(List.of("secret", "secret"), rows.stream().skip(1).map(r -> r.get(4)).toList());
    }

    @Test
    void aSecretShareHidesAnotherShareOfItsLineAllThreeCellsOfEach() {
        Map<String, FigureValue> france = Map.of("dynamicExits", new FigureValue.Share(12, 60, 0.2));
        List<List<String>> rows = exports.table(2020,
                new FigureExports.Place("France", "", "France", france),
                List.of(new FigureExports.Place("Territoire", "a", "a",
                                Map.of("dynamicExits", new FigureValue.Share(2, 20, 0.1))),
                        new FigureExports.Place("Territoire", "b", "b",
                                Map.of("dynamicExits", new FigureValue.Share(10, 40, 0.25)))), 5).lines();
        assertEquals(List.of("secret", "secret", "secret"), rows.get(2).subList(4, 7));
        assertEquals(List.of("secret", "secret", "secret"), rows.get(3).subList(4, 7));
        assertEquals(List.of("20", "12", "60"), rows.get(1).subList(4, 7));
    }

    /**
     * Whatever the table, what a reader can compute from it (the whole minus the published parts, knowing that each
     * secret part holds at least one person) never pins a secret part to one value, and no small count is shown.
     */
    @Property(tries = 400)
    void noPublishedWholeMinusPublishedPartsRevealsASecretPart(@ForAll("tables") List<List<Long>> parts,
                                                               @ForAll @IntRange(min = 3, max = 11) int minimum) {
        int columns = parts.get(0).size();
        List<List<FigureValue>> rows = new ArrayList<>();
        List<FigureValue> whole = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            long sum = 0;
            for (List<Long> part : parts) {
                sum += part.get(c);
            }
            whole.add(new FigureValue.Count(sum));
        }
        rows.add(whole);
        parts.forEach(p -> rows.add(p.stream().map(v -> (FigureValue) new FigureValue.Count(v)).toList()));

        boolean[][] secret = new TableSuppression(minimum).secret(rows, true);

        for (int c = 0; c < columns; c++) {
            int hidden = 0;
            long remainder = ((FigureValue.Count) whole.get(c)).value();
            for (int r = 1; r < rows.size(); r++) {
                long value = ((FigureValue.Count) rows.get(r).get(c)).value();
                assertFalse(value > 0 && value < minimum && !secret[r][c], "a small part is shown: " + value);
                if (secret[r][c]) {
                    hidden++;
                } else {
                    remainder -= value;
                }
            }
            if (secret[0][c] || hidden == 0) {
                continue;
            }
            assertTrue(hidden >= 2, "one secret part in a line is the whole minus the others");
            long largestPossible = remainder - (hidden - 1);
            assertTrue(largestPossible >= 2, "the secret parts share " + remainder + " over " + hidden
                    + " cells: each is pinned to 1");
        }
    }

    @Provide
    Arbitrary<List<List<Long>>> tables() {
        Arbitrary<Long> count = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 12)),
                Tuple.of(1, Arbitraries.longs().between(13, 400)));
        return Arbitraries.integers().between(1, 4).flatMap(columns ->
                count.list().ofSize(columns).list().ofMinSize(1).ofMaxSize(12));
    }

    private static FigureExports.Place place(String name, long accompanied) {
        Map<String, FigureValue> figures = new LinkedHashMap<>();
        figures.put("accompanied", new FigureValue.Count(accompanied));
        return new FigureExports.Place("Territoire", name, name, figures);
    }
}
