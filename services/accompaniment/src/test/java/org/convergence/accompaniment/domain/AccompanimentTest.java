package org.convergence.accompaniment.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.accompaniment.domain.AccompanimentMessages.AssessmentRecordedEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.BarrierStatusChangedEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.ChangeBarrierStatusCommand;
import org.convergence.accompaniment.domain.AccompanimentMessages.HealthRightsOpenedEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.RecordAssessmentCommand;
import org.convergence.accompaniment.domain.AccompanimentMessages.RecordHealthRightsOpeningCommand;
import org.convergence.platform.domain.RuleViolationException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.convergence.accompaniment.domain.BarrierCategory.HEALTH;
import static org.convergence.accompaniment.domain.BarrierCategory.HOUSING;
import static org.convergence.accompaniment.domain.BarrierCategory.MOBILITY;
import static org.convergence.accompaniment.domain.BarrierStatus.IDENTIFIED;
import static org.convergence.accompaniment.domain.BarrierStatus.IN_PROGRESS;
import static org.convergence.accompaniment.domain.BarrierStatus.RESOLVED;

class AccompanimentTest {

    private static final LocalDate ENTRY = LocalDate.of(2019, 9, 2);
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 3);
    private static final AccompaniedPathway PATHWAY = new AccompaniedPathway("pw-1", "p-1", "CONVERGENCE", "paris",
            "emmaus-defi", ENTRY);
    private static final AssessmentRecordedEvent ASSESSED = new AssessmentRecordedEvent("pw-1", "p-1", "CONVERGENCE",
            "paris", "emmaus-defi", ENTRY.plusDays(10), HousingSituation.STREET, List.of(HOUSING, HEALTH));

    private AggregateTestFixture<Accompaniment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Accompaniment.class);
        fixture.registerInjectableResource(new AccompaniedPrograms(Set.of("CONVERGENCE", "PREMIERES_HEURES")));
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
    }

    private static BarrierStatusChangedEvent changed(BarrierCategory category, BarrierStatus status, LocalDate on) {
        return new BarrierStatusChangedEvent("pw-1", "p-1", "paris", "emmaus-defi", category, status, on);
    }

    private static ChangeBarrierStatusCommand change(BarrierCategory category, BarrierStatus status, LocalDate on) {
        return new ChangeBarrierStatusCommand(PATHWAY, category, status, on);
    }

    // ------------------------------------------------------------------ assessment

    @Test
    void aLateAssessmentRecordsItsBarriersInCategoryOrderWithTheHousingSituationAtEntry() {
        fixture.givenNoPriorActivity()
                .when(new RecordAssessmentCommand(PATHWAY, ENTRY.plusDays(10), HousingSituation.STREET,
                        Set.of(HEALTH, HOUSING)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ASSESSED);
    }

    @Test
    void anAssessmentWithoutBarriersIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordAssessmentCommand(PATHWAY, ENTRY, HousingSituation.SOCIAL_HOUSING, Set.of()))
                .expectEvents(new AssessmentRecordedEvent("pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi", ENTRY,
                        HousingSituation.SOCIAL_HOUSING, List.of()));
    }

    @Test
    void aPathwayIsAssessedOnce() {
        fixture.given(ASSESSED)
                .when(new RecordAssessmentCommand(PATHWAY, ENTRY.plusDays(20), HousingSituation.STREET, Set.of()))
                .expectException(violates("ASSESSMENT_ALREADY_RECORDED"))
                .expectNoEvents();
    }

    @Test
    void onlyPathwaysOfAccompaniedProgramsAreAssessed() {
        AccompaniedPathway other = new AccompaniedPathway("pw-1", "p-1", "PETITS_PAS", "paris", "emmaus-defi", ENTRY);
        fixture.givenNoPriorActivity()
                .when(new RecordAssessmentCommand(other, ENTRY, HousingSituation.STREET, Set.of(HOUSING)))
                .expectException(violates("PROGRAM_NOT_ACCOMPANIED"))
                .expectNoEvents();
    }

    @Test
    void anAssessmentIsNotDatedAfterToday() {
        fixture.givenNoPriorActivity()
                .when(new RecordAssessmentCommand(PATHWAY, TODAY.plusDays(1), HousingSituation.STREET, Set.of()))
                .expectException(violates("DATE_IN_FUTURE"))
                .expectNoEvents();
    }

    @Test
    void anAssessmentIsNotDatedBeforeThePathwaysEntry() {
        fixture.givenNoPriorActivity()
                .when(new RecordAssessmentCommand(PATHWAY, ENTRY.minusDays(1), HousingSituation.STREET, Set.of()))
                .expectException(violates("BEFORE_PATHWAY_ENTRY"))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ barriers

    @Test
    void aBarrierGoesFromIdentifiedToInProgressToResolvedEachChangeDated() {
        fixture.given(ASSESSED, changed(HOUSING, IN_PROGRESS, ENTRY.plusMonths(2)))
                .when(change(HOUSING, RESOLVED, ENTRY.plusMonths(8)))
                .expectEvents(changed(HOUSING, RESOLVED, ENTRY.plusMonths(8)));
    }

    @Test
    void aBarrierMayGoBackToIdentifiedFromInProgressOrResolved() {
        fixture.given(ASSESSED, changed(HOUSING, IN_PROGRESS, ENTRY.plusMonths(2)))
                .when(change(HOUSING, IDENTIFIED, ENTRY.plusMonths(3)))
                .expectEvents(changed(HOUSING, IDENTIFIED, ENTRY.plusMonths(3)));
        fixture.given(ASSESSED, changed(HOUSING, IN_PROGRESS, ENTRY.plusMonths(2)),
                        changed(HOUSING, RESOLVED, ENTRY.plusMonths(4)))
                .when(change(HOUSING, IDENTIFIED, ENTRY.plusMonths(9)))
                .expectEvents(changed(HOUSING, IDENTIFIED, ENTRY.plusMonths(9)));
    }

    @Test
    void anIdentifiedBarrierIsNotResolvedWithoutBeingInProgressFirst() {
        fixture.given(ASSESSED)
                .when(change(HOUSING, RESOLVED, ENTRY.plusMonths(2)))
                .expectException(violates("BARRIER_STEP_NOT_ALLOWED"))
                .expectNoEvents();
        fixture.given(ASSESSED, changed(HOUSING, IN_PROGRESS, ENTRY.plusMonths(2)),
                        changed(HOUSING, RESOLVED, ENTRY.plusMonths(4)))
                .when(change(HOUSING, IN_PROGRESS, ENTRY.plusMonths(5)))
                .expectException(violates("BARRIER_STEP_NOT_ALLOWED"));
    }

    @Test
    void aBarrierAlreadyInAStatusDoesNotTakeItAgain() {
        fixture.given(ASSESSED)
                .when(change(HOUSING, IDENTIFIED, ENTRY.plusMonths(2)))
                .expectException(violates("BARRIER_ALREADY_IN_STATUS"))
                .expectNoEvents();
    }

    @Test
    void aBarrierFoundAfterTheAssessmentStartsIdentified() {
        fixture.given(ASSESSED)
                .when(change(MOBILITY, IDENTIFIED, ENTRY.plusMonths(1)))
                .expectEvents(changed(MOBILITY, IDENTIFIED, ENTRY.plusMonths(1)));
        fixture.given(ASSESSED)
                .when(change(MOBILITY, IN_PROGRESS, ENTRY.plusMonths(1)))
                .expectException(violates("BARRIER_NOT_IDENTIFIED"))
                .expectNoEvents();
    }

    @Test
    void aBarrierFoundAfterTheAssessmentIsNotDatedBeforeIt() {
        fixture.given(ASSESSED)
                .when(change(MOBILITY, IDENTIFIED, ENTRY.plusDays(5)))
                .expectException(violates("BEFORE_ASSESSMENT"))
                .expectNoEvents();
    }

    @Test
    void aBarrierChangeNeedsTheEntryAssessment() {
        fixture.givenNoPriorActivity()
                .when(change(HOUSING, IDENTIFIED, ENTRY.plusMonths(1)))
                .expectException(violates("ASSESSMENT_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aBarrierChangeIsNotDatedBeforeTheBarriersPreviousChange() {
        fixture.given(ASSESSED, changed(HOUSING, IN_PROGRESS, ENTRY.plusMonths(6)))
                .when(change(HOUSING, RESOLVED, ENTRY.plusMonths(5)))
                .expectException(violates("CHANGE_BEFORE_PREVIOUS"))
                .expectNoEvents();
    }

    @Test
    void aBarrierChangeMayBeRecordedLateButNeverAfterTodayNorBeforeTheEntry() {
        fixture.given(ASSESSED)
                .when(change(HOUSING, IN_PROGRESS, TODAY))
                .expectEvents(changed(HOUSING, IN_PROGRESS, TODAY));
        fixture.given(ASSESSED)
                .when(change(HOUSING, IN_PROGRESS, TODAY.plusDays(1)))
                .expectException(violates("DATE_IN_FUTURE"));
        fixture.given(ASSESSED)
                .when(change(MOBILITY, IDENTIFIED, ENTRY.minusDays(1)))
                .expectException(violates("BEFORE_PATHWAY_ENTRY"));
    }

    // ------------------------------------------------------------------ health rights

    @Test
    void aHealthRightsOpeningIsRecordedWithItsKindAndDateEvenBeforeTheAssessment() {
        fixture.givenNoPriorActivity()
                .when(new RecordHealthRightsOpeningCommand(PATHWAY, HealthRightsKind.CSS, ENTRY.plusMonths(3)))
                .expectEvents(new HealthRightsOpenedEvent("pw-1", "p-1", "paris", "emmaus-defi", HealthRightsKind.CSS,
                        ENTRY.plusMonths(3)));
    }

    @Test
    void theSameOpeningIsNotRecordedTwice() {
        HealthRightsOpenedEvent opened = new HealthRightsOpenedEvent("pw-1", "p-1", "paris", "emmaus-defi",
                HealthRightsKind.PUMA, ENTRY.plusMonths(3));
        fixture.given(opened)
                .when(new RecordHealthRightsOpeningCommand(PATHWAY, HealthRightsKind.PUMA, ENTRY.plusMonths(3)))
                .expectException(violates("HEALTH_RIGHTS_ALREADY_RECORDED"))
                .expectNoEvents();
        fixture.given(opened)
                .when(new RecordHealthRightsOpeningCommand(PATHWAY, HealthRightsKind.CSS, ENTRY.plusMonths(3)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anOpeningIsNotDatedAfterTodayNorBeforeThePathwaysEntry() {
        fixture.givenNoPriorActivity()
                .when(new RecordHealthRightsOpeningCommand(PATHWAY, HealthRightsKind.AME, TODAY.plusDays(1)))
                .expectException(violates("DATE_IN_FUTURE"));
        fixture.givenNoPriorActivity()
                .when(new RecordHealthRightsOpeningCommand(PATHWAY, HealthRightsKind.AME, ENTRY.minusDays(1)))
                .expectException(violates("BEFORE_PATHWAY_ENTRY"));
    }

    /** A refusal by the rule named {@code code}: the code is the API (ADR 0006), the message is for people. */
    static Matcher<RuleViolationException> violates(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException e) {
                return code.equals(e.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal by rule ").appendValue(code);
            }
        };
    }
}
