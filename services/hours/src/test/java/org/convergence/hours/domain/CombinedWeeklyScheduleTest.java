package org.convergence.hours.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.hours.domain.HoursMessages.ContractedHoursDecidedEvent;
import org.convergence.hours.domain.HoursMessages.DecideContractedHoursCommand;
import org.convergence.hours.domain.StoreScheduleMessages.Accepted;
import org.convergence.hours.domain.StoreScheduleMessages.Change;
import org.convergence.hours.domain.StoreScheduleMessages.ScheduleRequest;
import org.convergence.hours.domain.StoreScheduleMessages.ScheduleStoreHoursCommand;
import org.convergence.hours.domain.StoreScheduleMessages.StoreHoursScheduledEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeMap;

import static org.convergence.hours.domain.HoursRules.CATALOG;
import static org.convergence.hours.domain.HoursRules.CLOCK;
import static org.convergence.hours.domain.HoursRules.ENTRY;
import static org.convergence.hours.domain.HoursRules.convergenceAt;
import static org.convergence.hours.domain.HoursRules.refusedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The combined weekly schedule of ADR 0020: chantier and store hours in one stream, at most 35 a week together. */
class CombinedWeeklyScheduleTest {

    private static final String TRANSITION = "7d0c6f4e-2a59-4f1e-9a53-3f1d2c8b9e10";
    private static final LocalDate START = LocalDate.of(2020, 9, 7); // Monday of 2020-W37
    private static final LocalDate STEP = LocalDate.of(2020, 10, 5); // Monday of 2020-W41
    private static final PathwayTerms PATHWAY = convergenceAt(Set.of("CONVERGENCE"));

    private AggregateTestFixture<WeeklyContract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WeeklyContract.class);
        fixture.registerInjectableResource(CATALOG);
        fixture.registerInjectableResource(CLOCK);
    }

    private static ScheduleStoreHoursCommand change(String key, Change change, LocalDate on, Integer store,
                                                    Integer chantier) {
        return new ScheduleStoreHoursCommand(PATHWAY, key, new ScheduleRequest(TRANSITION, change, on, store,
                chantier), "service-transitions");
    }

    private static StoreHoursScheduledEvent scheduled(String key, Change change, LocalDate on, Integer askedStore,
                                                      Integer askedChantier, int store, int chantier, int previous) {
        return new StoreHoursScheduledEvent(PATHWAY.pathwayId(), PATHWAY.participantId(), PATHWAY.territoryId(),
                PATHWAY.chantierId(), key, new ScheduleRequest(TRANSITION, change, on, askedStore, askedChantier),
                IsoWeek.of(on).monday(), store, chantier, previous, "service-transitions");
    }

    private static ContractedHoursDecidedEvent decided(LocalDate on, int hours, Integer previous,
                                                       DecisionReason reason, String by) {
        return new ContractedHoursDecidedEvent(PATHWAY.pathwayId(), PATHWAY.participantId(), PATHWAY.program(),
                PATHWAY.territoryId(), PATHWAY.chantierId(), on, hours, previous, reason, by);
    }

    private static ContractedHoursDecidedEvent contract(int hours) {
        return decided(ENTRY, hours, null, DecisionReason.CONTRACT_START, "staff-emmaus-defi");
    }

    @Test
    void aTransitionStartLowersTheChantierHoursAndAddsStoreHoursInOneCommand() {
        fixture.given(contract(26))
                .when(change(TRANSITION + ":1", Change.START, START, 8, 26))
                .expectEvents(scheduled(TRANSITION + ":1", Change.START, START, 8, 26, 8, 26, 26))
                .expectResultMessagePayload(new Accepted(TRANSITION + ":1", PATHWAY.pathwayId(),
                        new ScheduleRequest(TRANSITION, Change.START, START, 8, 26), START, 8, 26));
        fixture.given(contract(35))
                .when(change(TRANSITION + ":1", Change.START, START, 8, 27))
                .expectEvents(scheduled(TRANSITION + ":1", Change.START, START, 8, 27, 8, 27, 35),
                        decided(START, 27, 35, DecisionReason.EMPLOYER_TRANSITION, "service-transitions"));
    }

    @Test
    void aStepThatWouldTakeAWeekAboveThirtyFiveHoursIsRefusedByWeeklyLimit35() {
        fixture.given(contract(26), scheduled(TRANSITION + ":1", Change.START, START, 8, 26, 8, 26, 26))
                .when(change(TRANSITION + ":2", Change.STEP, STEP, 15, 21))
                .expectException(refusedBy("WEEKLY_LIMIT_35"))
                .expectNoEvents();
        fixture.given(contract(26), scheduled(TRANSITION + ":1", Change.START, START, 8, 26, 8, 26, 26))
                .when(change(TRANSITION + ":2", Change.STEP, STEP, 15, 20))
                .expectSuccessfulHandlerExecution()
                .expectEvents(scheduled(TRANSITION + ":2", Change.STEP, STEP, 15, 20, 15, 20, 26),
                        decided(STEP, 20, 26, DecisionReason.EMPLOYER_TRANSITION, "service-transitions"));
    }

    @Test
    void aChantierDecisionThatWouldTakeAWeekWithStoreHoursAboveThirtyFiveIsRefusedByWeeklyLimit35() {
        fixture.given(contract(26), scheduled(TRANSITION + ":1", Change.START, START, 8, 26, 8, 26, 26))
                .when(new DecideContractedHoursCommand(PATHWAY, STEP, 30, DecisionReason.PARTICIPANT_WISH,
                        "staff-emmaus-defi"))
                .expectException(refusedBy("WEEKLY_LIMIT_35"))
                .expectNoEvents();
        fixture.given(contract(26), scheduled(TRANSITION + ":1", Change.START, START, 8, 26, 8, 26, 26))
                .when(new DecideContractedHoursCommand(PATHWAY, STEP, 27, DecisionReason.PARTICIPANT_WISH,
                        "staff-emmaus-defi"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aChantierDecisionDatedBeforeTheTransitionIsCheckedAgainstEveryLaterWeekWithStoreHours() {
        // 30 from June stays in force into the transition's weeks (8 in the store): 38 in 2020-W37
        fixture.given(contract(26), scheduled(TRANSITION + ":1", Change.START, START, 8, 26, 8, 26, 26))
                .when(new DecideContractedHoursCommand(PATHWAY, LocalDate.of(2020, 6, 1), 30,
                        DecisionReason.PARTICIPANT_WISH, "staff-emmaus-defi"))
                .expectException(refusedBy("WEEKLY_LIMIT_35"));
    }

    @Test
    void backToTheChantierReturnsTheStoreToZeroAndTheChantierToTheContractBeforeTheTransition() {
        fixture.given(contract(30), scheduled(TRANSITION + ":1", Change.START, START, 8, 27, 8, 27, 30),
                        decided(START, 27, 30, DecisionReason.EMPLOYER_TRANSITION, "service-transitions"),
                        scheduled(TRANSITION + ":2", Change.STEP, STEP, 15, 20, 15, 20, 27),
                        decided(STEP, 20, 27, DecisionReason.EMPLOYER_TRANSITION, "service-transitions"))
                .when(change(TRANSITION + ":3", Change.BACK_TO_CHANTIER, LocalDate.of(2020, 11, 4), null, null))
                .expectEvents(scheduled(TRANSITION + ":3", Change.BACK_TO_CHANTIER, LocalDate.of(2020, 11, 4), null,
                                null, 0, 30, 20),
                        decided(LocalDate.of(2020, 11, 2), 30, 20, DecisionReason.EMPLOYER_TRANSITION,
                                "service-transitions"));
    }

    @Test
    void theSameKeyWithTheSameRequestAnswersTheSameAndRecordsNothing() {
        fixture.given(contract(26), scheduled(TRANSITION + ":1", Change.START, START, 8, 26, 8, 26, 26))
                .when(change(TRANSITION + ":1", Change.START, START, 8, 26))
                .expectNoEvents()
                .expectResultMessagePayload(new Accepted(TRANSITION + ":1", PATHWAY.pathwayId(),
                        new ScheduleRequest(TRANSITION, Change.START, START, 8, 26), START, 8, 26));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedByScheduleKeyReused() {
        fixture.given(contract(26), scheduled(TRANSITION + ":1", Change.START, START, 8, 26, 8, 26, 26))
                .when(change(TRANSITION + ":1", Change.START, START, 7, 26))
                .expectException(refusedBy("SCHEDULE_KEY_REUSED"))
                .expectNoEvents();
    }

    @Test
    void aChangeInTheMiddleOfAWeekCountsForTheWholeWeekOnBothSides() {
        TreeMap<LocalDate, Integer> chantier = new TreeMap<>();
        chantier.put(ENTRY, 26);
        chantier.put(LocalDate.of(2020, 10, 8), 20); // a Thursday of 2020-W41
        TreeMap<LocalDate, Integer> store = new TreeMap<>();
        store.put(LocalDate.of(2020, 10, 5), 15); // the Monday of the same week
        WeeklySchedule schedule = new WeeklySchedule(chantier, 26, store, ENTRY, null);

        assertEquals(new WeeklySchedule.Week(IsoWeek.parse("2020-W41").orElseThrow(), 26, 15),
                schedule.firstWeekAboveLimit().orElseThrow());
        assertEquals(35, schedule.week(IsoWeek.parse("2020-W42").orElseThrow()).orElseThrow().total());
    }
}
