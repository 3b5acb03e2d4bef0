package org.convergence.reporting.projection;

import org.bson.Document;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.transitions.TransitionAbandonedV1;
import org.convergence.contracts.transitions.TransitionCompletedV1;
import org.convergence.contracts.transitions.TransitionEvents;
import org.convergence.contracts.transitions.TransitionInterruptedV1;
import org.convergence.contracts.transitions.TransitionMeetingHeldV1;
import org.convergence.contracts.transitions.TransitionStartedV1;
import org.convergence.contracts.transitions.TransitionSteppedV1;
import org.convergence.platform.messaging.Fact;
import org.convergence.platform.messaging.FactHandler;
import org.convergence.platform.messaging.HandlerSet;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.projection.FieldNames;
import org.convergence.platform.projection.ProjectionBatch;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What reporting keeps of {@code convergence.transitions.v1} for the transitions figures and the meeting alert list:
 * per transition, in its chantier's transition roster (buckets like the chantier roster's, keyed by transition), the
 * pseudonymous ids, the start, each dated schedule (store hours from a day on), each meeting's date, and the outcome
 * with its date. Each fact marks its own transition entry, so a repeated fact changes nothing; a transition's facts
 * share the pathway's key and arrive in order, but each sets only its own fields, so any order gives one entry.
 */
final class TransitionHandlers {

    static final String COMPLETED = "COMPLETED";
    static final String INTERRUPTED = "INTERRUPTED";
    static final String ABANDONED = "ABANDONED";

    private final ReportingModel model;

    TransitionHandlers(ReportingModel model) {
        this.model = model;
    }

    HandlerSet<ProjectionBatch> handlers() {
        return HandlerSet.<ProjectionBatch>forTopic(Topics.TRANSITIONS)
                .on(TransitionEvents.TRANSITION_STARTED, prefetch(TransitionStartedV1::transitionId), this::started)
                .on(TransitionEvents.TRANSITION_STEPPED, prefetch(TransitionSteppedV1::transitionId), this::stepped)
                .on(TransitionEvents.TRANSITION_MEETING_HELD, prefetch(TransitionMeetingHeldV1::transitionId),
                        this::meetingHeld)
                .on(TransitionEvents.TRANSITION_COMPLETED, prefetch(TransitionCompletedV1::transitionId),
                        (fact, batch) -> ended(fact, fact.payload().transitionId(), fact.payload().pathwayId(),
                                COMPLETED, fact.payload().completedOn(), batch))
                .on(TransitionEvents.TRANSITION_INTERRUPTED, prefetch(TransitionInterruptedV1::transitionId),
                        (fact, batch) -> ended(fact, fact.payload().transitionId(), fact.payload().pathwayId(),
                                INTERRUPTED, fact.payload().interruptedOn(), batch))
                .on(TransitionEvents.TRANSITION_ABANDONED, prefetch(TransitionAbandonedV1::transitionId),
                        (fact, batch) -> ended(fact, fact.payload().transitionId(), fact.payload().pathwayId(),
                                ABANDONED, fact.payload().abandonedOn(), batch))
                .build();
    }

    private void started(Fact<TransitionStartedV1> fact, ProjectionBatch batch) {
        TransitionStartedV1 e = fact.payload();
        transition(fact, e.transitionId(), e.pathwayId(), batch, entry -> entry
                .set("participantId", FieldNames.requireKey(e.participantId(), "participantId"))
                .set("employerId", e.employerId()).set("storeId", e.storeId())
                .set("startedOn", e.startedOn().toString())
                .addToList("schedules", schedule(fact, e.startedOn(), e.storeHours())));
    }

    private void stepped(Fact<TransitionSteppedV1> fact, ProjectionBatch batch) {
        TransitionSteppedV1 e = fact.payload();
        transition(fact, e.transitionId(), e.pathwayId(), batch,
                entry -> entry.addToList("schedules", schedule(fact, e.steppedOn(), e.storeHours())));
    }

    private void meetingHeld(Fact<TransitionMeetingHeldV1> fact, ProjectionBatch batch) {
        TransitionMeetingHeldV1 e = fact.payload();
        transition(fact, e.transitionId(), e.pathwayId(), batch, entry -> entry.addToList("meetings",
                new Document("on", e.heldOn().toString()).append("event", fact.eventId())));
    }

    private void ended(Fact<?> fact, String transitionId, String pathwayId, String outcome, LocalDate on,
                       ProjectionBatch batch) {
        transition(fact, transitionId, pathwayId, batch,
                entry -> entry.set("outcome", outcome).set("endedOn", on.toString()));
    }

    /** A dated schedule, with its event id: two steps on one day stay two facts. */
    private static Document schedule(Fact<?> fact, LocalDate from, int storeHours) {
        return new Document("from", from.toString()).append("storeHours", storeHours).append("event", fact.eventId());
    }

    private void transition(Fact<?> fact, String transitionId, String pathwayId, ProjectionBatch batch,
                            Consumer<ProjectionBatch.Unit> effect) {
        if (fact.territoryId() == null || fact.chantierId() == null) {
            throw new RejectedEventException(fact.envelope().type() + " without territoryId and chantierId in its "
                    + "envelope");
        }
        String chantierId = FieldNames.requireKey(fact.chantierId(), "chantierId");
        String id = FieldNames.requireKey(transitionId, "transitionId");
        String pathway = FieldNames.requireKey(pathwayId, "pathwayId");
        batch.entry(model.transitionRoster(), ReportingModel.rosterBucketOf(chantierId, id), "transitions", id)
                .applyOnce(fact.eventId(), entry -> {
                    entry.set("pathwayId", pathway);
                    effect.accept(entry);
                });
    }

    private <P extends IntegrationPayload> FactHandler<P, ProjectionBatch> prefetch(
            Function<P, String> transitionId) {
        return (fact, batch) -> {
            String id = transitionId.apply(fact.payload());
            if (fact.chantierId() != null && id != null && id.length() <= 200) {
                batch.prefetch(model.transitionRoster(), ReportingModel.rosterBucketOf(fact.chantierId(), id));
            }
        };
    }
}
