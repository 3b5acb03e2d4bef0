package org.convergence.contracts.accompaniment;

import org.convergence.contracts.EventCatalog;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.Topics;

import static org.convergence.contracts.IntegrationEventType.Scope.CHANTIER;

/**
 * The integration events published by the accompaniment service on {@link Topics#ACCOMPANIMENT}. A pathway's facts
 * are keyed by the participant, like enrolment's pathway facts, so a participant's facts keep their order; support
 * sessions, facts of a chantier, by the chantier. Health is special-category data (GDPR art. 9): categories, statuses and dates only.
 */
@EventCatalog(topic = Topics.ACCOMPANIMENT)
public final class AccompanimentEvents {

    public static final IntegrationEventType<AssessmentRecordedV1> ASSESSMENT_RECORDED =
            new IntegrationEventType<>("assessment.recorded", 1, AssessmentRecordedV1.class,
                    "participantId", CHANTIER);
    public static final IntegrationEventType<BarrierStatusChangedV1> BARRIER_STATUS_CHANGED =
            new IntegrationEventType<>("barrier.status-changed", 1, BarrierStatusChangedV1.class,
                    "participantId", CHANTIER);
    public static final IntegrationEventType<HealthRightsOpenedV1> HEALTH_RIGHTS_OPENED =
            new IntegrationEventType<>("health-rights.opened", 1, HealthRightsOpenedV1.class,
                    "participantId", CHANTIER);
    public static final IntegrationEventType<ReferralSentV1> REFERRAL_SENT =
            new IntegrationEventType<>("referral.sent", 1, ReferralSentV1.class, "participantId", CHANTIER);
    public static final IntegrationEventType<ReferralStatusChangedV1> REFERRAL_STATUS_CHANGED =
            new IntegrationEventType<>("referral.status-changed", 1, ReferralStatusChangedV1.class,
                    "participantId", CHANTIER);
    public static final IntegrationEventType<SupportSessionHeldV1> SUPPORT_SESSION_HELD =
            new IntegrationEventType<>("support-session.held", 1, SupportSessionHeldV1.class, "chantierId", CHANTIER);

    private AccompanimentEvents() {
    }
}
