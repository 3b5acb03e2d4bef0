package org.convergence.reporting.figures;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class YearFiguresTest {

    private static final Year Y2020 = Year.of(2020);

    private static PathwayRecord convergence(String participant, String chantier, String entry, String exit) {
        return new PathwayRecord(participant + "-pw", participant, "CONVERGENCE", "lyon", chantier,
                LocalDate.parse(entry), exit == null ? null : LocalDate.parse(exit), exit == null ? null : "OTHER");
    }

    @Test
    void aPathwayActiveOnOneDayOfTheYearIsAccompanied() {
        YearFigures figures = new YearFigures(Map.of(), Y2020);
        List<PathwayRecord> pathways = List.of(
                convergence("a", "c", "2019-03-01", null),
                convergence("b", "c", "2020-12-31", null),
                convergence("c", "c", "2018-01-01", "2020-01-01"),
                convergence("d", "c", "2018-01-01", "2019-12-31"),
                convergence("e", "c", "2021-01-01", null));

        assertEquals(java.util.Set.of("a", "b", "c"), figures.accompaniedParticipants(pathways));
        assertEquals(1, figures.exits(pathways));
    }

    @Test
    void peopleBroughtByAJoiningChantierCountOnlyFromItsConvergenceStart() {
        // Armée du Salut (Lyon) carried Convergence from June 2020; its CDDIs started earlier.
        YearFigures figures = new YearFigures(Map.of("armee", LocalDate.of(2020, 6, 1)), Y2020);
        List<PathwayRecord> pathways = List.of(
                convergence("left-before-joining", "armee", "2019-01-10", "2020-05-31"),
                convergence("left-after-joining", "armee", "2019-01-10", "2020-09-30"),
                convergence("still-there", "armee", "2019-05-01", null));

        assertEquals(java.util.Set.of("left-after-joining", "still-there"), figures.accompaniedParticipants(pathways));
        assertEquals(1, figures.exits(pathways));
        assertEquals(0, new YearFigures(Map.of("armee", LocalDate.of(2020, 6, 1)), Year.of(2019))
                .accompaniedParticipants(pathways).size());
    }

    @Test
    void aParticipantWithTwoPathwaysCountsOnceAndPremieresHeuresIsNotConvergence() {
        YearFigures figures = new YearFigures(Map.of(), Y2020);
        List<PathwayRecord> pathways = List.of(
                convergence("a", "c", "2016-01-01", "2020-02-01"),
                convergence("a", "c", "2020-10-01", null),
                new PathwayRecord("ph", "b", "PREMIERES_HEURES", "lyon", "c", LocalDate.of(2020, 1, 1), null, null));

        assertEquals(1, figures.accompaniedParticipants(pathways).size());
        assertEquals(1, figures.exits(pathways));
    }
}
