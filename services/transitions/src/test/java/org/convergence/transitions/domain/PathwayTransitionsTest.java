package org.convergence.transitions.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.transitions.domain.TransitionMessages.CompleteTransitionCommand;
import org.convergence.transitions.domain.TransitionMessages.EndTransitionCommand;
import org.convergence.transitions.domain.TransitionMessages.HoldMeetingCommand;
import org.convergence.transitions.domain.TransitionMessages.MeetingHeldEvent;
import org.convergence.transitions.domain.TransitionMessages.StartTransitionCommand;
import org.convergence.transitions.domain.TransitionMessages.StepTransitionCommand;
import org.convergence.transitions.domain.TransitionMessages.TransitionCompletedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionEndedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionStartedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionSteppedEvent;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PathwayTransitionsTest {

    private static final String T = "7d0c6f4e-2a59-4f1e-9a53-3f1d2c8b9e10";
    private static final String OTHER = "0a1b2c3d-2a59-4f1e-9a53-3f1d2c8b9e10";
    private static final LocalDate ENTRY = LocalDate.of(2019, 10, 14);
    private static final LocalDate START = LocalDate.of(2020, 9, 7);
    private static final LocalDate STEP = LocalDate.of(2020, 10, 5);
    private static final PathwayFacts PATHWAY = new PathwayFacts("cv-1", "p-1", "CONVERGENCE", "paris",
            "emmaus-defi", ENTRY, null);

    private AggregateTestFixture<PathwayTransitions> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PathwayTransitions.class);
    }

    private static StartTransitionCommand start(PathwayFacts pathway, String id, LocalDate on, int store) {
        return new StartTransitionCommand(pathway, id, "franprix", "franprix-paris-11", on, store, 26, id + ":1");
    }

    private static TransitionStartedEvent started(String id) {
        return new TransitionStartedEvent(id, "cv-1", "p-1", "paris", "emmaus-defi", "franprix",
                "franprix-paris-11", START, 8, 26, id + ":1");
    }

    private static TransitionSteppedEvent stepped(LocalDate on, int store, int chantier, int key) {
        return new TransitionSteppedEvent(T, "cv-1", "p-1", "paris", "emmaus-defi", on, store, chantier,
                T + ":" + key);
    }

    static Matcher<RuleViolationException> refusedBy(String code) {
        return new FeatureMatcher<>(equalTo(code), "a refusal by rule", "rule") {
            @Override
            protected String featureValueOf(RuleViolationException actual) {
                return actual.code();
            }
        };
    }

    @Test
    void aTransitionStartsWithItsStoreAndChantierHoursAsTheHoursServiceAcceptedThem() {
        fixture.givenNoPriorActivity().when(start(PATHWAY, T, START, 8)).expectEvents(started(T));
    }

    @Test
    void onlyAConvergencePathwayMovesToAnEmployerNotAConvergencePathway() {
        PathwayFacts ph = new PathwayFacts("cv-1", "p-1", "PREMIERES_HEURES", "paris", "emmaus-defi", ENTRY, null);
        fixture.givenNoPriorActivity().when(start(ph, T, START, 8))
                .expectException(refusedBy("NOT_A_CONVERGENCE_PATHWAY"));
    }

    @Test
    void aTransitionStartsOnlyWhileThePathwayIsActivePathwayNotActive() {
        PathwayFacts ended = new PathwayFacts("cv-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi", ENTRY,
                LocalDate.of(2020, 6, 30));
        fixture.givenNoPriorActivity().when(start(ended, T, START, 8)).expectException(refusedBy("PATHWAY_NOT_ACTIVE"));
        fixture.givenNoPriorActivity().when(start(PATHWAY, T, ENTRY.minusDays(1), 8))
                .expectException(refusedBy("PATHWAY_NOT_ACTIVE"));
    }

    @Test
    void aPathwayHasAtMostOneOpenTransitionTransitionAlreadyOpen() {
        fixture.given(started(T)).when(start(PATHWAY, OTHER, STEP, 8))
                .expectException(refusedBy("TRANSITION_ALREADY_OPEN"));
    }

    @Test
    void aNewTransitionMayStartOnceThePreviousOneEnded() {
        fixture.given(started(T), new TransitionEndedEvent(T, "cv-1", "paris", "emmaus-defi", Outcome.INTERRUPTED,
                        STEP, 26, T + ":2"))
                .when(start(PATHWAY, OTHER, STEP.plusWeeks(2), 8))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aTransitionStartsWithHoursInTheStoreStartWithoutStoreHours() {
        fixture.givenNoPriorActivity().when(start(PATHWAY, T, START, 0))
                .expectException(refusedBy("START_WITHOUT_STORE_HOURS"));
    }

    @Test
    void theSameStartSentAgainChangesNothing() {
        fixture.given(started(T)).when(start(PATHWAY, T, START, 8)).expectNoEvents();
    }

    @Test
    void aStepMovesHoursFromTheChantierToTheStoreStepMustMoveHoursToStore() {
        fixture.given(started(T)).when(new StepTransitionCommand("cv-1", T, STEP, 15, 20, T + ":2"))
                .expectEvents(stepped(STEP, 15, 20, 2));
        fixture.given(started(T)).when(new StepTransitionCommand("cv-1", T, STEP, 8, 20, T + ":2"))
                .expectException(refusedBy("STEP_MUST_MOVE_HOURS_TO_STORE"));
        fixture.given(started(T)).when(new StepTransitionCommand("cv-1", T, STEP, 15, 27, T + ":2"))
                .expectException(refusedBy("STEP_MUST_MOVE_HOURS_TO_STORE"));
    }

    @Test
    void aStepAppliesFromAWeekAfterThePreviousChangeStepNotAfterPreviousWeek() {
        fixture.given(started(T)).when(new StepTransitionCommand("cv-1", T, START.plusDays(4), 15, 20, T + ":2"))
                .expectException(refusedBy("STEP_NOT_AFTER_PREVIOUS_WEEK"));
    }

    @Test
    void theSameStepSentAgainUnderItsKeyChangesNothing() {
        fixture.given(started(T), stepped(STEP, 15, 20, 2))
                .when(new StepTransitionCommand("cv-1", T, STEP, 15, 20, T + ":2"))
                .expectNoEvents();
    }

    @Test
    void aTransitionCompletesOnlyAtFullTimeInTheStoreCompletionBeforeFullTime() {
        fixture.given(started(T), stepped(STEP, 30, 5, 2))
                .when(new CompleteTransitionCommand("cv-1", T, STEP.plusWeeks(4), 35))
                .expectException(refusedBy("COMPLETION_BEFORE_FULL_TIME"));
        fixture.given(started(T), stepped(STEP, 35, 0, 2))
                .when(new CompleteTransitionCommand("cv-1", T, STEP.plusWeeks(4), 35))
                .expectEvents(new TransitionCompletedEvent(T, "cv-1", "p-1", "paris", "emmaus-defi", "franprix",
                        "franprix-paris-11", STEP.plusWeeks(4)));
    }

    @Test
    void anOutcomeIsNotDatedBeforeTheLastChangeOutcomeBeforeLastChange() {
        fixture.given(started(T), stepped(STEP, 35, 0, 2))
                .when(new CompleteTransitionCommand("cv-1", T, STEP.minusDays(1), 35))
                .expectException(refusedBy("OUTCOME_BEFORE_LAST_CHANGE"));
    }

    @Test
    void nothingFollowsAnOutcomeTransitionClosed() {
        TransitionEndedEvent abandoned = new TransitionEndedEvent(T, "cv-1", "paris", "emmaus-defi",
                Outcome.ABANDONED, STEP, 26, T + ":2");
        fixture.given(started(T), abandoned).when(new StepTransitionCommand("cv-1", T, STEP.plusWeeks(1), 15, 20,
                T + ":3")).expectException(refusedBy("TRANSITION_CLOSED"));
        fixture.given(started(T), abandoned).when(new HoldMeetingCommand("cv-1", T, STEP.plusWeeks(1)))
                .expectException(refusedBy("TRANSITION_CLOSED"));
        fixture.given(started(T), abandoned).when(new EndTransitionCommand("cv-1", T, Outcome.INTERRUPTED,
                STEP.plusWeeks(1), 26, T + ":3")).expectException(refusedBy("TRANSITION_CLOSED"));
        fixture.given(started(T), abandoned).when(new EndTransitionCommand("cv-1", T, Outcome.ABANDONED, STEP, 26,
                T + ":2")).expectNoEvents();
    }

    @Test
    void aFollowUpMeetingIsNotBeforeTheStartMeetingBeforeStart() {
        fixture.given(started(T)).when(new HoldMeetingCommand("cv-1", T, START.minusDays(1)))
                .expectException(refusedBy("MEETING_BEFORE_START"));
        fixture.given(started(T)).when(new HoldMeetingCommand("cv-1", T, START.plusDays(10)))
                .expectEvents(new MeetingHeldEvent(T, "cv-1", "paris", "emmaus-defi", START.plusDays(10)));
    }

    @Test
    void aTransitionIsDueForFollowUpFourWeeksAfterItsLastMeetingOrItsStart() {
        TransitionHistory history = new TransitionHistory();
        history.apply(started(T));
        assertEquals(START.plusWeeks(4), history.require(T).followUpDueOn(4));
        history.apply(new MeetingHeldEvent(T, "cv-1", "paris", "emmaus-defi", START.plusDays(20)));
        assertEquals(START.plusDays(20).plusWeeks(4), history.require(T).followUpDueOn(4));
        assertEquals(START.plusDays(20).plusWeeks(6), history.require(T).followUpDueOn(6));
    }
}
