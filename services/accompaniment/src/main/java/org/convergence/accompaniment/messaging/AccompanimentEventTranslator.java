package org.convergence.accompaniment.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.accompaniment.domain.AccompanimentMessages.AssessmentRecordedEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.BarrierResolvedByReferralEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.BarrierStatusChangedEvent;
import org.convergence.accompaniment.domain.BarrierStatus;
import org.convergence.accompaniment.domain.AccompanimentMessages.HealthRightsOpenedEvent;
import org.convergence.accompaniment.domain.PartnerMessages.ReferralSentEvent;
import org.convergence.accompaniment.domain.PartnerMessages.ReferralStatusChangedEvent;
import org.convergence.accompaniment.domain.SupportSessionMessages.SupportSessionHeldEvent;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.Topics;
import org.convergence.contracts.accompaniment.AccompanimentEvents;
import org.convergence.contracts.accompaniment.AssessmentRecordedV1;
import org.convergence.contracts.accompaniment.BarrierStatusChangedV1;
import org.convergence.contracts.accompaniment.HealthRightsOpenedV1;
import org.convergence.contracts.accompaniment.ReferralSentV1;
import org.convergence.contracts.accompaniment.ReferralStatusChangedV1;
import org.convergence.contracts.accompaniment.SupportSessionHeldV1;
import org.convergence.platform.relay.Envelopes;
import org.convergence.platform.relay.IntegrationEventTranslator;
import org.convergence.platform.relay.OutgoingEvent;

import java.util.List;
import java.util.Set;

/**
 * What the accompaniment context's domain events mean for other services: a pathway's facts are keyed by the
 * participant's pseudonymous id so that a participant's facts keep their order; support sessions by chantier.
 */
@ApplicationScoped
public class AccompanimentEventTranslator implements IntegrationEventTranslator {

    private final Envelopes envelopes;

    public AccompanimentEventTranslator(IntegrationEventCodec codec) {
        this.envelopes = new Envelopes(codec);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.ACCOMPANIMENT);
    }

    @Override
    public List<OutgoingEvent> translate(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof AssessmentRecordedEvent e) {
            return publish(envelopes.of(message, AccompanimentEvents.ASSESSMENT_RECORDED,
                    new AssessmentRecordedV1(e.pathwayId(), e.participantId(), e.program(), e.assessedOn(),
                            e.housingAtEntry().name(), e.barriers().stream().map(Enum::name).toList()),
                    e.assessedOn(), e.participantId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof BarrierStatusChangedEvent e) {
            return publish(envelopes.of(message, AccompanimentEvents.BARRIER_STATUS_CHANGED,
                    new BarrierStatusChangedV1(e.pathwayId(), e.participantId(), e.category().name(),
                            e.status().name(), e.changedOn()),
                    e.changedOn(), e.participantId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof BarrierResolvedByReferralEvent e) {
            return publish(envelopes.of(message, AccompanimentEvents.BARRIER_STATUS_CHANGED,
                    new BarrierStatusChangedV1(e.pathwayId(), e.participantId(), e.category().name(),
                            BarrierStatus.RESOLVED.name(), e.changedOn()),
                    e.changedOn(), e.participantId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof HealthRightsOpenedEvent e) {
            return publish(envelopes.of(message, AccompanimentEvents.HEALTH_RIGHTS_OPENED,
                    new HealthRightsOpenedV1(e.pathwayId(), e.participantId(), e.kind().name(), e.openedOn()),
                    e.openedOn(), e.participantId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof ReferralSentEvent e) {
            return publish(envelopes.of(message, AccompanimentEvents.REFERRAL_SENT,
                    new ReferralSentV1(e.referralId(), e.pathwayId(), e.participantId(), e.partnerId(),
                            e.partnerKind().name(), e.category().name(), e.sentOn()),
                    e.sentOn(), e.participantId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof ReferralStatusChangedEvent e) {
            return publish(envelopes.of(message, AccompanimentEvents.REFERRAL_STATUS_CHANGED,
                    new ReferralStatusChangedV1(e.referralId(), e.pathwayId(), e.participantId(), e.partnerId(),
                            e.partnerKind().name(), e.category().name(), e.status().name(), e.on()),
                    e.on(), e.participantId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof SupportSessionHeldEvent e) {
            return publish(envelopes.of(message, AccompanimentEvents.SUPPORT_SESSION_HELD,
                    new SupportSessionHeldV1(e.sessionId(), e.territoryId(), e.chantierId(), e.kind().name(),
                            e.heldOn(), e.participants()),
                    e.heldOn(), e.chantierId(), e.territoryId(), e.chantierId()));
        }
        // Partner registrations stay in this service: the directory is not a fact other services need yet.
        return List.of();
    }

    private static List<OutgoingEvent> publish(EventEnvelope envelope) {
        return List.of(new OutgoingEvent(Topics.ACCOMPANIMENT, envelope));
    }
}
