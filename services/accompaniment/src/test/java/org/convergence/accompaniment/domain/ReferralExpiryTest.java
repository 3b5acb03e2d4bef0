package org.convergence.accompaniment.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.accompaniment.domain.PartnerMessages.ChangeReferralStatusCommand;
import org.convergence.accompaniment.domain.PartnerMessages.ExpireReferralCommand;
import org.convergence.accompaniment.domain.PartnerMessages.ReferralSentEvent;
import org.convergence.accompaniment.domain.PartnerMessages.ReferralStatusChangedEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.convergence.accompaniment.domain.AccompanimentTest.violates;
import static org.convergence.accompaniment.domain.ReferralStatus.ACCEPTED;
import static org.convergence.accompaniment.domain.ReferralStatus.DECLINED;
import static org.convergence.accompaniment.domain.ReferralStatus.EXPIRED;
import static org.hamcrest.Matchers.equalTo;

/** A referral left unanswered for the configured number of days expires, dated on its deadline, once. */
class ReferralExpiryTest {

    private static final LocalDate SENT_ON = LocalDate.of(2020, 3, 2);
    private static final ReferralSentEvent SENT = new ReferralSentEvent("r-1", "paris", "emmaus-defi", "cpam-75",
            PartnerKind.CPAM_CONTACT, "pw-1", "p-1", BarrierCategory.HEALTH, SENT_ON, true);
    private static final ExpireReferralCommand EXPIRE = new ExpireReferralCommand("paris", "cpam-75", "r-1");

    private static AggregateTestFixture<PartnerReferrals> on(LocalDate today) {
        AggregateTestFixture<PartnerReferrals> fixture = new AggregateTestFixture<>(PartnerReferrals.class);
        fixture.registerInjectableResource(new ReferralExpiry(30));
        fixture.registerInjectableResource(Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
        return fixture;
    }

    private static ReferralStatusChangedEvent changed(ReferralStatus status, LocalDate on) {
        return new ReferralStatusChangedEvent("r-1", "paris", "emmaus-defi", "cpam-75", PartnerKind.CPAM_CONTACT,
                "pw-1", "p-1", BarrierCategory.HEALTH, status, on);
    }

    @Test
    void aReferralUnansweredForThirtyDaysExpiresDatedOnItsDeadlineWheneverTheSweepRuns() {
        on(SENT_ON.plusDays(200)).given(SENT).when(EXPIRE)
                .expectEvents(changed(EXPIRED, SENT_ON.plusDays(30)))
                .expectResultMessagePayload(ReferralExpiry.Outcome.EXPIRED);
    }

    @Test
    void aReferralExpiresOnTheThirtiethDayAfterItWasSent() {
        on(SENT_ON.plusDays(30)).given(SENT).when(EXPIRE)
                .expectEvents(changed(EXPIRED, SENT_ON.plusDays(30)));
    }

    @Test
    void aReferralIsNotExpiredBeforeItsDeadline() {
        on(SENT_ON.plusDays(29)).given(SENT).when(EXPIRE)
                .expectNoEvents()
                .expectResultMessagePayload(ReferralExpiry.Outcome.NOT_DUE);
    }

    @Test
    void anAcceptedReferralNeverExpires() {
        on(SENT_ON.plusDays(200)).given(SENT, changed(ACCEPTED, SENT_ON.plusDays(3))).when(EXPIRE)
                .expectNoEvents()
                .expectResultMessagePayload(ReferralExpiry.Outcome.NOT_OPEN);
    }

    @Test
    void aDeclinedReferralDoesNotExpire() {
        on(SENT_ON.plusDays(200)).given(SENT, changed(DECLINED, SENT_ON.plusDays(3))).when(EXPIRE)
                .expectNoEvents();
    }

    @Test
    void anExpiryIsRecordedOnceHoweverOftenTheSweepAsks() {
        on(SENT_ON.plusDays(200)).given(SENT, changed(EXPIRED, SENT_ON.plusDays(30))).when(EXPIRE)
                .expectNoEvents()
                .expectResultMessagePayload(ReferralExpiry.Outcome.NOT_OPEN);
    }

    @Test
    void anExpiredReferralCanNoLongerBeAnswered() {
        on(SENT_ON.plusDays(200)).given(SENT, changed(EXPIRED, SENT_ON.plusDays(30)))
                .when(new ChangeReferralStatusCommand("paris", "cpam-75", "r-1", ACCEPTED, SENT_ON.plusDays(40)))
                .expectException(violates("REFERRAL_STEP_NOT_ALLOWED"));
    }

    @Test
    void nobodyExpiresAReferralByChangingItsStatus() {
        on(SENT_ON.plusDays(200)).given(SENT)
                .when(new ChangeReferralStatusCommand("paris", "cpam-75", "r-1", EXPIRED, SENT_ON.plusDays(40)))
                .expectException(violates("REFERRAL_STEP_NOT_ALLOWED"));
    }

    @Test
    void theDeadlineIsTheConfiguredNumberOfDaysAfterSending() {
        org.junit.jupiter.api.Assertions.assertEquals(SENT_ON.plusDays(45), new ReferralExpiry(45).deadline(SENT_ON));
        org.hamcrest.MatcherAssert.assertThat(new ReferralExpiry(1).unansweredDays(), equalTo(1));
    }
}
