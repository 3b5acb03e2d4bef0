package org.convergence.reporting.worklist;

import org.convergence.reporting.figures.PathwayRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkListsTest {

    private static PathwayRecord convergence(String id, String entry, String exit, Set<Integer> checkIns) {
        return new PathwayRecord(id, "p-" + id, "CONVERGENCE", "paris", "c", LocalDate.parse(entry),
                exit == null ? null : LocalDate.parse(exit), exit == null ? null : "OTHER", null, checkIns);
    }

    @Test
    void pathwaysNearingFiveYearsAreListedThreeMonthsBeforeAndPastOnesFromTheLimit() {
        LocalDate asOf = LocalDate.of(2025, 1, 15);
        WorkLists.TerritoryWorkList list = WorkLists.of("paris", List.of(
                convergence("nearing", "2020-03-01", null, Set.of()),
                convergence("not-yet", "2020-04-16", null, Set.of()),
                convergence("past", "2020-01-15", null, Set.of()),
                convergence("exited", "2019-01-01", "2023-12-31", Set.of(1, 3, 6, 12))), asOf);

        assertEquals(List.of("nearing"), list.nearingFiveYears().stream().map(WorkLists.Item::pathwayId).toList());
        assertEquals(LocalDate.of(2025, 3, 1), list.nearingFiveYears().get(0).dueOn());
        assertEquals(List.of("past"), list.pastFiveYears().stream().map(WorkLists.Item::pathwayId).toList());
    }

    @Test
    void overdueCheckInsAreTheMilestonesPassedWithoutARecordUntilTheFollowUpCloses() {
        LocalDate asOf = LocalDate.of(2021, 1, 15);
        WorkLists.TerritoryWorkList list = WorkLists.of("paris", List.of(
                convergence("a", "2019-01-01", "2020-06-30", Set.of(1)),
                convergence("closed", "2018-01-01", "2019-11-30", Set.of())), asOf);

        assertEquals(List.of(3, 6), list.overdueCheckIns().stream().map(WorkLists.Item::milestoneMonths).toList());
        assertEquals(LocalDate.of(2020, 9, 30), list.overdueCheckIns().get(0).dueOn());
    }

    @Test
    void exitsWithoutCategoryAreListedButNotPremieresHeuresPathwaysEndedByPromotion() {
        PathwayRecord uncategorised = new PathwayRecord("historic", "p-1", "CONVERGENCE", "paris", "c",
                LocalDate.of(2015, 3, 2), LocalDate.of(2017, 5, 31), null, null, Set.of());
        PathwayRecord promoted = new PathwayRecord("ph", "p-2", "PREMIERES_HEURES", "paris", "c",
                LocalDate.of(2020, 1, 6), LocalDate.of(2020, 4, 1), null, "cv-1", Set.of());
        WorkLists.TerritoryWorkList list = WorkLists.of("paris", List.of(uncategorised, promoted,
                convergence("categorised", "2019-01-01", "2020-06-30", Set.of())), LocalDate.of(2021, 1, 15));

        assertEquals(List.of("historic"), list.exitsWithoutCategory().stream().map(WorkLists.Item::pathwayId).toList());
        assertEquals(LocalDate.of(2017, 5, 31), list.exitsWithoutCategory().get(0).dueOn());
    }
}
