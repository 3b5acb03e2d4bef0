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
        return exited(participant, chantier, entry, exit, exit == null ? null : "OTHER");
    }

    private static PathwayRecord exited(String participant, String chantier, String entry, String exit,
                                        String category) {
        return new PathwayRecord(participant + "-" + entry, participant, "CONVERGENCE", "lyon", chantier,
                LocalDate.parse(entry), exit == null ? null : LocalDate.parse(exit), category, null);
    }

    private static PathwayRecord premieresHeures(String participant, String entry, String end, String promotedTo) {
        return new PathwayRecord(participant + "-ph-" + entry, participant, "PREMIERES_HEURES", "lyon", "c",
                LocalDate.parse(entry), end == null ? null : LocalDate.parse(end), null, promotedTo);
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
        assertEquals(1, figures.exits(pathways).size());
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
        assertEquals(1, figures.exits(pathways).size());
        assertEquals(0, new YearFigures(Map.of("armee", LocalDate.of(2020, 6, 1)), Year.of(2019))
                .accompaniedParticipants(pathways).size());
    }

    @Test
    void aParticipantWithTwoPathwaysCountsOnceAndPremieresHeuresIsNotConvergence() {
        YearFigures figures = new YearFigures(Map.of(), Y2020);
        List<PathwayRecord> pathways = List.of(
                convergence("a", "c", "2016-01-01", "2020-02-01"),
                convergence("a", "c", "2020-10-01", null),
                        premieresHeures("b", "2020-01-01", null, null));

        assertEquals(1, figures.accompaniedParticipants(pathways).size());
        assertEquals(1, figures.exits(pathways).size());
    }

    @Test
    void averagePathwayMonthsCountsFromTheRealCddiStartEvenForAJoiningChantier() {
        YearFigures figures = new YearFigures(Map.of("armee", LocalDate.of(2020, 6, 1)), Y2020);
        List<PathwayRecord> pathways = List.of(
                convergence("a", "armee", "2019-06-30", "2020-06-30"),   // 366 days
                convergence("b", "c", "2020-01-01", "2020-03-31"));      // 90 days

        Mean mean = figures.averagePathwayMonths(pathways);

        assertEquals(2, mean.count());
        assertEquals(Math.round(100.0 * 456 / 30.4375) / 100.0, mean.total());
        assertEquals(Math.round(100.0 * 456 / 30.4375 / 2) / 100.0, mean.value());
    }

    @Test
    void dynamicExitsLeaveOutNeutralisedExitsAndPathwaysShorterThanThreeMonths() {
        YearFigures figures = new YearFigures(Map.of(), Y2020);
        List<PathwayRecord> pathways = List.of(
                exited("a", "c", "2019-01-01", "2020-02-01", "DURABLE_EMPLOYMENT"),
                exited("b", "c", "2019-01-01", "2020-02-01", "TRANSITIONAL_EMPLOYMENT"),
                exited("c", "c", "2019-01-01", "2020-02-01", "POSITIVE_EXIT"),
                exited("d", "c", "2019-01-01", "2020-02-01", "OTHER"),
                exited("e", "c", "2019-01-01", "2020-02-01", "NEUTRALISED"),
                exited("f", "c", "2020-01-15", "2020-04-14", "DURABLE_EMPLOYMENT"),
                exited("g", "c", "2020-01-15", "2020-04-15", "OTHER"));

        assertEquals(Rate.of(3, 5), figures.dynamicExits(pathways));
        assertEquals(0.6, figures.dynamicExits(pathways).value());
        assertEquals(null, figures.dynamicExits(List.of()).value());
    }

    @Test
    void anExitWithoutCategoryStaysInTheDynamicExitsDenominatorButNotInItsNumerator() {
        YearFigures figures = new YearFigures(Map.of("c", LocalDate.of(2019, 1, 1)), Y2020);
        List<PathwayRecord> pathways = List.of(
                exited("a", "c", "2019-02-01", "2020-03-31", "DURABLE_EMPLOYMENT"),
                exited("b", "c", "2019-02-01", "2020-04-30", null));

        assertEquals(Rate.of(1, 2), figures.dynamicExits(pathways));
    }

    @Test
    void fromPremieresHeuresCountsAccompaniedWhoseFirstPathwayWasPremieresHeuresAnywhere() {
        YearFigures figures = new YearFigures(Map.of(), Y2020);
        PathwayRecord promotedCddi = convergence("a", "c", "2020-01-06", null);
        List<PathwayRecord> territory = List.of(promotedCddi, convergence("b", "c", "2020-02-01", null));
        List<PathwayRecord> theirs = List.of(promotedCddi, territory.get(1),
                premieresHeures("a", "2019-09-02", "2020-01-06", promotedCddi.pathwayId()),
                premieresHeures("b", "2020-03-01", null, null));

        assertEquals(Rate.of(1, 2), figures.fromPremieresHeures(territory, theirs));
    }

    @Test
    void premieresHeuresCountsActiveParticipantsStartsAndPromotions() {
        YearFigures figures = new YearFigures(Map.of(), Y2020);
        List<PathwayRecord> pathways = List.of(
                premieresHeures("a", "2019-09-02", "2020-01-06", "cddi-a"),
                premieresHeures("b", "2020-03-01", null, null),
                premieresHeures("c", "2019-03-01", "2019-12-31", null),
                premieresHeures("d", "2020-05-04", "2020-11-30", "cddi-d"));

        assertEquals(new PremieresHeuresFigures(3, 2, 2), figures.premieresHeures(pathways));
    }
}
