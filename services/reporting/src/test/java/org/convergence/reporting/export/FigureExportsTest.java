package org.convergence.reporting.export;

import org.convergence.reporting.dashboard.FigureLabels;
import org.convergence.reporting.dashboard.FigureValue;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Statistical secrecy in the aggregate CSV: small counts go, zero and counts at the minimum stay. */
class FigureExportsTest {

    private final FigureExports exports = new FigureExports(new FigureLabels());

    @Test
    void aCountOfFewerPeopleThanTheMinimumIsSecretButZeroAndTheMinimumItselfAreShown() {
        assertEquals(List.of("secret", "0", "5"), row(Map.of("accompanied", new FigureValue.Count(4)),
                Map.of("accompanied", new FigureValue.Count(0)), Map.of("accompanied", new FigureValue.Count(5))));
    }

    @Test
    void aShareIsSecretWholeWhenItsNumeratorOrItsDenominatorCountsFewerPeople() {
        List<List<String>> rows = rows(5, Map.of("dynamicExits", new FigureValue.Share(2, 40, 0.05)),
                Map.of("dynamicExits", new FigureValue.Share(0, 3, 0.0)),
                Map.of("dynamicExits", new FigureValue.Share(10, 40, 0.25)));
        assertEquals(List.of("secret", "secret", "secret"), rows.get(1).subList(4, 7));
        assertEquals(List.of("secret", "secret", "secret"), rows.get(2).subList(4, 7));
        assertEquals(List.of("25", "10", "40"), rows.get(3).subList(4, 7));
    }

    @Test
    void aMeanOverFewerPeopleIsSecretWhole() {
        List<List<String>> rows = rows(5, Map.of("averagePathwayMonths", new FigureValue.Average(30, 4, 7.5)));
        assertEquals(List.of("secret", "secret", "secret"), rows.get(1).subList(4, 7));
    }

    @Test
    void withoutAMinimumEveryCellIsShown() {
        List<List<String>> rows = rows(0, Map.of("accompanied", new FigureValue.Count(1)));
        assertEquals("1", rows.get(1).get(4));
    }

    @SafeVarargs
    private List<String> row(Map<String, FigureValue>... places) {
        return rows(5, places).stream().skip(1).map(r -> r.get(4)).toList();
    }

    @SafeVarargs
    private List<List<String>> rows(int minimumPeople, Map<String, FigureValue>... places) {
        List<FigureExports.Place> list = new java.util.ArrayList<>();
        for (int i = 0; i < places.length; i++) {
            list.add(new FigureExports.Place("Territoire", "t" + i, "t" + i, new LinkedHashMap<>(places[i])));
        }
        return exports.table(2020, list, minimumPeople).lines();
    }
}
