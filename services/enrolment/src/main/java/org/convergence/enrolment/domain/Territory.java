package org.convergence.enrolment.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.convergence.enrolment.domain.TerritoryMessages.ChangeProgramStatusCommand;
import org.convergence.enrolment.domain.TerritoryMessages.CoordinationDesignatedEvent;
import org.convergence.enrolment.domain.TerritoryMessages.DesignateCoordinationCommand;
import org.convergence.enrolment.domain.TerritoryMessages.ProgramStatusChangedEvent;
import org.convergence.enrolment.domain.TerritoryMessages.RecordSteeringCommitteeCommand;
import org.convergence.enrolment.domain.TerritoryMessages.RegisterTerritoryCommand;
import org.convergence.enrolment.domain.TerritoryMessages.SteeringCommitteeHeldEvent;
import org.convergence.enrolment.domain.TerritoryMessages.TerritoryRegisteredEvent;
import org.convergence.platform.domain.RuleViolationException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A territory where Convergence France deploys its programs, managed by the national team: its deployment
 * status per program ({@code ENGAGED} then {@code OPERATIONAL}, each from a date), its coordination structure
 * and its steering committees. A repeated command that changes nothing records nothing.
 */
public class Territory {

    @AggregateIdentifier
    private String streamId;
    private final Map<String, ProgramStatusChangedEvent> programs = new HashMap<>();
    private final Map<String, LocalDate> engagedOn = new HashMap<>();
    private String coordination;
    private final Set<LocalDate> steeringCommittees = new HashSet<>();

    protected Territory() {
        // for Axon
    }

    @CommandHandler
    public Territory(RegisterTerritoryCommand command) {
        apply(new TerritoryRegisteredEvent(command.territoryId(), command.name(), command.densityKind()));
    }

    @CommandHandler
    void handle(ChangeProgramStatusCommand command) {
        ProgramStatusChangedEvent current = programs.get(command.program());
        if (current != null && current.status() == command.status()
                && current.effectiveOn().equals(command.effectiveOn())) {
            return; // the same decision, sent again
        }
        boolean engagedThatDay = command.effectiveOn().equals(engagedOn.get(command.program()));
        if (command.status() == DeploymentStatus.ENGAGED && engagedThatDay) {
            return; // the engagement, sent again after the program became operational
        }
        if (command.status() == DeploymentStatus.ENGAGED && current != null) {
            throw new RuleViolationException("PROGRAM_ALREADY_ENGAGED", "The territory is already "
                    + current.status() + " in " + command.program() + " since " + current.effectiveOn());
        }
        if (command.status() == DeploymentStatus.OPERATIONAL) {
            if (current == null) {
                throw new RuleViolationException("PROGRAM_NOT_ENGAGED",
                        "The territory must engage in " + command.program() + " before it is operational");
            }
            if (current.status() == DeploymentStatus.OPERATIONAL) {
                throw new RuleViolationException("PROGRAM_ALREADY_OPERATIONAL", "The territory is already "
                        + "operational in " + command.program() + " since " + current.effectiveOn());
            }
            if (command.effectiveOn().isBefore(current.effectiveOn())) {
                throw new RuleViolationException("OPERATIONAL_BEFORE_ENGAGEMENT", "Operational on "
                        + command.effectiveOn() + ", before the engagement on " + current.effectiveOn());
            }
        }
        apply(new ProgramStatusChangedEvent(command.territoryId(), command.program(), command.status(),
                command.effectiveOn()));
    }

    @CommandHandler
    void handle(DesignateCoordinationCommand command) {
        if (Objects.equals(coordination, command.structureName())) {
            return;
        }
        apply(new CoordinationDesignatedEvent(command.territoryId(), command.structureName(), command.since()));
    }

    @CommandHandler
    void handle(RecordSteeringCommitteeCommand command) {
        if (!steeringCommittees.contains(command.heldOn())) {
            apply(new SteeringCommitteeHeldEvent(command.territoryId(), command.heldOn()));
        }
    }

    @EventSourcingHandler
    void on(TerritoryRegisteredEvent event) {
        this.streamId = Streams.territory(event.territoryId());
    }

    @EventSourcingHandler
    void on(ProgramStatusChangedEvent event) {
        programs.put(event.program(), event);
        if (event.status() == DeploymentStatus.ENGAGED) {
            engagedOn.put(event.program(), event.effectiveOn());
        }
    }

    @EventSourcingHandler
    void on(CoordinationDesignatedEvent event) {
        this.coordination = event.structureName();
    }

    @EventSourcingHandler
    void on(SteeringCommitteeHeldEvent event) {
        steeringCommittees.add(event.heldOn());
    }
}
