package org.convergence.accompaniment.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.convergence.accompaniment.domain.PartnerMessages.PartnerRegisteredEvent;
import org.convergence.accompaniment.domain.PartnerMessages.RegisterPartnerCommand;
import org.convergence.platform.domain.RuleViolationException;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A territory's partners: CPAM contacts, social landlords, psychologists… each registered once, with its kind. */
public class PartnerDirectory {

    @AggregateIdentifier
    private String streamId;
    private final Set<String> partnerIds = new HashSet<>();

    protected PartnerDirectory() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterPartnerCommand command) {
        if (partnerIds.contains(command.partnerId())) {
            throw new RuleViolationException("PARTNER_ALREADY_REGISTERED", "Partner " + command.partnerId()
                    + " is already in the directory of " + command.territoryId());
        }
        apply(new PartnerRegisteredEvent(command.territoryId(), command.partnerId(), command.name(), command.kind()));
    }

    @EventSourcingHandler
    void on(PartnerRegisteredEvent event) {
        streamId = Streams.partners(event.territoryId());
        partnerIds.add(event.partnerId());
    }
}
