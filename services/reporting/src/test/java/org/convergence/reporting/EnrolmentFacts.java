package org.convergence.reporting;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.enrolment.ChantierRegisteredV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.embedded.ConvergenceStack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes enrolment integration events of one territory to the real broker, as the enrolment service would. */
final class EnrolmentFacts implements AutoCloseable {

    private final IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all());
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConvergenceStack.kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());
    private final String territory;

    EnrolmentFacts(String territory) {
        this.territory = territory;
        publish(EnrolmentEvents.TERRITORY_REGISTERED, new TerritoryRegisteredV1(territory, territory, "URBAN"),
                LocalDate.of(2015, 1, 1), territory, null);
    }

    void chantier(String chantierId, String program, LocalDate since) {
        publish(EnrolmentEvents.CHANTIER_REGISTERED, new ChantierRegisteredV1(chantierId, territory, chantierId,
                List.of(new ChantierRegisteredV1.ProgramCarried(program, since))), since, territory, chantierId);
    }

    void enrol(String participantId, String pathwayId, String program, String chantierId, LocalDate entryDate) {
        publish(EnrolmentEvents.PARTICIPANT_ENROLLED, new ParticipantEnrolledV1(pathwayId, participantId, program,
                territory, chantierId, entryDate, null), entryDate, participantId, chantierId);
    }

    void exit(String participantId, String pathwayId, String program, String chantierId, LocalDate exitDate) {
        publish(EnrolmentEvents.PATHWAY_EXIT_RECORDED, new PathwayExitRecordedV1(pathwayId, participantId, program,
                exitDate, "OTHER", null), exitDate, participantId, chantierId);
    }

    <P extends IntegrationPayload> EventEnvelope publish(IntegrationEventType<P> type, P payload,
                                                        LocalDate occurredOn, String key, String chantierId) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), type.name(), type.version(),
                occurredOn, Instant.now(), key, territory, chantierId, codec.toJson(payload));
        producer.send(new ProducerRecord<>(Topics.ENROLMENT, envelope.key(), codec.encode(envelope)));
        producer.flush();
        return envelope;
    }

    @Override
    public void close() {
        producer.close();
    }
}
