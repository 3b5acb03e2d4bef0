package org.convergence.testsupport;

import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.enrolment.ChantierRegisteredV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;

import java.time.LocalDate;
import java.util.List;

/**
 * Publishes enrolment integration events of one territory to the test stack's broker, as the enrolment service
 * would: what every service that reads {@code convergence.enrolment.v1} needs in its tests.
 */
public final class EnrolmentFacts implements AutoCloseable {

    private final EventPublisher publisher = new EventPublisher();
    private final String territory;

    public EnrolmentFacts(String territory) {
        this.territory = territory;
        publish(EnrolmentEvents.TERRITORY_REGISTERED, new TerritoryRegisteredV1(territory, territory, "URBAN"),
                LocalDate.of(2015, 1, 1), territory, null);
    }

    public void chantier(String chantierId, String program, LocalDate since) {
        publish(EnrolmentEvents.CHANTIER_REGISTERED, new ChantierRegisteredV1(chantierId, territory, chantierId,
                List.of(new ChantierRegisteredV1.ProgramCarried(program, since))), since, territory, chantierId);
    }

    public void enrol(String participantId, String pathwayId, String program, String chantierId, LocalDate entryDate) {
        publish(EnrolmentEvents.PARTICIPANT_ENROLLED, new ParticipantEnrolledV1(pathwayId, participantId, program,
                territory, chantierId, entryDate, null), entryDate, participantId, chantierId);
    }

    public void exit(String participantId, String pathwayId, String program, String chantierId, LocalDate exitDate) {
        publish(EnrolmentEvents.PATHWAY_EXIT_RECORDED, new PathwayExitRecordedV1(pathwayId, participantId, program,
                exitDate, "OTHER", null), exitDate, participantId, chantierId);
    }

    public <P extends IntegrationPayload> EventEnvelope publish(IntegrationEventType<P> type, P payload,
                                                        LocalDate occurredOn, String key, String chantierId) {
        return publisher.publish(Topics.ENROLMENT, type, payload, occurredOn, key, territory, chantierId);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
