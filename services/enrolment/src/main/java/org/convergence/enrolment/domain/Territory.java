package org.convergence.enrolment.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.convergence.enrolment.domain.TerritoryMessages.RegisterTerritoryCommand;
import org.convergence.enrolment.domain.TerritoryMessages.TerritoryRegisteredEvent;

/** A territory where Convergence France deploys its programs. Registered by the national team. */
public class Territory {

    @AggregateIdentifier
    private String streamId;

    protected Territory() {
        // for Axon
    }

    @CommandHandler
    public Territory(RegisterTerritoryCommand command) {
        apply(new TerritoryRegisteredEvent(command.territoryId(), command.name(), command.densityKind()));
    }

    @EventSourcingHandler
    void on(TerritoryRegisteredEvent event) {
        this.streamId = Streams.territory(event.territoryId());
    }
}
