package org.convergence.accompaniment.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.accompaniment.domain.AccompanimentMessages.AssessmentRecordedEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.BarrierResolvedByReferralEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.BarrierStatusChangedEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.ChangeBarrierStatusCommand;
import org.convergence.accompaniment.domain.AccompanimentMessages.ResolveBarrierAfterReferralCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.convergence.accompaniment.domain.BarrierCategory.HEALTH;
import static org.convergence.accompaniment.domain.BarrierCategory.HOUSING;
import static org.convergence.accompaniment.domain.BarrierCategory.PSYCHOLOGICAL;
import static org.convergence.accompaniment.domain.BarrierStatus.IDENTIFIED;
import static org.convergence.accompaniment.domain.BarrierStatus.IN_PROGRESS;
import static org.convergence.accompaniment.domain.BarrierStatus.RESOLVED;

/** A completed housing or health referral resolves its barrier, as a fact the chantier can still correct. */
class CompletedReferralTest {

    private static final LocalDate ENTRY = LocalDate.of(2019, 9, 2);
    private static final LocalDate ASSESSED_ON = ENTRY.plusDays(10);
    private static final LocalDate COMPLETED_ON = LocalDate.of(2020, 5, 4);
    private static final AccompaniedPathway PATHWAY = new AccompaniedPathway("pw-1", "p-1", "CONVERGENCE", "paris",
            "emmaus-defi", ENTRY);
    private static final AssessmentRecordedEvent ASSESSED = new AssessmentRecordedEvent("pw-1", "p-1", "CONVERGENCE",
            "paris", "emmaus-defi", ASSESSED_ON, HousingSituation.STREET, List.of(HOUSING, HEALTH, PSYCHOLOGICAL));

    private AggregateTestFixture<Accompaniment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Accompaniment.class);
        fixture.registerInjectableResource(new AccompaniedPrograms(Set.of("CONVERGENCE", "PREMIERES_HEURES")));
        fixture.registerInjectableResource(Clock.fixed(LocalDate.of(2024, 6, 3).atStartOfDay()
                .toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    private static ResolveBarrierAfterReferralCommand completed(String referralId, BarrierCategory category,
                                                                LocalDate on) {
        return new ResolveBarrierAfterReferralCommand(PATHWAY, referralId, category, on);
    }

    private static BarrierResolvedByReferralEvent resolved(String referralId, BarrierCategory category,
                                                           LocalDate on) {
        return new BarrierResolvedByReferralEvent("pw-1", "p-1", "paris", "emmaus-defi", category, referralId, on);
    }

    private static BarrierStatusChangedEvent changed(BarrierCategory category, BarrierStatus status, LocalDate on) {
        return new BarrierStatusChangedEvent("pw-1", "p-1", "paris", "emmaus-defi", category, status, on);
    }

    @Test
    void aCompletedHousingReferralResolvesTheHousingBarrierOnItsCompletionDate() {
        fixture.given(ASSESSED).when(completed("r-1", HOUSING, COMPLETED_ON))
                .expectEvents(resolved("r-1", HOUSING, COMPLETED_ON));
    }

    @Test
    void aCompletedHealthReferralResolvesTheHealthBarrierFromInProgress() {
        fixture.given(ASSESSED, changed(HEALTH, IN_PROGRESS, ASSESSED_ON.plusDays(5)))
                .when(completed("r-1", HEALTH, COMPLETED_ON))
                .expectEvents(resolved("r-1", HEALTH, COMPLETED_ON));
    }

    @Test
    void aCompletedReferralForAnotherBarrierLeavesItAsItIs() {
        fixture.given(ASSESSED).when(completed("r-1", PSYCHOLOGICAL, COMPLETED_ON)).expectNoEvents();
    }

    @Test
    void aCompletedReferralMovesItsBarrierOnceEvenIfItsFactIsReadAgain() {
        fixture.given(ASSESSED, resolved("r-1", HOUSING, COMPLETED_ON),
                        changed(HOUSING, IDENTIFIED, COMPLETED_ON))
                .when(completed("r-1", HOUSING, COMPLETED_ON)).expectNoEvents();
    }

    @Test
    void aBarrierAlreadyResolvedStaysAsItIs() {
        fixture.given(ASSESSED, changed(HOUSING, IN_PROGRESS, ASSESSED_ON.plusDays(1)),
                        changed(HOUSING, RESOLVED, ASSESSED_ON.plusDays(2)))
                .when(completed("r-1", HOUSING, COMPLETED_ON)).expectNoEvents();
    }

    @Test
    void aChantierRecordDatedAfterTheCompletionStands() {
        fixture.given(ASSESSED, changed(HOUSING, IN_PROGRESS, COMPLETED_ON.plusDays(3)))
                .when(completed("r-1", HOUSING, COMPLETED_ON)).expectNoEvents();
    }

    @Test
    void theChantierCorrectsABarrierAReferralResolvedWithAStatusDatedTheSameDay() {
        fixture.given(ASSESSED, resolved("r-1", HOUSING, COMPLETED_ON))
                .when(new ChangeBarrierStatusCommand(PATHWAY, HOUSING, IDENTIFIED, COMPLETED_ON))
                .expectEvents(changed(HOUSING, IDENTIFIED, COMPLETED_ON));
    }

    @Test
    void anotherCompletedReferralResolvesTheBarrierAgainAfterACorrection() {
        fixture.given(ASSESSED, resolved("r-1", HOUSING, COMPLETED_ON), changed(HOUSING, IDENTIFIED, COMPLETED_ON))
                .when(completed("r-2", HOUSING, COMPLETED_ON.plusDays(60)))
                .expectEvents(resolved("r-2", HOUSING, COMPLETED_ON.plusDays(60)));
    }
}
