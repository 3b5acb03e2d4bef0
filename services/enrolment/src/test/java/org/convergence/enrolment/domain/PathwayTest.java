package org.convergence.enrolment.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.enrolment.domain.PathwayMessages.CheckInRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.CorrectEntryDateCommand;
import org.convergence.enrolment.domain.PathwayMessages.CorrectExitCommand;
import org.convergence.enrolment.domain.PathwayMessages.EnrolParticipantCommand;
import org.convergence.enrolment.domain.PathwayMessages.EntryDateCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ExitCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ParticipantEnrolledEvent;
import org.convergence.enrolment.domain.PathwayMessages.PathwayExitRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.PromoteToConvergenceCommand;
import org.convergence.enrolment.domain.PathwayMessages.PromotedToConvergenceEvent;
import org.convergence.enrolment.domain.PathwayMessages.RecordCheckInCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordExitCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordPastPathwayCommand;
import org.convergence.platform.domain.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class PathwayTest {

    private static final LocalDate ENTRY = LocalDate.of(2019, 9, 2);
    private static final ParticipantEnrolledEvent ENROLLED = new ParticipantEnrolledEvent(
            "pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi", ENTRY, null);
    private static final ParticipantEnrolledEvent PH_ENROLLED = new ParticipantEnrolledEvent(
            "ph-1", "p-1", "PREMIERES_HEURES", "paris", "emmaus-defi", ENTRY, null);
    private static final LocalDate PROMOTION = LocalDate.of(2020, 1, 6);

    private AggregateTestFixture<Pathway> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pathway.class);
    }

    @Test
    void enrolmentWithABackdatedEntryDateRecordsTheRealDate() {
        fixture.givenNoPriorActivity()
                .when(new EnrolParticipantCommand("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi", ENTRY, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ENROLLED);
    }

    @Test
    void aPastPathwayIsRecordedWithItsExitInOneGoEvenWithoutCategory() {
        LocalDate exit = LocalDate.of(2021, 6, 30);
        fixture.givenNoPriorActivity()
                .when(new RecordPastPathwayCommand("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi", ENTRY, exit,
                        null, HousingSituation.SOCIAL_HOUSING))
                .expectEvents(ENROLLED, new PathwayExitRecordedEvent("pw-1", "p-1", "CONVERGENCE", "paris",
                        "emmaus-defi", exit, null, HousingSituation.SOCIAL_HOUSING));
    }

    @Test
    void aPastConvergencePathwayLongerThanFiveYearsIsRefusedAsAWhole() {
        fixture.givenNoPriorActivity()
                .when(new RecordPastPathwayCommand("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi", ENTRY,
                        ENTRY.plusMonths(61), ExitCategory.OTHER, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 5 years"))
                .expectNoEvents();
    }

    @Test
    void anExitRecordsItsDateCategoryAndHousing() {
        fixture.given(ENROLLED)
                .when(new RecordExitCommand("pw-1", LocalDate.of(2020, 6, 30), ExitCategory.DURABLE_EMPLOYMENT,
                        HousingSituation.SOCIAL_HOUSING))
                .expectEvents(new PathwayExitRecordedEvent("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi",
                        LocalDate.of(2020, 6, 30), ExitCategory.DURABLE_EMPLOYMENT, HousingSituation.SOCIAL_HOUSING));
    }

    @Test
    void anExitOnTheEntryDayIsAccepted() {
        fixture.given(ENROLLED)
                .when(new RecordExitCommand("pw-1", ENTRY, ExitCategory.NEUTRALISED, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anExitBeforeTheEntryDateIsRefused() {
        fixture.given(ENROLLED)
                .when(new RecordExitCommand("pw-1", ENTRY.minusDays(1), ExitCategory.OTHER, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("before the entry date"))
                .expectNoEvents();
    }

    @Test
    void aPathwayExitsOnlyOnce() {
        fixture.given(ENROLLED, new PathwayExitRecordedEvent("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi",
                        LocalDate.of(2020, 6, 30), ExitCategory.OTHER, null))
                .when(new RecordExitCommand("pw-1", LocalDate.of(2020, 7, 30), ExitCategory.OTHER, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aPremieresHeuresPathwayIsPromotedToAConvergenceCddiAndEndsThatDay() {
        fixture.given(PH_ENROLLED)
                .when(new PromoteToConvergenceCommand("ph-1", "cv-1", PROMOTION))
                .expectEvents(new PromotedToConvergenceEvent("ph-1", "p-1", "paris", "emmaus-defi", "cv-1", PROMOTION));
    }

    @Test
    void theSamePromotionRetriedChangesNothing() {
        fixture.given(PH_ENROLLED, new PromotedToConvergenceEvent("ph-1", "p-1", "paris", "emmaus-defi", "cv-1",
                        PROMOTION))
                .when(new PromoteToConvergenceCommand("ph-1", "cv-1", PROMOTION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEndedPathwayIsNotPromoted() {
        fixture.given(PH_ENROLLED, new PathwayExitRecordedEvent("ph-1", "p-1", "PREMIERES_HEURES", "paris",
                        "emmaus-defi", LocalDate.of(2019, 12, 20), ExitCategory.OTHER, null))
                .when(new PromoteToConvergenceCommand("ph-1", "cv-1", PROMOTION))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already ended"))
                .expectNoEvents();
    }

    @Test
    void aPromotedPathwayHasNoFurtherExitOrPromotion() {
        fixture.given(PH_ENROLLED, new PromotedToConvergenceEvent("ph-1", "p-1", "paris", "emmaus-defi", "cv-1",
                        PROMOTION))
                .when(new RecordExitCommand("ph-1", PROMOTION.plusDays(5), ExitCategory.OTHER, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(PH_ENROLLED, new PromotedToConvergenceEvent("ph-1", "p-1", "paris", "emmaus-defi", "cv-1",
                        PROMOTION))
                .when(new PromoteToConvergenceCommand("ph-1", "cv-2", PROMOTION))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void onlyAPremieresHeuresPathwayIsPromoted() {
        fixture.given(ENROLLED)
                .when(new PromoteToConvergenceCommand("pw-1", "cv-1", PROMOTION))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aPromotionBeforeTheEntryDateIsRefused() {
        fixture.given(PH_ENROLLED)
                .when(new PromoteToConvergenceCommand("ph-1", "cv-1", ENTRY.minusDays(1)))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aWrongEntryDateIsCorrectedByANewFact() {
        fixture.given(ENROLLED)
                .when(new CorrectEntryDateCommand("pw-1", LocalDate.of(2019, 8, 26)))
                .expectEvents(new EntryDateCorrectedEvent("pw-1", "p-1", "paris", "emmaus-defi", ENTRY,
                        LocalDate.of(2019, 8, 26)));
    }

    @Test
    void anEntryDateCannotBeCorrectedPastTheExit() {
        fixture.given(ENROLLED, new PathwayExitRecordedEvent("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi",
                        LocalDate.of(2020, 6, 30), ExitCategory.OTHER, null))
                .when(new CorrectEntryDateCommand("pw-1", LocalDate.of(2020, 7, 1)))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aWrongExitIsCorrectedByANewFactAndLaterCommandsSeeTheCorrection() {
        fixture.given(ENROLLED, new PathwayExitRecordedEvent("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi",
                        LocalDate.of(2020, 6, 30), ExitCategory.OTHER, null))
                .when(new CorrectExitCommand("pw-1", LocalDate.of(2021, 1, 15), ExitCategory.DURABLE_EMPLOYMENT,
                        HousingSituation.PRIVATE_HOUSING))
                .expectEvents(new ExitCorrectedEvent("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi",
                        LocalDate.of(2021, 1, 15), ExitCategory.DURABLE_EMPLOYMENT, HousingSituation.PRIVATE_HOUSING));
        fixture.given(ENROLLED, new PathwayExitRecordedEvent("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi",
                        LocalDate.of(2020, 6, 30), ExitCategory.OTHER, null),
                        new ExitCorrectedEvent("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi",
                                LocalDate.of(2021, 1, 15), ExitCategory.DURABLE_EMPLOYMENT, null))
                .when(new CorrectEntryDateCommand("pw-1", LocalDate.of(2020, 12, 1)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anExitIsNotCorrectedBeforeTheEntryNorOnAPathwayThatHasNone() {
        fixture.given(ENROLLED)
                .when(new CorrectExitCommand("pw-1", LocalDate.of(2020, 1, 1), ExitCategory.OTHER, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(ENROLLED, new PathwayExitRecordedEvent("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi",
                        LocalDate.of(2020, 6, 30), ExitCategory.OTHER, null))
                .when(new CorrectExitCommand("pw-1", ENTRY.minusDays(1), ExitCategory.OTHER, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    private static final PathwayExitRecordedEvent EXITED = new PathwayExitRecordedEvent("pw-1", "p-1", "CONVERGENCE",
            "paris", "emmaus-defi", LocalDate.of(2020, 6, 30), ExitCategory.OTHER, null);

    @Test
    void aConvergencePathwayDoesNotRunPastSixtyMonths() {
        fixture.given(ENROLLED)
                .when(new RecordExitCommand("pw-1", ENTRY.plusMonths(60).plusDays(1), ExitCategory.OTHER, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(ENROLLED)
                .when(new RecordExitCommand("pw-1", ENTRY.plusMonths(60), ExitCategory.OTHER, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCheckInRecordsEmploymentAndHousingAtAMilestoneAfterTheExit() {
        fixture.given(ENROLLED, EXITED)
                .when(new RecordCheckInCommand("pw-1", 3, LocalDate.of(2020, 10, 1), ExitCategory.DURABLE_EMPLOYMENT,
                        HousingSituation.SOCIAL_HOUSING))
                .expectEvents(new CheckInRecordedEvent("pw-1", "p-1", "paris", "emmaus-defi", 3,
                        LocalDate.of(2020, 10, 1), ExitCategory.DURABLE_EMPLOYMENT, HousingSituation.SOCIAL_HOUSING));
    }

    @Test
    void aCheckInBeforeTheExitIsRefused() {
        fixture.given(ENROLLED, EXITED)
                .when(new RecordCheckInCommand("pw-1", 1, LocalDate.of(2020, 6, 29), ExitCategory.OTHER,
                        HousingSituation.STREET))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void theFollowUpClosesByItselfAfterTwelveMonths() {
        fixture.given(ENROLLED, EXITED)
                .when(new RecordCheckInCommand("pw-1", 12, LocalDate.of(2021, 7, 31), ExitCategory.OTHER,
                        HousingSituation.STREET))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("closed"))
                .expectNoEvents();
    }

    @Test
    void aMilestoneIsRecordedOnceAndOnlyAfterAConvergenceExit() {
        fixture.given(ENROLLED, EXITED, new CheckInRecordedEvent("pw-1", "p-1", "paris", "emmaus-defi", 1,
                        LocalDate.of(2020, 7, 30), ExitCategory.OTHER, HousingSituation.STREET))
                .when(new RecordCheckInCommand("pw-1", 1, LocalDate.of(2020, 8, 3), ExitCategory.OTHER,
                        HousingSituation.STREET))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(ENROLLED)
                .when(new RecordCheckInCommand("pw-1", 1, LocalDate.of(2020, 8, 3), ExitCategory.OTHER,
                        HousingSituation.STREET))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(ENROLLED, EXITED)
                .when(new RecordCheckInCommand("pw-1", 2, LocalDate.of(2020, 8, 30), ExitCategory.OTHER,
                        HousingSituation.STREET))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}
