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

/**
 * A chantier's software as the tests play it: sends pathway facts of its chantier on its chantier's own topic
 * (ADR 0021), reads the dead letters of that topic.
 */
final class ChantierSoftware implements AutoCloseable {

    private final EventPublisher publisher = new EventPublisher();
    private final String topic;
    private final String territoryId;
    private final String chantierId;

    ChantierSoftware(String territoryId, String chantierId) {
        this(Topics.chantierPathwaysOf(chantierId), territoryId, chantierId);
    }

    private ChantierSoftware(String topic, String territoryId, String chantierId) {
        this.topic = topic;
        this.territoryId = territoryId;
        this.chantierId = chantierId;
    }

    /**
     * The software of chantier {@code sender}, writing on its own topic (the only one its principal may write to)
     * records whose envelope names {@code namedChantier}: a forgery, a bug, a vendor mixing two chantiers up.
     */
    static ChantierSoftware ofChantierNaming(String sender, String territoryId, String namedChantier) {
        return new ChantierSoftware(Topics.chantierPathwaysOf(sender), territoryId, namedChantier);
    }

    /** A new record about {@code pathwayId}, with a fresh sender id, sent; returns it (to send it again). */
    <P extends IntegrationPayload> EventEnvelope send(IntegrationEventType<P> type, String pathwayId, P payload,
                                                      LocalDate occurredOn) {
        return publisher.publish(topic, type, payload, occurredOn, pathwayId, territoryId,
                chantierId);
    }

    /** The same record again, as a vendor's retry sends it. */
    void resend(EventEnvelope record) {
        publisher.publish(topic, record);
    }

    void raw(String key, byte[] value) {
        publisher.raw(topic, key, value);
    }

    /**
     * The dead letters under {@code key} on chantier {@code sender}'s own dead-letter topic, once {@code count} are
     * there or the timeout passed.
     */
    static List<ConsumerRecord<String, byte[]>> deadLetters(String sender, String key, int count, Duration timeout) {
        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(),
                Topics.deadLetterOf(Topics.chantierPathwaysOf(sender)))) {
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
