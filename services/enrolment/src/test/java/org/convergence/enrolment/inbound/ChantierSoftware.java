package org.convergence.enrolment.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.testsupport.EventPublisher;
import org.convergence.testsupport.TopicReader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** A chantier's software as the tests play it: sends pathway facts of its chantier, reads the dead letters. */
final class ChantierSoftware implements AutoCloseable {

    private final EventPublisher publisher = new EventPublisher();
    private final String territoryId;
    private final String chantierId;

    ChantierSoftware(String territoryId, String chantierId) {
        this.territoryId = territoryId;
        this.chantierId = chantierId;
    }

    /** A new record about {@code pathwayId}, with a fresh sender id, sent; returns it (to send it again). */
    <P extends IntegrationPayload> EventEnvelope send(IntegrationEventType<P> type, String pathwayId, P payload,
                                                      LocalDate occurredOn) {
        return publisher.publish(Topics.CHANTIER_PATHWAYS, type, payload, occurredOn, pathwayId, territoryId,
                chantierId);
    }

    /** The same record again, as a vendor's retry sends it. */
    void resend(EventEnvelope record) {
        publisher.publish(Topics.CHANTIER_PATHWAYS, record);
    }

    void raw(String key, byte[] value) {
        publisher.raw(Topics.CHANTIER_PATHWAYS, key, value);
    }

    /** The dead letters under {@code key}, once {@code count} are there or the timeout passed. */
    static List<ConsumerRecord<String, byte[]>> deadLetters(String key, int count, Duration timeout) {
        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(),
                Topics.deadLetterOf(Topics.CHANTIER_PATHWAYS))) {
            return reader.readKey(key, count, timeout);
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
