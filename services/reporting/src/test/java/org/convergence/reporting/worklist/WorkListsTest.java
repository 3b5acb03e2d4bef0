package org.convergence.reporting.worklist;

import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.reporting.TestPrograms;
import org.convergence.reporting.figures.PathwayRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkListsTest {

    private static final ProgramCatalog PROGRAMS = TestPrograms.catalog();

    private static PathwayRecord convergence(String id, String entry, String exit, Set<Integer> checkIns) {
        return new PathwayRecord(id, "p-" + id, "CONVERGENCE", "paris", "c", LocalDate.parse(entry),
                exit == null ? null : LocalDate.parse(exit), exit == null ? null : "OTHER", null, checkIns);
    }

    private static List<String> ids(List<WorkLists.Item> items) {
        return items.stream().map(WorkLists.Item::pathwayId).toList();
    }

    @Test
    void aPathwayIsNearingItsLimitFromThreeMonthsBeforeUpToTheLimitDayAndPastItFromTheDayAfter() {
        // Entered 2020-03-15: the limit (the last day it may run, as the aggregate rules) is 2025-03-15.
        PathwayRecord pathway = convergence("pw", "2020-03-15", null, Set.of());

        WorkLists.TerritoryWorkList dayBeforeWarning = WorkLists.of("paris", List.of(pathway),
                LocalDate.of(2024, 12, 14), PROGRAMS);
        WorkLists.TerritoryWorkList warningDay = WorkLists.of("paris", List.of(pathway), LocalDate.of(2024, 12, 15),
                PROGRAMS);
        WorkLists.TerritoryWorkList limitDay = WorkLists.of("paris", List.of(pathway), LocalDate.of(2025, 3, 15),
                PROGRAMS);
        WorkLists.TerritoryWorkList dayAfter = WorkLists.of("paris", List.of(pathway), LocalDate.of(2025, 3, 16),
                PROGRAMS);

        assertEquals(List.of(), dayBeforeWarning.nearingFiveYears());
        assertEquals(List.of("pw"), ids(warningDay.nearingFiveYears()));
        assertEquals(LocalDate.of(2025, 3, 15), warningDay.nearingFiveYears().get(0).dueOn());
        assertEquals(List.of("pw"), ids(limitDay.nearingFiveYears()));
        assertEquals(List.of(), limitDay.pastFiveYears());
        assertEquals(List.of(), dayAfter.nearingFiveYears());
        assertEquals(List.of("pw"), ids(dayAfter.pastFiveYears()));
        assertEquals(List.of(), WorkLists.of("paris", List.of(convergence("exited", "2019-01-01", "2023-12-31",
                Set.of(1, 3, 6, 12))), LocalDate.of(2025, 1, 15), PROGRAMS).nearingFiveYears());
    }

    @Test
    void overdueCheckInsAreTheMilestonesPassedWithoutARecordWhileTheFollowUpIsOpen() {
        LocalDate asOf = LocalDate.of(2021, 1, 15);
        WorkLists.TerritoryWorkList list = WorkLists.of("paris", List.of(
                convergence("a", "2019-01-01", "2020-06-30", Set.of(1)),
                convergence("closed", "2018-01-01", "2019-11-30", Set.of())), asOf, PROGRAMS);

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
                convergence("categorised", "2019-01-01", "2020-06-30", Set.of())), LocalDate.of(2021, 1, 15),
                PROGRAMS);

        assertEquals(List.of("historic"), ids(list.exitsWithoutCategory()));
        assertEquals(LocalDate.of(2017, 5, 31), list.exitsWithoutCategory().get(0).dueOn());
    }
}
