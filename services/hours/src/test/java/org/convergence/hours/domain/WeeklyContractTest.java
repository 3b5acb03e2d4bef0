package org.convergence.hours.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.hours.domain.HoursMessages.ContractedHoursDecidedEvent;
import org.convergence.hours.domain.HoursMessages.DecideContractedHoursCommand;
import org.convergence.platform.programs.ProgramCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.convergence.hours.domain.HoursRules.CATALOG;
import static org.convergence.hours.domain.HoursRules.CLOCK;
import static org.convergence.hours.domain.HoursRules.ENTRY;
import static org.convergence.hours.domain.HoursRules.TODAY;
import static org.convergence.hours.domain.HoursRules.convergenceAt;
import static org.convergence.hours.domain.HoursRules.ended;
import static org.convergence.hours.domain.HoursRules.premieresHeures;
import static org.convergence.hours.domain.HoursRules.refusedBy;

class WeeklyContractTest {

    private AggregateTestFixture<WeeklyContract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WeeklyContract.class);
        fixture.registerInjectableResource(CATALOG);
        fixture.registerInjectableResource(CLOCK);
    }

    private static DecideContractedHoursCommand decide(PathwayTerms pathway, LocalDate on, int hours,
                                                       DecisionReason reason) {
        return new DecideContractedHoursCommand(pathway, on, hours, reason, "staff-emmaus-defi");
    }

    private static ContractedHoursDecidedEvent decided(PathwayTerms p, LocalDate on, int hours, Integer previous,
                                                       DecisionReason reason) {
        return new ContractedHoursDecidedEvent(p.pathwayId(), p.participantId(), p.program(), p.territoryId(),
                p.chantierId(), on, hours, previous, reason, "staff-emmaus-defi");
    }

    @Test
    void aDecisionWithinTheProgramsBoundsIsRecordedWithItsReasonAndWhoTookIt() {
        PathwayTerms ph = premieresHeures();
        fixture.givenNoPriorActivity()
                .when(decide(ph, ENTRY, 4, DecisionReason.CONTRACT_START))
                .expectEvents(decided(ph, ENTRY, 4, null, DecisionReason.CONTRACT_START));
    }

    @Test
    void aPremieresHeuresContractStaysWithinFourToTwentyHours() {
        PathwayTerms ph = premieresHeures();
        fixture.givenNoPriorActivity().when(decide(ph, ENTRY, 3, DecisionReason.OTHER))
                .expectException(refusedBy("HOURS_OUT_OF_BOUNDS"));
        fixture.givenNoPriorActivity().when(decide(ph, ENTRY, 21, DecisionReason.OTHER))
                .expectException(refusedBy("HOURS_OUT_OF_BOUNDS"));
        fixture.givenNoPriorActivity().when(decide(ph, ENTRY, 20, DecisionReason.OTHER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aConvergenceCddiStartsAtTwentyHoursUnlessItsChantierAlsoCarriesPremieresHeures() {
        PathwayTerms convergenceOnly = convergenceAt(Set.of(ProgramCatalog.CONVERGENCE));
        fixture.givenNoPriorActivity().when(decide(convergenceOnly, ENTRY, 4, DecisionReason.CONTRACT_START))
                .expectException(refusedBy("HOURS_OUT_OF_BOUNDS"));
        PathwayTerms withPremieresHeures = convergenceAt(Set.of(ProgramCatalog.CONVERGENCE,
                ProgramCatalog.PREMIERES_HEURES));
        fixture.givenNoPriorActivity().when(decide(withPremieresHeures, ENTRY, 4, DecisionReason.CONTRACT_START))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(decide(withPremieresHeures, ENTRY, 36, DecisionReason.OTHER))
                .expectException(refusedBy("HOURS_OUT_OF_BOUNDS"));
    }

    @Test
    void aDecisionDatedBeforeThePathwaysEntryIsRefused() {
        fixture.givenNoPriorActivity().when(decide(premieresHeures(), ENTRY.minusDays(1), 4,
                        DecisionReason.CONTRACT_START))
                .expectException(refusedBy("DECISION_BEFORE_ENTRY"));
    }

    @Test
    void aDecisionDatedAfterThePathwaysExitIsRefusedButTheExitDayItselfIsAllowed() {
        LocalDate exit = LocalDate.of(2020, 6, 30);
        PathwayTerms exited = ended(premieresHeures(), exit);
        fixture.givenNoPriorActivity().when(decide(exited, exit.plusDays(1), 6, DecisionReason.OTHER))
                .expectException(refusedBy("DECISION_AFTER_EXIT"));
        fixture.givenNoPriorActivity().when(decide(exited, exit, 6, DecisionReason.OTHER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDecisionDatedInTheFutureIsRefused() {
        fixture.givenNoPriorActivity().when(decide(premieresHeures(), TODAY.plusDays(1), 6, DecisionReason.OTHER))
                .expectException(refusedBy("DECISION_IN_FUTURE"));
    }

    @Test
    void aLadderStepIsTheNextStepOfTheProgramsLadderFromTheHoursInForce() {
        PathwayTerms ph = premieresHeures();
        LocalDate later = ENTRY.plusWeeks(6);
        fixture.given(decided(ph, ENTRY, 4, null, DecisionReason.CONTRACT_START))
                .when(decide(ph, later, 6, DecisionReason.LADDER_STEP))
                .expectEvents(decided(ph, later, 6, 4, DecisionReason.LADDER_STEP));
        fixture.given(decided(ph, ENTRY, 4, null, DecisionReason.CONTRACT_START))
                .when(decide(ph, later, 8, DecisionReason.LADDER_STEP))
                .expectException(refusedBy("NOT_THE_NEXT_LADDER_STEP"));
        fixture.given(decided(ph, ENTRY, 8, null, DecisionReason.CONTRACT_START))
                .when(decide(ph, later, 10, DecisionReason.LADDER_STEP))
                .expectException(refusedBy("NOT_THE_NEXT_LADDER_STEP"));
    }

    @Test
    void beforeAnyDecisionTheLadderStartsFromTheProgramsDefault() {
        PathwayTerms ph = premieresHeures();
        fixture.givenNoPriorActivity().when(decide(ph, ENTRY.plusWeeks(4), 6, DecisionReason.LADDER_STEP))
                .expectEvents(decided(ph, ENTRY.plusWeeks(4), 6, null, DecisionReason.LADDER_STEP));
    }

    @Test
    void theSameDecisionSentAgainIsOneFact() {
        PathwayTerms ph = premieresHeures();
        fixture.given(decided(ph, ENTRY, 4, null, DecisionReason.CONTRACT_START))
                .when(decide(ph, ENTRY, 4, DecisionReason.CONTRACT_START))
                .expectNoEvents();
    }

    @Test
    void aNewDecisionForTheSameDateReplacesTheFirstAsANewFact() {
        PathwayTerms ph = premieresHeures();
        fixture.given(decided(ph, ENTRY, 4, null, DecisionReason.CONTRACT_START))
                .when(decide(ph, ENTRY, 6, DecisionReason.OTHER))
                .expectEvents(decided(ph, ENTRY, 6, null, DecisionReason.OTHER));
    }
}
