package org.convergence.transitions.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.transitions.domain.EmployerMessages.EmployerRegisteredEvent;
import org.convergence.transitions.domain.EmployerMessages.RegisterEmployerCommand;
import org.convergence.transitions.domain.EmployerMessages.RegisterStoreCommand;
import org.convergence.transitions.domain.EmployerMessages.StoreRegisteredEvent;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An employer and its stores, each store in one territory. No CV, interview or selection field exists here. */
public class Employer {

    @AggregateIdentifier
    private String streamId;
    private boolean registered;
    private final Set<String> storeIds = new HashSet<>();

    protected Employer() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterEmployerCommand command) {
        if (registered) {
            throw new RuleViolationException("EMPLOYER_ALREADY_REGISTERED", "Employer " + command.employerId()
                    + " is already registered");
        }
        apply(new EmployerRegisteredEvent(command.employerId(), command.name()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterStoreCommand command) {
        if (!registered) {
            throw new RuleViolationException("UNKNOWN_EMPLOYER", "Employer " + command.employerId()
                    + " is not registered");
        }
        if (storeIds.contains(command.storeId())) {
            throw new RuleViolationException("STORE_ALREADY_REGISTERED", "Store " + command.storeId() + " of "
                    + command.employerId() + " is already registered");
        }
        apply(new StoreRegisteredEvent(command.employerId(), command.storeId(), command.name(),
                command.territoryId()));
    }

    @EventSourcingHandler
    void on(EmployerRegisteredEvent event) {
        streamId = Streams.employer(event.employerId());
        registered = true;
    }

    @EventSourcingHandler
    void on(StoreRegisteredEvent event) {
        storeIds.add(event.storeId());
    }
}
