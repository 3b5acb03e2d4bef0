package org.convergence.accompaniment.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.accompaniment.domain.PartnerMessages.ChangeReferralStatusCommand;
import org.convergence.accompaniment.domain.PartnerMessages.PartnerRegisteredEvent;
import org.convergence.accompaniment.domain.PartnerMessages.ReferralSentEvent;
import org.convergence.accompaniment.domain.PartnerMessages.ReferralStatusChangedEvent;
import org.convergence.accompaniment.domain.PartnerMessages.RegisterPartnerCommand;
import org.convergence.accompaniment.domain.PartnerMessages.SendReferralCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.convergence.accompaniment.domain.AccompanimentTest.violates;
import static org.convergence.accompaniment.domain.ReferralStatus.ACCEPTED;
import static org.convergence.accompaniment.domain.ReferralStatus.CANCELLED;
import static org.convergence.accompaniment.domain.ReferralStatus.COMPLETED;
import static org.convergence.accompaniment.domain.ReferralStatus.DECLINED;

class PartnerReferralsTest {

    private static final LocalDate ENTRY = LocalDate.of(2019, 9, 2);
    private static final LocalDate SENT_ON = LocalDate.of(2020, 3, 2);
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 3);
    private static final AccompaniedPathway PATHWAY = new AccompaniedPathway("pw-1", "p-1", "CONVERGENCE", "paris",
            "emmaus-defi", ENTRY);
    private static final ReferralSentEvent SENT = new ReferralSentEvent("r-1", "paris", "emmaus-defi", "cpam-75",
            PartnerKind.CPAM_CONTACT, "pw-1", "p-1", BarrierCategory.HEALTH, SENT_ON, true);

    private AggregateTestFixture<PartnerReferrals> referrals;

    @BeforeEach
    void setUp() {
        referrals = new AggregateTestFixture<>(PartnerReferrals.class);
        referrals.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
    }

    private static ChangeReferralStatusCommand change(ReferralStatus status, LocalDate on) {
        return new ChangeReferralStatusCommand("paris", "cpam-75", "r-1", status, on);
    }

    private static ReferralStatusChangedEvent changed(ReferralStatus status, LocalDate on) {
        return new ReferralStatusChangedEvent("r-1", "paris", "emmaus-defi", "cpam-75", PartnerKind.CPAM_CONTACT,
                "pw-1", "p-1", BarrierCategory.HEALTH, status, on);
    }

    @Test
    void aReferralIsSentToAPartnerForABarrierWithTheParticipantsConsent() {
        referrals.givenNoPriorActivity()
                .when(new SendReferralCommand("r-1", PATHWAY, "cpam-75", PartnerKind.CPAM_CONTACT,
                        BarrierCategory.HEALTH, SENT_ON, true))
                .expectEvents(SENT);
    }

    @Test
    void aReferralIdIsSentOnce() {
        referrals.given(SENT)
                .when(new SendReferralCommand("r-1", PATHWAY, "cpam-75", PartnerKind.CPAM_CONTACT,
                        BarrierCategory.HEALTH, SENT_ON, true))
                .expectException(violates("REFERRAL_ALREADY_SENT"));
    }

    @Test
    void aReferralIsNotDatedAfterTodayNorBeforeThePathwaysEntry() {
        referrals.givenNoPriorActivity()
                .when(new SendReferralCommand("r-1", PATHWAY, "cpam-75", PartnerKind.CPAM_CONTACT,
                        BarrierCategory.HEALTH, TODAY.plusDays(1), false))
                .expectException(violates("DATE_IN_FUTURE"));
        referrals.givenNoPriorActivity()
                .when(new SendReferralCommand("r-1", PATHWAY, "cpam-75", PartnerKind.CPAM_CONTACT,
                        BarrierCategory.HEALTH, ENTRY.minusDays(1), false))
                .expectException(violates("BEFORE_PATHWAY_ENTRY"));
    }

    @Test
    void aReferralGoesSentAcceptedCompleted() {
        referrals.given(SENT)
                .when(change(ACCEPTED, SENT_ON.plusDays(3)))
                .expectEvents(changed(ACCEPTED, SENT_ON.plusDays(3)));
        referrals.given(SENT, changed(ACCEPTED, SENT_ON.plusDays(3)))
                .when(change(COMPLETED, SENT_ON.plusDays(40)))
                .expectEvents(changed(COMPLETED, SENT_ON.plusDays(40)));
    }

    @Test
    void aReferralIsCompletedOnlyOnceAccepted() {
        referrals.given(SENT)
                .when(change(COMPLETED, SENT_ON.plusDays(3)))
                .expectException(violates("REFERRAL_STEP_NOT_ALLOWED"))
                .expectNoEvents();
    }

    @Test
    void aDeclinedCompletedOrCancelledReferralTakesNoFurtherStep() {
        referrals.given(SENT, changed(DECLINED, SENT_ON.plusDays(1)))
                .when(change(ACCEPTED, SENT_ON.plusDays(2)))
                .expectException(violates("REFERRAL_STEP_NOT_ALLOWED"));
        referrals.given(SENT, changed(ACCEPTED, SENT_ON.plusDays(1)), changed(COMPLETED, SENT_ON.plusDays(2)))
                .when(change(CANCELLED, SENT_ON.plusDays(3)))
                .expectException(violates("REFERRAL_STEP_NOT_ALLOWED"));
        referrals.given(SENT, changed(CANCELLED, SENT_ON.plusDays(1)))
                .when(change(ACCEPTED, SENT_ON.plusDays(2)))
                .expectException(violates("REFERRAL_STEP_NOT_ALLOWED"));
    }

    @Test
    void anOpenReferralMayBeCancelled() {
        referrals.given(SENT, changed(ACCEPTED, SENT_ON.plusDays(1)))
                .when(change(CANCELLED, SENT_ON.plusDays(2)))
                .expectEvents(changed(CANCELLED, SENT_ON.plusDays(2)));
    }

    @Test
    void anAnswerIsNotDatedBeforeThePreviousStepNorAfterToday() {
        referrals.given(SENT)
                .when(change(ACCEPTED, SENT_ON.minusDays(1)))
                .expectException(violates("CHANGE_BEFORE_PREVIOUS"));
        referrals.given(SENT)
                .when(change(ACCEPTED, TODAY.plusDays(1)))
                .expectException(violates("DATE_IN_FUTURE"));
    }

    @Test
    void aSupportSessionIsRecordedOnceAndNeverDatedAfterToday() {
        AggregateTestFixture<SupportSessions> sessions = new AggregateTestFixture<>(SupportSessions.class);
        sessions.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
        SupportSessionMessages.SupportSessionHeldEvent held = new SupportSessionMessages.SupportSessionHeldEvent(
                "paris", "emmaus-defi", "s-1", SupportSessionKind.FLASH_COACHING, SENT_ON, 12);
        sessions.givenNoPriorActivity()
                .when(new SupportSessionMessages.RecordSupportSessionCommand("paris", "emmaus-defi", "s-1",
                        SupportSessionKind.FLASH_COACHING, SENT_ON, 12))
                .expectEvents(held);
        sessions.given(held)
                .when(new SupportSessionMessages.RecordSupportSessionCommand("paris", "emmaus-defi", "s-1",
                        SupportSessionKind.FLASH_COACHING, SENT_ON, 12))
                .expectException(violates("SESSION_ALREADY_RECORDED"));
        sessions.givenNoPriorActivity()
                .when(new SupportSessionMessages.RecordSupportSessionCommand("paris", "emmaus-defi", "s-2",
                        SupportSessionKind.MUSIC_THERAPY, TODAY.plusDays(1), 4))
                .expectException(violates("DATE_IN_FUTURE"));
    }

    @Test
    void aPartnerIsRegisteredOnceInItsTerritorysDirectory() {
        AggregateTestFixture<PartnerDirectory> directory = new AggregateTestFixture<>(PartnerDirectory.class);
        PartnerRegisteredEvent registered = new PartnerRegisteredEvent("paris", "cpam-75", "CPAM de Paris",
                PartnerKind.CPAM_CONTACT);
        directory.givenNoPriorActivity()
                .when(new RegisterPartnerCommand("paris", "cpam-75", "CPAM de Paris", PartnerKind.CPAM_CONTACT))
                .expectEvents(registered);
        directory.given(registered)
                .when(new RegisterPartnerCommand("paris", "cpam-75", "CPAM 75", PartnerKind.CPAM_CONTACT))
                .expectException(violates("PARTNER_ALREADY_REGISTERED"));
    }
}
