package org.convergence.enrolment.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.convergence.enrolment.domain.ParticipantMessages.EraseIdentityCommand;
import org.convergence.enrolment.domain.ParticipantMessages.IdentityErasedEvent;
import org.convergence.enrolment.domain.ParticipantMessages.IdentityRecordedEvent;
import org.convergence.enrolment.domain.ParticipantMessages.RecordIdentityCommand;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The person behind a pseudonymous participant id, as far as accompaniment needs: a sealed identity, and
 * whether it was erased at their request. Pathways refer to the participant by id only.
 */
public class Participant {

    @AggregateIdentifier
    private String streamId;
    private String participantId;
    private boolean erased;

    protected Participant() {
        // for Axon
    }

    @CommandHandler
    public Participant(RecordIdentityCommand command) {
        apply(new IdentityRecordedEvent(command.participantId(), command.territoryId(), command.chantierId(),
                command.sealedIdentity()));
    }

    @CommandHandler
    void handle(EraseIdentityCommand command) {
        if (!erased) {
            apply(new IdentityErasedEvent(participantId));
        }
    }

    @EventSourcingHandler
    void on(IdentityRecordedEvent event) {
        this.streamId = Streams.participant(event.participantId());
        this.participantId = event.participantId();
    }

    @EventSourcingHandler
    void on(IdentityErasedEvent event) {
        this.erased = true;
    }
}
