package org.convergence.contracts.transitions;

import org.convergence.contracts.EventCatalog;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.Topics;

import static org.convergence.contracts.IntegrationEventType.Scope.CHANTIER;

/**
 * The integration events published by the employer transitions service on {@link Topics#TRANSITIONS}: a Convergence
 * participant's progressive move from the chantier to an employer's store. Keyed by the pathway, so a pathway's
 * transition facts keep their order; the envelope names the pathway's chantier and territory. Weekly hours are whole
 * hours a week, as {@code hours.contracted-decided}'s {@code weeklyHours} (a schedule, not time worked in minutes).
 */
@EventCatalog(topic = Topics.TRANSITIONS)
public final class TransitionEvents {

    public static final IntegrationEventType<TransitionStartedV1> TRANSITION_STARTED =
            new IntegrationEventType<>("transition.started", 1, TransitionStartedV1.class, "pathwayId", CHANTIER);
    public static final IntegrationEventType<TransitionSteppedV1> TRANSITION_STEPPED =
            new IntegrationEventType<>("transition.stepped", 1, TransitionSteppedV1.class, "pathwayId", CHANTIER);
    public static final IntegrationEventType<TransitionMeetingHeldV1> TRANSITION_MEETING_HELD =
            new IntegrationEventType<>("transition.meeting-held", 1, TransitionMeetingHeldV1.class, "pathwayId",
                    CHANTIER);
    public static final IntegrationEventType<TransitionCompletedV1> TRANSITION_COMPLETED =
            new IntegrationEventType<>("transition.completed", 1, TransitionCompletedV1.class, "pathwayId",
                    CHANTIER);
    public static final IntegrationEventType<TransitionInterruptedV1> TRANSITION_INTERRUPTED =
            new IntegrationEventType<>("transition.interrupted", 1, TransitionInterruptedV1.class, "pathwayId",
                    CHANTIER);
    public static final IntegrationEventType<TransitionAbandonedV1> TRANSITION_ABANDONED =
            new IntegrationEventType<>("transition.abandoned", 1, TransitionAbandonedV1.class, "pathwayId",
                    CHANTIER);

    private TransitionEvents() {
    }
}
