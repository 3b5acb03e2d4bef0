package org.convergence.enrolment.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.convergence.enrolment.domain.TerritoryMessages.ChangeProgramStatusCommand;
import org.convergence.enrolment.domain.TerritoryMessages.CoordinationDesignatedEvent;
import org.convergence.enrolment.domain.TerritoryMessages.DesignateCoordinationCommand;
import org.convergence.enrolment.domain.TerritoryMessages.ProgramStatusChangedEvent;
import org.convergence.enrolment.domain.TerritoryMessages.RecordSteeringCommitteeCommand;
import org.convergence.enrolment.domain.TerritoryMessages.RegisterTerritoryCommand;
import org.convergence.enrolment.domain.TerritoryMessages.SteeringCommitteeHeldEvent;
import org.convergence.enrolment.domain.TerritoryMessages.TerritoryRegisteredEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.convergence.enrolment.domain.DeploymentStatus.ENGAGED;
import static org.convergence.enrolment.domain.DeploymentStatus.OPERATIONAL;

class TerritoryTest {

    private static final LocalDate ENGAGED_ON = LocalDate.of(2019, 9, 1);
    private static final LocalDate OPERATIONAL_ON = LocalDate.of(2020, 1, 6);

    private final AggregateTestFixture<Territory> fixture = new AggregateTestFixture<>(Territory.class);
    private final TerritoryRegisteredEvent lyon = new TerritoryRegisteredEvent("lyon", "Lyon", DensityKind.URBAN);

    @Test
    void aTerritoryIsRegisteredWithItsDensityKind() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTerritoryCommand("charente", "Charente", DensityKind.LESS_DENSE))
                .expectEvents(new TerritoryRegisteredEvent("charente", "Charente", DensityKind.LESS_DENSE));
    }

    @Test
    void aProgramGoesFromEngagedToOperationalWithItsDates() {
        fixture.given(lyon, new ProgramStatusChangedEvent("lyon", "CONVERGENCE", ENGAGED, ENGAGED_ON))
                .when(new ChangeProgramStatusCommand("lyon", "CONVERGENCE", OPERATIONAL, OPERATIONAL_ON))
                .expectEvents(new ProgramStatusChangedEvent("lyon", "CONVERGENCE", OPERATIONAL, OPERATIONAL_ON));
    }

    @Test
    void eachProgramHasItsOwnStatus() {
        fixture.given(lyon, new ProgramStatusChangedEvent("lyon", "CONVERGENCE", ENGAGED, ENGAGED_ON))
                .when(new ChangeProgramStatusCommand("lyon", "PREMIERES_HEURES", ENGAGED, OPERATIONAL_ON))
                .expectEvents(new ProgramStatusChangedEvent("lyon", "PREMIERES_HEURES", ENGAGED, OPERATIONAL_ON));
    }

    @Test
    void operationalWithoutEngagementIsRefused() {
        fixture.given(lyon)
                .when(new ChangeProgramStatusCommand("lyon", "CONVERGENCE", OPERATIONAL, OPERATIONAL_ON))
                .expectException(Rules.violates("PROGRAM_NOT_ENGAGED"))
                .expectExceptionMessage("The territory must engage in CONVERGENCE before it is operational")
                .expectNoEvents();
    }

    @Test
    void operationalBeforeTheEngagementDateIsRefused() {
        fixture.given(lyon, new ProgramStatusChangedEvent("lyon", "CONVERGENCE", ENGAGED, OPERATIONAL_ON))
                .when(new ChangeProgramStatusCommand("lyon", "CONVERGENCE", OPERATIONAL, ENGAGED_ON))
                .expectException(Rules.violates("OPERATIONAL_BEFORE_ENGAGEMENT"))
                .expectNoEvents();
    }

    @Test
    void engagingAgainAnOperationalProgramIsRefused() {
        fixture.given(lyon, new ProgramStatusChangedEvent("lyon", "CONVERGENCE", ENGAGED, ENGAGED_ON),
                        new ProgramStatusChangedEvent("lyon", "CONVERGENCE", OPERATIONAL, OPERATIONAL_ON))
                .when(new ChangeProgramStatusCommand("lyon", "CONVERGENCE", ENGAGED, LocalDate.of(2021, 1, 1)))
                .expectException(Rules.violates("PROGRAM_ALREADY_ENGAGED"))
                .expectNoEvents();
    }

    @Test
    void aProgramBecomesOperationalOnce() {
        fixture.given(lyon, new ProgramStatusChangedEvent("lyon", "CONVERGENCE", ENGAGED, ENGAGED_ON),
                        new ProgramStatusChangedEvent("lyon", "CONVERGENCE", OPERATIONAL, OPERATIONAL_ON))
                .when(new ChangeProgramStatusCommand("lyon", "CONVERGENCE", OPERATIONAL, OPERATIONAL_ON.plusDays(1)))
                .expectException(Rules.violates("PROGRAM_ALREADY_OPERATIONAL"))
                .expectNoEvents();
    }

    @Test
    void theSameStatusDecisionSentTwiceIsRecordedOnce() {
        fixture.given(lyon, new ProgramStatusChangedEvent("lyon", "CONVERGENCE", ENGAGED, ENGAGED_ON))
                .when(new ChangeProgramStatusCommand("lyon", "CONVERGENCE", ENGAGED, ENGAGED_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theEngagementSentAgainAfterTheProgramBecameOperationalChangesNothing() {
        fixture.given(lyon, new ProgramStatusChangedEvent("lyon", "CONVERGENCE", ENGAGED, ENGAGED_ON),
                        new ProgramStatusChangedEvent("lyon", "CONVERGENCE", OPERATIONAL, OPERATIONAL_ON))
                .when(new ChangeProgramStatusCommand("lyon", "CONVERGENCE", ENGAGED, ENGAGED_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCoordinationStructureIsDesignatedAndReplacedByANewFact() {
        fixture.given(lyon, new CoordinationDesignatedEvent("lyon", "FNDSA", ENGAGED_ON))
                .when(new DesignateCoordinationCommand("lyon", "Coordination Lyon", OPERATIONAL_ON))
                .expectEvents(new CoordinationDesignatedEvent("lyon", "Coordination Lyon", OPERATIONAL_ON));
    }

    @Test
    void aSteeringCommitteeIsRecordedOncePerDate() {
        fixture.given(lyon, new SteeringCommitteeHeldEvent("lyon", ENGAGED_ON))
                .when(new RecordSteeringCommitteeCommand("lyon", ENGAGED_ON))
                .expectNoEvents();
        fixture.given(lyon)
                .when(new RecordSteeringCommitteeCommand("lyon", ENGAGED_ON))
                .expectEvents(new SteeringCommitteeHeldEvent("lyon", ENGAGED_ON));
    }
}
