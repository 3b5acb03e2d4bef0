package org.convergence.accompaniment.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.convergence.accompaniment.domain.SupportSessionMessages.RecordSupportSessionCommand;
import org.convergence.accompaniment.domain.SupportSessionMessages.SupportSessionHeldEvent;
import org.convergence.platform.domain.RuleViolationException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The collective support sessions of one chantier, each recorded once, never dated ahead of today. */
public class SupportSessions {

    @AggregateIdentifier
    private String streamId;
    private final Set<String> sessionIds = new HashSet<>();

    protected SupportSessions() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordSupportSessionCommand command, Clock clock) {
        if (sessionIds.contains(command.sessionId())) {
            throw new RuleViolationException("SESSION_ALREADY_RECORDED", "Session " + command.sessionId()
                    + " is already recorded");
        }
        LocalDate today = LocalDate.now(clock);
        if (command.heldOn().isAfter(today)) {
            throw new RuleViolationException("DATE_IN_FUTURE", "The session date " + command.heldOn()
                    + " is after today, " + today);
        }
        apply(new SupportSessionHeldEvent(command.territoryId(), command.chantierId(), command.sessionId(),
                command.kind(), command.heldOn(), command.participants()));
    }

    @EventSourcingHandler
    void on(SupportSessionHeldEvent event) {
        streamId = Streams.supportSessions(event.chantierId());
        sessionIds.add(event.sessionId());
    }
}
