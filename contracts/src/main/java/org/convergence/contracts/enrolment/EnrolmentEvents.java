package org.convergence.contracts.enrolment;

import org.convergence.contracts.EventCatalog;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.Topics;

import static org.convergence.contracts.IntegrationEventType.Scope.CHANTIER;
import static org.convergence.contracts.IntegrationEventType.Scope.TERRITORY;

/**
 * The integration events published by the enrolment service on {@link Topics#ENROLMENT}. Structure facts are keyed
 * by territory (a chantier's facts share its territory's partition), pathway facts by participant.
 */
@EventCatalog(topic = Topics.ENROLMENT)
public final class EnrolmentEvents {

    public static final IntegrationEventType<TerritoryRegisteredV1> TERRITORY_REGISTERED =
            new IntegrationEventType<>("territory.registered", 1, TerritoryRegisteredV1.class,
                    "territoryId", TERRITORY);
    public static final IntegrationEventType<ChantierRegisteredV1> CHANTIER_REGISTERED =
            new IntegrationEventType<>("chantier.registered", 1, ChantierRegisteredV1.class,
                    "territoryId", CHANTIER);
    public static final IntegrationEventType<ProgramStatusChangedV1> PROGRAM_STATUS_CHANGED =
            new IntegrationEventType<>("territory.program-status-changed", 1, ProgramStatusChangedV1.class,
                    "territoryId", TERRITORY);
    public static final IntegrationEventType<CoordinationDesignatedV1> COORDINATION_DESIGNATED =
            new IntegrationEventType<>("territory.coordination-designated", 1, CoordinationDesignatedV1.class,
                    "territoryId", TERRITORY);
    public static final IntegrationEventType<SteeringCommitteeHeldV1> STEERING_COMMITTEE_HELD =
            new IntegrationEventType<>("territory.steering-committee-held", 1, SteeringCommitteeHeldV1.class,
                    "territoryId", TERRITORY);
    public static final IntegrationEventType<ChantierProgramStartedV1> CHANTIER_PROGRAM_STARTED =
            new IntegrationEventType<>("chantier.program-started", 1, ChantierProgramStartedV1.class,
                    "territoryId", CHANTIER);
    public static final IntegrationEventType<ParticipantEnrolledV1> PARTICIPANT_ENROLLED =
            new IntegrationEventType<>("pathway.enrolled", 1, ParticipantEnrolledV1.class,
                    "participantId", CHANTIER);
    public static final IntegrationEventType<PathwayExitRecordedV1> PATHWAY_EXIT_RECORDED =
            new IntegrationEventType<>("pathway.exit-recorded", 1, PathwayExitRecordedV1.class,
                    "participantId", CHANTIER);
    public static final IntegrationEventType<PathwayPromotedV1> PATHWAY_PROMOTED =
            new IntegrationEventType<>("pathway.promoted", 1, PathwayPromotedV1.class,
                    "participantId", CHANTIER);
    public static final IntegrationEventType<EntryDateCorrectedV1> ENTRY_DATE_CORRECTED =
            new IntegrationEventType<>("pathway.entry-corrected", 1, EntryDateCorrectedV1.class,
                    "participantId", CHANTIER);
    public static final IntegrationEventType<ExitCorrectedV1> EXIT_CORRECTED =
            new IntegrationEventType<>("pathway.exit-corrected", 1, ExitCorrectedV1.class,
                    "participantId", CHANTIER);
    public static final IntegrationEventType<CheckInRecordedV1> CHECK_IN_RECORDED =
            new IntegrationEventType<>("pathway.check-in-recorded", 1, CheckInRecordedV1.class,
                    "participantId", CHANTIER);

    private EnrolmentEvents() {
    }
}
