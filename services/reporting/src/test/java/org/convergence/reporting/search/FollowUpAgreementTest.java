package org.convergence.reporting.search;

import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.reporting.TestPrograms;
import org.convergence.reporting.figures.PathwayRecord;
import org.convergence.reporting.worklist.WorkLists;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search, the work lists and the enrolment aggregate agree, day by day, on when a follow-up is open: all three
 * ask the program catalogue ({@code Program.FollowUp.isOpenOn}, {@code closesOn}), the aggregate to accept or refuse a
 * check-in dated that day.
 */
class FollowUpAgreementTest {

    private static final String CV = ProgramCatalog.CONVERGENCE;

    @Test
    void theFollowUpClosesTwelveMonthsAfterTheExitForTheSearchTheWorkListsAndTheCatalogueAlike() {
        ProgramCatalog programs = TestPrograms.catalog();
        Program.FollowUp followUp = programs.require(CV).followUp();
        LocalDate exit = LocalDate.of(2020, 5, 31);
        LocalDate lastDay = LocalDate.of(2021, 5, 31);
        assertEquals(lastDay, followUp.closesOn(exit));

        assertAgreement(programs, exit, lastDay, true);
        assertAgreement(programs, exit, lastDay.plusDays(1), false);
        assertAgreement(programs, exit, exit, true);
    }

    @Test
    void aConfiguredGraceMovesTheClosingDayForAllOfThemTogether() {
        ProgramCatalog programs = TestPrograms.catalog(1);
        LocalDate exit = LocalDate.of(2020, 1, 31);
        LocalDate lastDay = LocalDate.of(2021, 2, 28);
        assertEquals(lastDay, programs.require(CV).followUp().closesOn(exit));

        assertAgreement(programs, exit, lastDay, true);
        assertAgreement(programs, exit, lastDay.plusDays(1), false);
    }

    /** On {@code day}: the search's status, the overdue list and the catalogue's answer all say open, or all closed. */
    private static void assertAgreement(ProgramCatalog programs, LocalDate exit, LocalDate day, boolean open) {
        assertEquals(open, programs.require(CV).followUp().isOpenOn(exit, day), "the catalogue on " + day);
        assertEquals(open ? PathwayStatus.IN_FOLLOW_UP : PathwayStatus.ENDED,
                new ParticipantSearch(null, programs).statusOf(CV, exit, day), "the search on " + day);
        // The 1-month check-in was never recorded: it is listed as overdue exactly while it can still be recorded.
        PathwayRecord pathway = new PathwayRecord("pw", "p", CV, "paris", "c", exit.minusYears(2), exit, "OTHER",
                null, Set.of());
        List<WorkLists.Item> overdue = WorkLists.of("paris", List.of(pathway), day, programs).overdueCheckIns();
        boolean listed = overdue.stream().anyMatch(item -> item.milestoneMonths() == 1);
        if (day.isAfter(exit.plusMonths(1))) {
            assertEquals(open, listed, "the work list on " + day);
        } else {
            assertFalse(listed, "not due yet on " + day);
        }
        assertTrue(overdue.stream().noneMatch(item -> item.milestoneMonths() == 12) || day.isAfter(exit.plusMonths(12)),
                "the 12-month check-in is due on its day, not overdue");
    }
}
