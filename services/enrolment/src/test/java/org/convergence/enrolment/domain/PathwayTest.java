package org.convergence.enrolment.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.enrolment.domain.PathwayMessages.CheckInRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.CorrectEntryDateCommand;
import org.convergence.enrolment.domain.PathwayMessages.CorrectExitCommand;
import org.convergence.enrolment.domain.PathwayMessages.EnrolParticipantCommand;
import org.convergence.enrolment.domain.PathwayMessages.EnrolmentAbandonedEvent;
import org.convergence.enrolment.domain.PathwayMessages.EntryDateCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ExitCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ParticipantEnrolledEvent;
import org.convergence.enrolment.domain.PathwayMessages.PathwayExitRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.PromoteToConvergenceCommand;
import org.convergence.enrolment.domain.PathwayMessages.PromotedToConvergenceEvent;
import org.convergence.enrolment.domain.PathwayMessages.RecordCheckInCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordExitCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordPastPathwayCommand;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.convergence.enrolment.domain.Rules.BOTH;
import static org.convergence.enrolment.domain.Rules.CATALOG;
import static org.convergence.enrolment.domain.Rules.violates;

class PathwayTest {

    private static final LocalDate ENTRY = LocalDate.of(2019, 9, 2);
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 3);
    private static final ParticipantEnrolledEvent ENROLLED = new ParticipantEnrolledEvent(
            "pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi", ENTRY, null);
    private static final ParticipantEnrolledEvent PH_ENROLLED = new ParticipantEnrolledEvent(
            "ph-1", "p-1", "PREMIERES_HEURES", "paris", "emmaus-defi", ENTRY, null);
    private static final PathwayExitRecordedEvent EXITED = new PathwayExitRecordedEvent("pw-1", "p-1", "CONVERGENCE",
            "paris", "emmaus-defi", LocalDate.of(2020, 6, 30), ExitCategory.OTHER, null);
    private static final LocalDate PROMOTION = LocalDate.of(2020, 1, 6);
    private static final EnrolmentSite PREMIERES_HEURES_ONLY = new EnrolmentSite("paris", "ph-only",
            Set.of("PREMIERES_HEURES"));

    private AggregateTestFixture<Pathway> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(CATALOG);
    }

    private static AggregateTestFixture<Pathway> fixtureWith(ProgramCatalog catalog) {
        AggregateTestFixture<Pathway> fixture = new AggregateTestFixture<>(Pathway.class);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        return fixture;
    }

    @Test
    void enrolmentWithABackdatedEntryDateRecordsTheRealDate() {
        fixture.givenNoPriorActivity()
                .when(new EnrolParticipantCommand("pw-1", "p-1", "CONVERGENCE", BOTH, ENTRY, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ENROLLED);
    }

    @Test
    void aPathwaysProgramMustBeCarriedByItsChantier() {
        fixture.givenNoPriorActivity()
                .when(new EnrolParticipantCommand("pw-1", "p-1", "CONVERGENCE", PREMIERES_HEURES_ONLY, ENTRY, null))
                .expectException(violates("PROGRAM_NOT_CARRIED"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RecordPastPathwayCommand("pw-1", "p-1", "CONVERGENCE", PREMIERES_HEURES_ONLY, ENTRY,
                        ENTRY.plusMonths(6), ExitCategory.OTHER, null))
                .expectException(violates("PROGRAM_NOT_CARRIED"))
                .expectNoEvents();
    }

    @Test
    void aProgramMissingFromTheCatalogueIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new EnrolParticipantCommand("pw-1", "p-1", "GARDENING",
                        new EnrolmentSite("paris", "emmaus-defi", Set.of("GARDENING")), ENTRY, null))
                .expectException(violates("UNKNOWN_PROGRAM"))
                .expectNoEvents();
    }

    @Test
    void aPastPathwayIsRecordedWithItsExitInOneGoEvenWithoutCategory() {
        LocalDate exit = LocalDate.of(2021, 6, 30);
        fixture.givenNoPriorActivity()
                .when(new RecordPastPathwayCommand("pw-1", "p-1", "CONVERGENCE", BOTH, ENTRY, exit, null,
                        HousingSituation.SOCIAL_HOUSING))
                .expectEvents(ENROLLED, new PathwayExitRecordedEvent("pw-1", "p-1", "CONVERGENCE", "paris",
                        "emmaus-defi", exit, null, HousingSituation.SOCIAL_HOUSING));
    }

    @Test
    void aPastConvergencePathwayLongerThanFiveYearsIsRefusedAsAWhole() {
        fixture.givenNoPriorActivity()
                .when(new RecordPastPathwayCommand("pw-1", "p-1", "CONVERGENCE", BOTH, ENTRY, ENTRY.plusMonths(61),
                        ExitCategory.OTHER, null))
                .expectException(violates("PAST_FIVE_YEARS"))
                .expectNoEvents();
    }

    @Test
    void aPastPathwayEndingBeforeItBeganIsRefusedAsAWhole() {
        fixture.givenNoPriorActivity()
                .when(new RecordPastPathwayCommand("pw-1", "p-1", "CONVERGENCE", BOTH, ENTRY, ENTRY.minusDays(1),
                        ExitCategory.OTHER, null))
                .expectException(violates("EXIT_BEFORE_ENTRY"))
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
                .expectException(violates("EXIT_BEFORE_ENTRY"))
                .expectNoEvents();
    }

    @Test
    void aPathwayExitsOnlyOnce() {
        fixture.given(ENROLLED, EXITED)
                .when(new RecordExitCommand("pw-1", LocalDate.of(2020, 7, 30), ExitCategory.OTHER, null))
                .expectException(violates("PATHWAY_ALREADY_ENDED"))
                .expectNoEvents();
    }

    @Test
    void aConvergencePathwayRunsUpToItsLimitDayAndNotOneDayMore() {
        fixture.given(ENROLLED)
                .when(new RecordExitCommand("pw-1", ENTRY.plusMonths(60).plusDays(1), ExitCategory.OTHER, null))
                .expectException(violates("PAST_FIVE_YEARS"))
                .expectNoEvents();
        fixture.given(ENROLLED)
                .when(new RecordExitCommand("pw-1", CATALOG.require("CONVERGENCE").durationLimit(ENTRY).orElseThrow(),
                        ExitCategory.OTHER, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPremieresHeuresPathwayIsPromotedToAConvergenceCddiAndEndsThatDay() {
        fixture.given(PH_ENROLLED)
                .when(new PromoteToConvergenceCommand("ph-1", "cv-1", PROMOTION, BOTH))
                .expectEvents(new PromotedToConvergenceEvent("ph-1", "p-1", "paris", "emmaus-defi", "cv-1", PROMOTION));
    }

    @Test
    void theSamePromotionRetriedChangesNothing() {
        fixture.given(PH_ENROLLED, new PromotedToConvergenceEvent("ph-1", "p-1", "paris", "emmaus-defi", "cv-1",
                        PROMOTION))
                .when(new PromoteToConvergenceCommand("ph-1", "cv-1", PROMOTION, BOTH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPromotionToAChantierWithoutConvergenceIsRefusedAndThePathwayRuns() {
        fixture.given(PH_ENROLLED)
                .when(new PromoteToConvergenceCommand("ph-1", "cv-1", PROMOTION, PREMIERES_HEURES_ONLY))
                .expectException(violates("PROGRAM_NOT_CARRIED"))
                .expectNoEvents();
    }

    @Test
    void anEndedPathwayIsNotPromoted() {
        fixture.given(PH_ENROLLED, new PathwayExitRecordedEvent("ph-1", "p-1", "PREMIERES_HEURES", "paris",
                        "emmaus-defi", LocalDate.of(2019, 12, 20), ExitCategory.OTHER, null))
                .when(new PromoteToConvergenceCommand("ph-1", "cv-1", PROMOTION, BOTH))
                .expectException(violates("PATHWAY_ALREADY_ENDED"))
                .expectNoEvents();
    }

    @Test
    void aPromotedPathwayHasNoFurtherExitOrPromotion() {
        PromotedToConvergenceEvent promoted = new PromotedToConvergenceEvent("ph-1", "p-1", "paris", "emmaus-defi",
                "cv-1", PROMOTION);
        fixture.given(PH_ENROLLED, promoted)
                .when(new RecordExitCommand("ph-1", PROMOTION.plusDays(5), ExitCategory.OTHER, null))
                .expectException(violates("PATHWAY_ALREADY_ENDED"))
                .expectNoEvents();
        fixture.given(PH_ENROLLED, promoted)
                .when(new PromoteToConvergenceCommand("ph-1", "cv-2", PROMOTION, BOTH))
                .expectException(violates("PATHWAY_ALREADY_ENDED"))
                .expectNoEvents();
        fixture.given(PH_ENROLLED, promoted)
                .when(new CorrectExitCommand("ph-1", PROMOTION, ExitCategory.OTHER, null))
                .expectException(violates("NO_EXIT_TO_CORRECT"))
                .expectNoEvents();
    }

    @Test
    void onlyAPremieresHeuresPathwayIsPromoted() {
        fixture.given(ENROLLED)
                .when(new PromoteToConvergenceCommand("pw-1", "cv-1", PROMOTION, BOTH))
                .expectException(violates("ONLY_PREMIERES_HEURES_IS_PROMOTED"))
                .expectNoEvents();
    }

    @Test
    void aPromotionBeforeTheEntryDateIsRefused() {
        fixture.given(PH_ENROLLED)
                .when(new PromoteToConvergenceCommand("ph-1", "cv-1", ENTRY.minusDays(1), BOTH))
                .expectException(violates("PROMOTION_BEFORE_ENTRY"))
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
        fixture.given(ENROLLED, EXITED)
                .when(new CorrectEntryDateCommand("pw-1", LocalDate.of(2020, 7, 1)))
                .expectException(violates("EXIT_BEFORE_ENTRY"))
                .expectNoEvents();
    }

    @Test
    void anEntryCorrectionThatPutsTheRecordedExitPastFiveYearsIsRefused() {
        fixture.given(ENROLLED, EXITED)
                .when(new CorrectEntryDateCommand("pw-1", EXITED.exitDate().minusMonths(60).minusDays(1)))
                .expectException(violates("PAST_FIVE_YEARS"))
                .expectNoEvents();
    }

    @Test
    void anEntryCorrectionThatPutsTodayPastTheLimitOfAnOpenPathwayIsRefused() {
        LocalDate lastAllowedEntry = TODAY.minusMonths(60);
        fixture.given(ENROLLED)
                .when(new CorrectEntryDateCommand("pw-1", lastAllowedEntry.minusDays(1)))
                .expectException(violates("PAST_FIVE_YEARS"))
                .expectNoEvents();
        // Today is then the limit day: the last day the pathway may run, as the work list counts it.
        fixture.given(ENROLLED)
                .when(new CorrectEntryDateCommand("pw-1", lastAllowedEntry))
                .expectEvents(new EntryDateCorrectedEvent("pw-1", "p-1", "paris", "emmaus-defi", ENTRY,
                        lastAllowedEntry));
    }

    @Test
    void aWrongExitIsCorrectedByANewFactAndLaterCommandsSeeTheCorrection() {
        fixture.given(ENROLLED, EXITED)
                .when(new CorrectExitCommand("pw-1", LocalDate.of(2021, 1, 15), ExitCategory.DURABLE_EMPLOYMENT,
                        HousingSituation.PRIVATE_HOUSING))
                .expectEvents(new ExitCorrectedEvent("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi",
                        LocalDate.of(2021, 1, 15), ExitCategory.DURABLE_EMPLOYMENT, HousingSituation.PRIVATE_HOUSING));
        fixture.given(ENROLLED, EXITED, new ExitCorrectedEvent("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi",
                        LocalDate.of(2021, 1, 15), ExitCategory.DURABLE_EMPLOYMENT, null))
                .when(new CorrectEntryDateCommand("pw-1", LocalDate.of(2020, 12, 1)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anExitIsNotCorrectedBeforeTheEntryPastTheLimitNorOnAPathwayThatHasNone() {
        fixture.given(ENROLLED)
                .when(new CorrectExitCommand("pw-1", LocalDate.of(2020, 1, 1), ExitCategory.OTHER, null))
                .expectException(violates("NO_EXIT_TO_CORRECT"))
                .expectNoEvents();
        fixture.given(ENROLLED, EXITED)
                .when(new CorrectExitCommand("pw-1", ENTRY.minusDays(1), ExitCategory.OTHER, null))
                .expectException(violates("EXIT_BEFORE_ENTRY"))
                .expectNoEvents();
        fixture.given(ENROLLED, EXITED)
                .when(new CorrectExitCommand("pw-1", ENTRY.plusMonths(60).plusDays(1), ExitCategory.OTHER, null))
                .expectException(violates("PAST_FIVE_YEARS"))
                .expectNoEvents();
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
                .expectException(violates("CHECK_IN_BEFORE_EXIT"))
                .expectNoEvents();
    }

    @Test
    void theFollowUpClosesByItselfTwelveMonthsAfterTheExit() {
        LocalDate closesOn = EXITED.exitDate().plusMonths(12);
        fixture.given(ENROLLED, EXITED)
                .when(new RecordCheckInCommand("pw-1", 12, closesOn, ExitCategory.OTHER, HousingSituation.STREET))
                .expectSuccessfulHandlerExecution();
        fixture.given(ENROLLED, EXITED)
                .when(new RecordCheckInCommand("pw-1", 12, closesOn.plusDays(1), ExitCategory.OTHER,
                        HousingSituation.STREET))
                .expectException(violates("FOLLOW_UP_CLOSED"))
                .expectNoEvents();
    }

    @Test
    void aConfiguredGraceKeepsTheFollowUpOpenThatMuchLonger() {
        Program convergence = Rules.CONVERGENCE;
        Program withGrace = new Program(convergence.code(), convergence.weeklyHours(), convergence.maxDurationMonths(),
                convergence.limitWarningMonths(), new Program.FollowUp(12, List.of(1, 3, 6, 12), 1));
        LocalDate lateCheckIn = EXITED.exitDate().plusMonths(13);
        fixtureWith(new ProgramCatalog(List.of(Rules.PREMIERES_HEURES, withGrace))).given(ENROLLED, EXITED)
                .when(new RecordCheckInCommand("pw-1", 12, lateCheckIn, ExitCategory.OTHER, HousingSituation.STREET))
                .expectSuccessfulHandlerExecution();
        fixture.given(ENROLLED, EXITED)
                .when(new RecordCheckInCommand("pw-1", 12, lateCheckIn, ExitCategory.OTHER, HousingSituation.STREET))
                .expectException(violates("FOLLOW_UP_CLOSED"));
    }

    @Test
    void aMilestoneIsRecordedOnceAndOnlyAfterAnExitOfAProgramWithAFollowUp() {
        fixture.given(ENROLLED, EXITED, new CheckInRecordedEvent("pw-1", "p-1", "paris", "emmaus-defi", 1,
                        LocalDate.of(2020, 7, 30), ExitCategory.OTHER, HousingSituation.STREET))
                .when(new RecordCheckInCommand("pw-1", 1, LocalDate.of(2020, 8, 3), ExitCategory.OTHER,
                        HousingSituation.STREET))
                .expectException(violates("CHECK_IN_ALREADY_RECORDED"))
                .expectNoEvents();
        fixture.given(ENROLLED)
                .when(new RecordCheckInCommand("pw-1", 1, LocalDate.of(2020, 8, 3), ExitCategory.OTHER,
                        HousingSituation.STREET))
                .expectException(violates("NO_FOLLOW_UP"))
                .expectNoEvents();
        fixtureWith(CATALOG).given(PH_ENROLLED, new PathwayExitRecordedEvent("ph-1", "p-1", "PREMIERES_HEURES",
                        "paris", "emmaus-defi", LocalDate.of(2019, 12, 20), ExitCategory.OTHER, null))
                .when(new RecordCheckInCommand("ph-1", 1, LocalDate.of(2020, 1, 20), ExitCategory.OTHER,
                        HousingSituation.STREET))
                .expectException(violates("NO_FOLLOW_UP"))
                .expectNoEvents();
        fixture.given(ENROLLED, EXITED)
                .when(new RecordCheckInCommand("pw-1", 2, LocalDate.of(2020, 8, 30), ExitCategory.OTHER,
                        HousingSituation.STREET))
                .expectException(violates("UNKNOWN_MILESTONE"))
                .expectNoEvents();
    }

    @Test
    void aThirdProgramsLimitsAndFollowUpComeFromTheCatalogue() {
        Program petitsPas = new Program("PETITS_PAS", new Program.WeeklyHours(2, 12, 4, List.of(2, 4, 8),
                Optional.empty(), Optional.empty()), Optional.of(24), 2, new Program.FollowUp(6, List.of(3, 6), 0));
        AggregateTestFixture<Pathway> withPetitsPas = fixtureWith(new ProgramCatalog(List.of(Rules.PREMIERES_HEURES,
                Rules.CONVERGENCE, petitsPas)));
        ParticipantEnrolledEvent enrolled = new ParticipantEnrolledEvent("pp-1", "p-1", "PETITS_PAS", "paris",
                "emmaus-defi", ENTRY, null);
        PathwayExitRecordedEvent exited = new PathwayExitRecordedEvent("pp-1", "p-1", "PETITS_PAS", "paris",
                "emmaus-defi", ENTRY.plusMonths(10), ExitCategory.POSITIVE_EXIT, null);

        withPetitsPas.givenNoPriorActivity()
                .when(new EnrolParticipantCommand("pp-1", "p-1", "PETITS_PAS",
                        new EnrolmentSite("paris", "emmaus-defi", Set.of("PETITS_PAS")), ENTRY, null))
                .expectEvents(enrolled);
        withPetitsPas.given(enrolled)
                .when(new RecordExitCommand("pp-1", ENTRY.plusMonths(24).plusDays(1), ExitCategory.OTHER, null))
                .expectException(violates("PAST_FIVE_YEARS"));
        withPetitsPas.given(enrolled, exited)
                .when(new RecordCheckInCommand("pp-1", 12, exited.exitDate().plusMonths(5), ExitCategory.OTHER,
                        HousingSituation.STREET))
                .expectException(violates("UNKNOWN_MILESTONE"));
        withPetitsPas.given(enrolled, exited)
                .when(new RecordCheckInCommand("pp-1", 6, exited.exitDate().plusMonths(6).plusDays(1),
                        ExitCategory.OTHER, HousingSituation.STREET))
                .expectException(violates("FOLLOW_UP_CLOSED"));
        withPetitsPas.given(enrolled, exited)
                .when(new RecordCheckInCommand("pp-1", 6, exited.exitDate().plusMonths(6), ExitCategory.OTHER,
                        HousingSituation.STREET))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAbandonedPathwayIdNamesNoPathway() {
        fixture.givenNoPriorActivity()
                .when(new PathwayMessages.AbandonEnrolmentCommand("pw-1", "p-1", "CONVERGENCE"))
                .expectEvents(new EnrolmentAbandonedEvent("pw-1", "p-1", "CONVERGENCE"));
        fixture.given(new EnrolmentAbandonedEvent("pw-1", "p-1", "CONVERGENCE"))
                .when(new RecordExitCommand("pw-1", ENTRY, ExitCategory.OTHER, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }
}
