package org.convergence.transitions.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.Topics;
import org.convergence.contracts.transitions.TransitionAbandonedV1;
import org.convergence.contracts.transitions.TransitionCompletedV1;
import org.convergence.contracts.transitions.TransitionEvents;
import org.convergence.contracts.transitions.TransitionInterruptedV1;
import org.convergence.contracts.transitions.TransitionMeetingHeldV1;
import org.convergence.contracts.transitions.TransitionStartedV1;
import org.convergence.contracts.transitions.TransitionSteppedV1;
import org.convergence.platform.relay.Envelopes;
import org.convergence.platform.relay.IntegrationEventTranslator;
import org.convergence.platform.relay.OutgoingEvent;
import org.convergence.transitions.domain.Outcome;
import org.convergence.transitions.domain.TransitionMessages.MeetingHeldEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionCompletedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionEndedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionStartedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionSteppedEvent;

import java.util.List;
import java.util.Set;

/**
 * What the transitions context's facts mean for other services, on {@code convergence.transitions.v1}: keyed by the
 * pathway, with its chantier and territory in the envelope. Employers and stores stay inside this service.
 */
@ApplicationScoped
public class TransitionEventTranslator implements IntegrationEventTranslator {

    private final Envelopes envelopes;

    public TransitionEventTranslator(IntegrationEventCodec codec) {
        this.envelopes = new Envelopes(codec);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.TRANSITIONS);
    }

    @Override
    public List<OutgoingEvent> translate(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof TransitionStartedEvent e) {
            return publish(envelopes.of(message, TransitionEvents.TRANSITION_STARTED,
                    new TransitionStartedV1(e.transitionId(), e.pathwayId(), e.participantId(), e.employerId(),
                            e.storeId(), e.startedOn(), e.storeHours(), e.chantierHours()),
                    e.startedOn(), e.pathwayId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof TransitionSteppedEvent e) {
            return publish(envelopes.of(message, TransitionEvents.TRANSITION_STEPPED,
                    new TransitionSteppedV1(e.transitionId(), e.pathwayId(), e.participantId(), e.steppedOn(),
                            e.storeHours(), e.chantierHours()),
                    e.steppedOn(), e.pathwayId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof MeetingHeldEvent e) {
            return publish(envelopes.of(message, TransitionEvents.TRANSITION_MEETING_HELD,
                    new TransitionMeetingHeldV1(e.transitionId(), e.pathwayId(), e.heldOn()),
                    e.heldOn(), e.pathwayId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof TransitionCompletedEvent e) {
            return publish(envelopes.of(message, TransitionEvents.TRANSITION_COMPLETED,
                    new TransitionCompletedV1(e.transitionId(), e.pathwayId(), e.participantId(), e.employerId(),
                            e.storeId(), e.completedOn()),
                    e.completedOn(), e.pathwayId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof TransitionEndedEvent e && e.outcome() == Outcome.INTERRUPTED) {
            return publish(envelopes.of(message, TransitionEvents.TRANSITION_INTERRUPTED,
                    new TransitionInterruptedV1(e.transitionId(), e.pathwayId(), e.endedOn()),
                    e.endedOn(), e.pathwayId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof TransitionEndedEvent e && e.outcome() == Outcome.ABANDONED) {
            return publish(envelopes.of(message, TransitionEvents.TRANSITION_ABANDONED,
                    new TransitionAbandonedV1(e.transitionId(), e.pathwayId(), e.endedOn()),
                    e.endedOn(), e.pathwayId(), e.territoryId(), e.chantierId()));
        }
        return List.of();
    }

    private static List<OutgoingEvent> publish(EventEnvelope envelope) {
        return List.of(new OutgoingEvent(Topics.TRANSITIONS, envelope));
    }
}
