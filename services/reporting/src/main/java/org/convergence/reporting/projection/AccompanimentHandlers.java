package org.convergence.reporting.projection;

import org.bson.Document;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.accompaniment.AccompanimentEvents;
import org.convergence.contracts.accompaniment.AssessmentRecordedV1;
import org.convergence.contracts.accompaniment.BarrierStatusChangedV1;
import org.convergence.contracts.accompaniment.HealthRightsOpenedV1;
import org.convergence.contracts.accompaniment.ReferralSentV1;
import org.convergence.contracts.accompaniment.ReferralStatusChangedV1;
import org.convergence.contracts.accompaniment.SupportSessionHeldV1;
import org.convergence.platform.messaging.Fact;
import org.convergence.platform.messaging.FactHandler;
import org.convergence.platform.messaging.HandlerSet;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.projection.FieldNames;
import org.convergence.platform.projection.ProjectionBatch;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What reporting keeps of {@code convergence.accompaniment.v1} for the housing and health figures: per pathway, in
 * its chantier's accompaniment roster (same buckets as the chantier roster), the barriers identified at entry, the
 * housing barrier's dated status changes, and the health-rights openings' dates, and its summary filed with the
 * participant for the figure counters (ADR 0034); for the referral and support figures, per referral its partner
 * kind, date sent and status, per session its kind, date and participant count (entries {@code referrals.<id>} and
 * {@code sessions.<id>} of the chantier's activity buckets, apart from the pathways'). Only categories, statuses and
 * dates exist on the topic; nothing else is kept. Each fact marks its own pathway entry, so a repeated fact changes
 * nothing; a pathway's facts share the participant's key and arrive in order.
 */
final class AccompanimentHandlers {

    static final String HOUSING = "HOUSING";

    private final ReportingModel model;
    private final FigureCounters counters;

    AccompanimentHandlers(ReportingModel model) {
        this.model = model;
        this.counters = new FigureCounters(model);
    }

    HandlerSet<ProjectionBatch> handlers() {
        return HandlerSet.<ProjectionBatch>forTopic(Topics.ACCOMPANIMENT)
                .on(AccompanimentEvents.ASSESSMENT_RECORDED,
                        pathwayPrefetch(AssessmentRecordedV1::pathwayId, AssessmentRecordedV1::participantId),
                        this::assessed)
                .on(AccompanimentEvents.BARRIER_STATUS_CHANGED,
                        pathwayPrefetch(BarrierStatusChangedV1::pathwayId, BarrierStatusChangedV1::participantId),
                        this::barrierChanged)
                .on(AccompanimentEvents.HEALTH_RIGHTS_OPENED,
                        pathwayPrefetch(HealthRightsOpenedV1::pathwayId, HealthRightsOpenedV1::participantId),
                        this::healthRightsOpened)
                .on(AccompanimentEvents.REFERRAL_SENT, activityPrefetch(ReferralSentV1::referralId),
                        this::referralSent)
                .on(AccompanimentEvents.REFERRAL_STATUS_CHANGED, activityPrefetch(ReferralStatusChangedV1::referralId),
                        this::referralChanged)
                .on(AccompanimentEvents.SUPPORT_SESSION_HELD, activityPrefetch(SupportSessionHeldV1::sessionId),
                        this::sessionHeld)
                .build();
    }

    private void assessed(Fact<AssessmentRecordedV1> fact, ProjectionBatch batch) {
        AssessmentRecordedV1 e = fact.payload();
        pathway(fact, e.pathwayId(), e.participantId(), batch, entry -> {
            entry.set("assessedOn", e.assessedOn().toString()).set("housingAtEntry", e.housingAtEntry())
                    .set("barriersAtEntry", e.barriers());
            if (e.barriers().contains(HOUSING)) {
                entry.addToList("housing", change(fact, e.assessedOn().toString(), "IDENTIFIED"));
            }
        });
    }

    /** Only the housing barrier's history feeds a figure; other barriers' facts are marked and kept nowhere. */
    private void barrierChanged(Fact<BarrierStatusChangedV1> fact, ProjectionBatch batch) {
        BarrierStatusChangedV1 e = fact.payload();
        pathway(fact, e.pathwayId(), e.participantId(), batch, entry -> {
            if (HOUSING.equals(e.category())) {
                entry.addToList("housing", change(fact, e.changedOn().toString(), e.status()));
            }
        });
    }

    private void healthRightsOpened(Fact<HealthRightsOpenedV1> fact, ProjectionBatch batch) {
        HealthRightsOpenedV1 e = fact.payload();
        pathway(fact, e.pathwayId(), e.participantId(), batch, entry -> entry.addToList("healthRights",
                new Document("on", e.openedOn().toString()).append("kind", e.kind()).append("event", fact.eventId())));
    }

    /** A referral, in its chantier's roster bucket beside the pathways: partner kind, date sent, status. */
    private void referralSent(Fact<ReferralSentV1> fact, ProjectionBatch batch) {
        ReferralSentV1 e = fact.payload();
        activity(fact, "referrals", e.referralId(), batch, entry -> entry.set("partnerKind", e.partnerKind())
                .set("sentOn", e.sentOn().toString()).set("status", "SENT"));
    }

    /** A referral's facts come in order (one participant's key): the last one applied is its status. */
    private void referralChanged(Fact<ReferralStatusChangedV1> fact, ProjectionBatch batch) {
        ReferralStatusChangedV1 e = fact.payload();
        activity(fact, "referrals", e.referralId(), batch, entry -> entry.set("partnerKind", e.partnerKind())
                .set("status", e.status()));
    }

    private void sessionHeld(Fact<SupportSessionHeldV1> fact, ProjectionBatch batch) {
        SupportSessionHeldV1 e = fact.payload();
        activity(fact, "sessions", e.sessionId(), batch, entry -> entry.set("kind", e.kind())
                .set("heldOn", e.heldOn().toString()).set("participants", e.participants()));
    }

    private void activity(Fact<?> fact, String field, String id, ProjectionBatch batch,
                          Consumer<ProjectionBatch.Unit> effect) {
        if (fact.chantierId() == null) {
            throw new RejectedEventException(fact.envelope().type() + " without chantierId in its envelope");
        }
        String chantierId = FieldNames.requireKey(fact.chantierId(), "chantierId");
        String key = FieldNames.requireKey(id, field);
        batch.entry(model.accompanimentRoster(), ReportingModel.activityBucketOf(chantierId, key), field, key)
                .applyOnce(fact.eventId(), effect);
    }

    /** A dated status, with its event id: the same status twice on one day stays two changes. */
    private static Document change(Fact<?> fact, String on, String status) {
        return new Document("on", on).append("status", status).append("event", fact.eventId());
    }

    private void pathway(Fact<?> fact, String pathwayId, String participantId, ProjectionBatch batch,
                         Consumer<ProjectionBatch.Unit> effect) {
        if (fact.territoryId() == null || fact.chantierId() == null) {
            throw new RejectedEventException(fact.envelope().type() + " without territoryId and chantierId in its "
                    + "envelope");
        }
        String chantierId = FieldNames.requireKey(fact.chantierId(), "chantierId");
        String territoryId = FieldNames.requireKey(fact.territoryId(), "territoryId");
        String id = FieldNames.requireKey(pathwayId, "pathwayId");
        FieldNames.requireKey(participantId, "participantId");
        batch.entry(model.accompanimentRoster(), ReportingModel.rosterBucketOf(chantierId, id), "pathways", id)
                .applyOnce(fact.eventId(), entry -> {
                    entry.set("participantId", participantId);
                    effect.accept(entry);
                    // The housing and health counters (ADR 0034), inside the entry's apply-once.
                    counters.accompanimentChanged(batch, participantId, id, territoryId, entry);
                });
    }

    /** A pathway's fact reads its roster bucket and its participant's document (for the figure counters). */
    private <P extends IntegrationPayload> FactHandler<P, ProjectionBatch> pathwayPrefetch(
            Function<P, String> pathwayId, Function<P, String> participantId) {
        FactHandler<P, ProjectionBatch> bucket = prefetch(pathwayId);
        return (fact, batch) -> {
            bucket.handle(fact, batch);
            String participant = participantId.apply(fact.payload());
            if (participant != null && !participant.isBlank() && participant.length() <= 200) {
                counters.prefetch(batch, participant, null);
            }
        };
    }

    /** Reads the activity bucket of a referral or session for the whole batch. */
    private <P extends IntegrationPayload> FactHandler<P, ProjectionBatch> activityPrefetch(
            Function<P, String> entryId) {
        return (fact, batch) -> {
            String id = entryId.apply(fact.payload());
            if (fact.chantierId() != null && id != null && id.length() <= 200) {
                batch.prefetch(model.accompanimentRoster(), ReportingModel.activityBucketOf(fact.chantierId(), id));
            }
        };
    }

    /** Reads the roster bucket of a pathway's entry for the whole batch. */
    private <P extends IntegrationPayload> FactHandler<P, ProjectionBatch> prefetch(Function<P, String> entryId) {
        return (fact, batch) -> {
            String id = entryId.apply(fact.payload());
            if (fact.chantierId() != null && id != null && id.length() <= 200) {
                batch.prefetch(model.accompanimentRoster(), ReportingModel.rosterBucketOf(fact.chantierId(), id));
            }
        };
    }
}
