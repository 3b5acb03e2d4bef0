package org.convergence.enrolment.query;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.enrolment.domain.ChantierMessages.ChantierRegisteredEvent;
import org.convergence.enrolment.domain.ChantierMessages.ProgramStartedEvent;
import org.convergence.enrolment.domain.ProgramStart;
import org.convergence.enrolment.domain.ParticipantMessages.IdentityErasedEvent;
import org.convergence.enrolment.domain.ParticipantMessages.IdentityRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.EntryDateCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ExitCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ParticipantEnrolledEvent;
import org.convergence.enrolment.domain.PathwayMessages.PathwayExitRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.PromotedToConvergenceEvent;
import org.convergence.enrolment.domain.Streams;
import org.convergence.enrolment.domain.TerritoryMessages.CoordinationDesignatedEvent;
import org.convergence.enrolment.domain.TerritoryMessages.ProgramStatusChangedEvent;
import org.convergence.enrolment.domain.TerritoryMessages.SteeringCommitteeHeldEvent;
import org.convergence.enrolment.domain.TerritoryMessages.TerritoryRegisteredEvent;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.eventstore.MongoEventStore;

import java.util.List;
import java.util.Optional;

/**
 * Reads one territory, chantier or pathway by folding its own event stream: a few {@code _id} lookups,
 * always consistent with the last accepted command, and no projection to keep in step.
 */
@ApplicationScoped
public class EnrolmentReads {

    /** The recorder of an exit caused by a completed employer transition: {@code transition:<transitionId>}. */
    public static final String TRANSITION_ACTOR = "transition:";

    private final MongoEventStore store;

    public EnrolmentReads(MongoEventStore store) {
        this.store = store;
    }

    public Optional<TerritoryView> territory(String territoryId) {
        TerritoryView view = null;
        for (DomainEventMessage<?> event : store.eventsOf(Streams.territory(territoryId), 0)) {
            Object payload = event.getPayload();
            if (payload instanceof TerritoryRegisteredEvent e) {
                view = TerritoryView.registered(e.territoryId(), e.name(), e.densityKind());
            } else if (payload instanceof ProgramStatusChangedEvent e && view != null) {
                view = view.withProgramStatus(e.program(), e.status(), e.effectiveOn());
            } else if (payload instanceof CoordinationDesignatedEvent e && view != null) {
                view = view.withCoordination(e.structureName());
            } else if (payload instanceof SteeringCommitteeHeldEvent e && view != null) {
                view = view.withSteeringCommittee(e.heldOn());
            }
        }
        return Optional.ofNullable(view);
    }

    public Optional<ChantierView> chantier(String chantierId) {
        ChantierView view = null;
        for (DomainEventMessage<?> event : store.eventsOf(Streams.chantier(chantierId), 0)) {
            if (event.getPayload() instanceof ChantierRegisteredEvent e) {
                view = new ChantierView(e.chantierId(), e.territoryId(), e.name(), e.programs());
            } else if (event.getPayload() instanceof ProgramStartedEvent e && view != null) {
                view = view.carrying(new ProgramStart(e.program(), e.since()));
            }
        }
        return Optional.ofNullable(view);
    }

    public Optional<ParticipantRecord> participant(String participantId) {
        ParticipantRecord record = null;
        for (DomainEventMessage<?> event : store.eventsOf(Streams.participant(participantId), 0)) {
            if (event.getPayload() instanceof IdentityRecordedEvent e) {
                record = new ParticipantRecord(e.participantId(), e.territoryId(), e.chantierId(), e.sealedIdentity(),
                        false);
            } else if (event.getPayload() instanceof IdentityErasedEvent && record != null) {
                record = new ParticipantRecord(record.participantId(), record.territoryId(), record.chantierId(),
                        record.sealedIdentity(), true);
            }
        }
        return Optional.ofNullable(record);
    }

    public Optional<PathwayView> pathway(String pathwayId) {
        return pathwayOf(store.eventsOf(Streams.pathway(pathwayId), 0));
    }

    /** A pathway folded from its stream's events, for callers that read the stream for more than its state. */
    public static Optional<PathwayView> pathwayOf(List<DomainEventMessage<?>> events) {
        PathwayView view = null;
        for (DomainEventMessage<?> event : events) {
            Object payload = event.getPayload();
            if (payload instanceof ParticipantEnrolledEvent e) {
                view = PathwayView.enrolled(e.pathwayId(), e.participantId(), e.program(), e.territoryId(),
                        e.chantierId(), e.entryDate(), e.promotedFrom());
            } else if (payload instanceof PathwayExitRecordedEvent e && view != null) {
                view = view.exited(e.exitDate(), e.category(), e.housingAtExit());
                String recordedBy = String.valueOf(event.getMetaData().get(RecordedBy.KEY));
                if (recordedBy.startsWith(TRANSITION_ACTOR)) {
                    view = view.exitedThroughTransition(recordedBy.substring(TRANSITION_ACTOR.length()));
                }
            } else if (payload instanceof ExitCorrectedEvent e && view != null) {
                view = view.exited(e.exitDate(), e.category(), e.housingAtExit());
            } else if (payload instanceof EntryDateCorrectedEvent e && view != null) {
                view = view.entryCorrected(e.entryDate());
            } else if (payload instanceof PromotedToConvergenceEvent e && view != null) {
                view = view.promoted(e.promotionDate(), e.convergencePathwayId());
            }
        }
        return Optional.ofNullable(view);
    }
}
