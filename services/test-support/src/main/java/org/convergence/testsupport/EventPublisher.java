package org.convergence.testsupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.embedded.ConvergenceStack;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes records to the test stack's broker as another service, or misbehaving outside software, would: well-formed
 * envelopes of any contract type, or raw bytes. Each send waits for the broker's acknowledgement.
 */
public final class EventPublisher implements AutoCloseable {

    private final IntegrationEventCodec codec = TestEnvelopes.CODEC;
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConvergenceStack.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());

    public IntegrationEventCodec codec() {
        return codec;
    }

    /** An envelope with a fresh event id, recorded now. */
    public <P extends IntegrationPayload> EventEnvelope envelope(IntegrationEventType<P> type, P payload,
                                                                LocalDate occurredOn, String key,
                                                                String territoryId, String chantierId) {
        return TestEnvelopes.envelope(type, payload, occurredOn, key, territoryId, chantierId);
    }

    /** Publishes a new event and returns its envelope. */
    public <P extends IntegrationPayload> EventEnvelope publish(String topic, IntegrationEventType<P> type, P payload,
                                                               LocalDate occurredOn, String key, String territoryId,
                                                               String chantierId) {
        EventEnvelope envelope = envelope(type, payload, occurredOn, key, territoryId, chantierId);
        publish(topic, envelope);
        return envelope;
    }

    /** Publishes an envelope as it is: the same envelope twice is a redelivery. */
    public void publish(String topic, EventEnvelope envelope) {
        raw(topic, envelope.key(), codec.encode(envelope));
    }

    /** Any bytes under any key, as careless or hostile software could write them. */
    public void raw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not acknowledge a record on " + topic, e);
        }
    }

    public void raw(String topic, String key, String value) {
        raw(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
