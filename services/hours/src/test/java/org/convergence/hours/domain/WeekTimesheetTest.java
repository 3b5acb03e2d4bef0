package org.convergence.hours.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.hours.domain.HoursMessages.RecordWeekHoursCommand;
import org.convergence.hours.domain.HoursMessages.WeekHoursCorrectedEvent;
import org.convergence.hours.domain.HoursMessages.WeekHoursRecordedEvent;
import org.convergence.hours.domain.HoursMessages.WeekOutcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.convergence.hours.domain.HoursRules.CLOCK;
import static org.convergence.hours.domain.HoursRules.ENTRY;
import static org.convergence.hours.domain.HoursRules.TODAY;
import static org.convergence.hours.domain.HoursRules.ended;
import static org.convergence.hours.domain.HoursRules.premieresHeures;
import static org.convergence.hours.domain.HoursRules.refusedBy;

class WeekTimesheetTest {

    private static final IsoWeek FIRST_WEEK = IsoWeek.of(ENTRY);
    private static final AbsenceMinutes SICK_TWO_HOURS = new AbsenceMinutes(120, 0, 0, 0);

    /** A fresh fixture per scenario: each scenario is another week's stream. */
    private static AggregateTestFixture<WeekTimesheet> fixture() {
        AggregateTestFixture<WeekTimesheet> fixture = new AggregateTestFixture<>(WeekTimesheet.class);
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }

    private static RecordWeekHoursCommand report(PathwayTerms pathway, IsoWeek week, int minutes,
                                                 AbsenceMinutes absences, String sourceId) {
        return new RecordWeekHoursCommand(pathway, week, "emmaus-defi", minutes, absences, sourceId);
    }

    private static WeekHoursRecordedEvent recorded(IsoWeek week, int minutes, AbsenceMinutes absences,
                                                   String sourceId) {
        PathwayTerms p = premieresHeures();
        return new WeekHoursRecordedEvent(p.pathwayId(), p.participantId(), p.program(), p.territoryId(),
                p.chantierId(), week.toString(), minutes, absences, sourceId);
    }

    @Test
    void theHoursOfAWeekAreRecordedWithTheAbsencesByKind() {
        fixture().givenNoPriorActivity()
                .when(report(premieresHeures(), FIRST_WEEK, 240, SICK_TWO_HOURS, "e-1"))
                .expectEvents(recorded(FIRST_WEEK, 240, SICK_TWO_HOURS, "e-1"))
                .expectResultMessagePayload(WeekOutcome.RECORDED);
    }

    @Test
    void theSameFiguresSentAgainAreOneFact() {
        fixture().given(recorded(FIRST_WEEK, 240, SICK_TWO_HOURS, null))
                .when(report(premieresHeures(), FIRST_WEEK, 240, SICK_TWO_HOURS, null))
                .expectNoEvents()
                .expectResultMessagePayload(WeekOutcome.UNCHANGED);
    }

    @Test
    void aReportDeliveredAgainAfterACorrectionChangesNothing() {
        PathwayTerms p = premieresHeures();
        fixture().given(recorded(FIRST_WEEK, 240, AbsenceMinutes.NONE, "e-1"),
                        new WeekHoursCorrectedEvent(p.pathwayId(), p.participantId(), p.program(), p.territoryId(),
                                p.chantierId(), FIRST_WEEK.toString(), 180, AbsenceMinutes.NONE, "e-2"))
                .when(report(p, FIRST_WEEK, 240, AbsenceMinutes.NONE, "e-1"))
                .expectNoEvents()
                .expectResultMessagePayload(WeekOutcome.UNCHANGED);
    }

    @Test
    void newFiguresForAWeekAlreadyRecordedAreACorrectionStoredAsANewEvent() {
        PathwayTerms p = premieresHeures();
        fixture().given(recorded(FIRST_WEEK, 240, AbsenceMinutes.NONE, null))
                .when(report(p, FIRST_WEEK, 360, AbsenceMinutes.NONE, null))
                .expectEvents(new WeekHoursCorrectedEvent(p.pathwayId(), p.participantId(), p.program(),
                        p.territoryId(), p.chantierId(), FIRST_WEEK.toString(), 360, AbsenceMinutes.NONE, null))
                .expectResultMessagePayload(WeekOutcome.CORRECTED);
    }

    @Test
    void negativeMinutesAreRefused() {
        fixture().givenNoPriorActivity().when(report(premieresHeures(), FIRST_WEEK, -1, AbsenceMinutes.NONE, null))
                .expectException(refusedBy("NEGATIVE_HOURS"));
        fixture().givenNoPriorActivity().when(report(premieresHeures(), FIRST_WEEK, 60,
                        new AbsenceMinutes(0, 0, -30, 0), null))
                .expectException(refusedBy("NEGATIVE_HOURS"));
    }

    @Test
    void aWeekOfMoreThanSixtyHoursWorkedAndAbsentIsRefused() {
        fixture().givenNoPriorActivity().when(report(premieresHeures(), FIRST_WEEK, 3601, AbsenceMinutes.NONE, null))
                .expectException(refusedBy("HOURS_ABOVE_MAXIMUM"));
        fixture().givenNoPriorActivity().when(report(premieresHeures(), FIRST_WEEK, 3000,
                        new AbsenceMinutes(0, 0, 0, 601), null))
                .expectException(refusedBy("HOURS_ABOVE_MAXIMUM"));
        fixture().givenNoPriorActivity().when(report(premieresHeures(), FIRST_WEEK, 3600, AbsenceMinutes.NONE, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aWeekEndingBeforeThePathwaysEntryIsRefusedButTheWeekOfTheEntryIsRecorded() {
        PathwayTerms enteredOnAThursday = new PathwayTerms("ph-1", "p-1", "PREMIERES_HEURES", "paris",
                "emmaus-defi", java.util.Set.of("PREMIERES_HEURES"), LocalDate.of(2020, 1, 9), null);
        fixture().givenNoPriorActivity().when(report(enteredOnAThursday, IsoWeek.of(LocalDate.of(2020, 1, 5)), 240,
                        AbsenceMinutes.NONE, null))
                .expectException(refusedBy("WEEK_BEFORE_ENTRY"));
        fixture().givenNoPriorActivity().when(report(enteredOnAThursday, IsoWeek.of(LocalDate.of(2020, 1, 9)), 240,
                        AbsenceMinutes.NONE, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aWeekBeginningAfterThePathwaysExitIsRefused() {
        LocalDate exit = LocalDate.of(2020, 6, 30); // a Tuesday
        PathwayTerms exited = ended(premieresHeures(), exit);
        fixture().givenNoPriorActivity().when(report(exited, IsoWeek.of(exit).next(), 240, AbsenceMinutes.NONE, null))
                .expectException(refusedBy("WEEK_AFTER_EXIT"));
        fixture().givenNoPriorActivity().when(report(exited, IsoWeek.of(exit), 240, AbsenceMinutes.NONE, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aWeekThatHasNotBegunIsRefusedButTheCurrentWeekIsRecorded() {
        fixture().givenNoPriorActivity().when(report(premieresHeures(), IsoWeek.of(TODAY).next(), 240,
                        AbsenceMinutes.NONE, null))
                .expectException(refusedBy("WEEK_IN_FUTURE"));
        fixture().givenNoPriorActivity().when(report(premieresHeures(), IsoWeek.of(TODAY), 240, AbsenceMinutes.NONE,
                        null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aWeekReportedForAPathwayOfAnotherChantierIsRefused() {
        fixture().givenNoPriorActivity().when(new RecordWeekHoursCommand(premieresHeures(), FIRST_WEEK, "fndsa", 240,
                        AbsenceMinutes.NONE, null))
                .expectException(refusedBy("PATHWAY_OF_ANOTHER_CHANTIER"));
    }
}
