package org.convergence.enrolment.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.Topics;
import org.convergence.contracts.enrolment.ChantierProgramStartedV1;
import org.convergence.contracts.enrolment.ChantierRegisteredV1;
import org.convergence.contracts.enrolment.CoordinationDesignatedV1;
import org.convergence.contracts.enrolment.ProgramStatusChangedV1;
import org.convergence.contracts.enrolment.SteeringCommitteeHeldV1;
import org.convergence.contracts.enrolment.CheckInRecordedV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.EntryDateCorrectedV1;
import org.convergence.contracts.enrolment.ExitCorrectedV1;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.convergence.contracts.enrolment.PathwayPromotedV1;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.enrolment.domain.ChantierMessages.ChantierRegisteredEvent;
import org.convergence.enrolment.domain.ChantierMessages.ProgramStartedEvent;
import org.convergence.enrolment.domain.PathwayMessages.CheckInRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.EntryDateCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ExitCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ParticipantEnrolledEvent;
import org.convergence.enrolment.domain.PathwayMessages.PathwayExitRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.PromotedToConvergenceEvent;
import org.convergence.enrolment.domain.TerritoryMessages.CoordinationDesignatedEvent;
import org.convergence.enrolment.domain.TerritoryMessages.ProgramStatusChangedEvent;
import org.convergence.enrolment.domain.TerritoryMessages.SteeringCommitteeHeldEvent;
import org.convergence.enrolment.domain.TerritoryMessages.TerritoryRegisteredEvent;
import org.convergence.platform.relay.Envelopes;
import org.convergence.platform.relay.IntegrationEventTranslator;
import org.convergence.platform.relay.OutgoingEvent;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * What the enrolment context's domain events mean for other services. Pathway facts are keyed by the
 * participant's pseudonymous id so that each participant's events keep their order; structure facts by
 * territory.
 */
@ApplicationScoped
public class EnrolmentEventTranslator implements IntegrationEventTranslator {

    private final Envelopes envelopes;

    public EnrolmentEventTranslator(IntegrationEventCodec codec) {
        this.envelopes = new Envelopes(codec);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.ENROLMENT);
    }

    @Override
    public List<OutgoingEvent> translate(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof TerritoryRegisteredEvent e) {
            return publish(envelopes.of(message, EnrolmentEvents.TERRITORY_REGISTERED,
                    new TerritoryRegisteredV1(e.territoryId(), e.name(), e.densityKind().name()),
                    message.getTimestamp().atZone(ZoneOffset.UTC).toLocalDate(),
                    e.territoryId(), e.territoryId(), null));
        }
        if (payload instanceof ChantierRegisteredEvent e) {
            return publish(envelopes.of(message, EnrolmentEvents.CHANTIER_REGISTERED,
                    new ChantierRegisteredV1(e.chantierId(), e.territoryId(), e.name(), e.programs().stream()
                            .map(p -> new ChantierRegisteredV1.ProgramCarried(p.program(), p.since())).toList()),
                    message.getTimestamp().atZone(ZoneOffset.UTC).toLocalDate(),
                    e.territoryId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof ProgramStatusChangedEvent e) {
            return publish(envelopes.of(message, EnrolmentEvents.PROGRAM_STATUS_CHANGED,
                    new ProgramStatusChangedV1(e.territoryId(), e.program(), e.status().name(), e.effectiveOn()),
                    e.effectiveOn(), e.territoryId(), e.territoryId(), null));
        }
        if (payload instanceof CoordinationDesignatedEvent e) {
            return publish(envelopes.of(message, EnrolmentEvents.COORDINATION_DESIGNATED,
                    new CoordinationDesignatedV1(e.territoryId(), e.structureName(), e.since()),
                    e.since(), e.territoryId(), e.territoryId(), null));
        }
        if (payload instanceof SteeringCommitteeHeldEvent e) {
            return publish(envelopes.of(message, EnrolmentEvents.STEERING_COMMITTEE_HELD,
                    new SteeringCommitteeHeldV1(e.territoryId(), e.heldOn()),
                    e.heldOn(), e.territoryId(), e.territoryId(), null));
        }
        if (payload instanceof ProgramStartedEvent e) {
            return publish(envelopes.of(message, EnrolmentEvents.CHANTIER_PROGRAM_STARTED,
                    new ChantierProgramStartedV1(e.chantierId(), e.territoryId(), e.program(), e.since()),
                    e.since(), e.territoryId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof ParticipantEnrolledEvent e) {
            return publish(envelopes.of(message, EnrolmentEvents.PARTICIPANT_ENROLLED,
                    new ParticipantEnrolledV1(e.pathwayId(), e.participantId(), e.program(), e.territoryId(),
                            e.chantierId(), e.entryDate(), e.promotedFrom()),
                    e.entryDate(), e.participantId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof PathwayExitRecordedEvent e) {
            return publish(envelopes.of(message, EnrolmentEvents.PATHWAY_EXIT_RECORDED,
                    new PathwayExitRecordedV1(e.pathwayId(), e.participantId(), e.program(), e.exitDate(),
                            e.category() == null ? null : e.category().name(),
                            e.housingAtExit() == null ? null : e.housingAtExit().name()),
                    e.exitDate(), e.participantId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof CheckInRecordedEvent e) {
            return publish(envelopes.of(message, EnrolmentEvents.CHECK_IN_RECORDED,
                    new CheckInRecordedV1(e.pathwayId(), e.participantId(), e.milestoneMonths(), e.checkInDate(),
                            e.employmentStatus().name(), e.housingSituation().name()),
                    e.checkInDate(), e.participantId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof EntryDateCorrectedEvent e) {
            return publish(envelopes.of(message, EnrolmentEvents.ENTRY_DATE_CORRECTED,
                    new EntryDateCorrectedV1(e.pathwayId(), e.participantId(), e.previousEntryDate(), e.entryDate()),
                    e.entryDate(), e.participantId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof ExitCorrectedEvent e) {
            return publish(envelopes.of(message, EnrolmentEvents.EXIT_CORRECTED,
                    new ExitCorrectedV1(e.pathwayId(), e.participantId(), e.program(), e.exitDate(),
                            e.category().name(), e.housingAtExit() == null ? null : e.housingAtExit().name()),
                    e.exitDate(), e.participantId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof PromotedToConvergenceEvent e) {
            return publish(envelopes.of(message, EnrolmentEvents.PATHWAY_PROMOTED,
                    new PathwayPromotedV1(e.pathwayId(), e.participantId(), e.convergencePathwayId(),
                            e.promotionDate()),
                    e.promotionDate(), e.participantId(), e.territoryId(), e.chantierId()));
        }
        return List.of();
    }

    private static List<OutgoingEvent> publish(EventEnvelope envelope) {
        return List.of(new OutgoingEvent(Topics.ENROLMENT, envelope));
    }
}
