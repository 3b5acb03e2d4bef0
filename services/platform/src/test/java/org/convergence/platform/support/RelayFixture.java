package org.convergence.platform.support;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.relay.EventRelay;
import org.convergence.platform.relay.IntegrationEventTranslator;
import org.convergence.platform.relay.RelayLease;
import org.convergence.platform.relay.RelayMetrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Builds a relay like a service does, on a real broker and a real (embedded) MongoDB. */
public final class RelayFixture {

    private RelayFixture() {
    }

    public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    public static EventRelay relay(MongoEventStore store, MongoDatabase database, String owner, String topic,
                                   String bootstrapServers) {
        return relay(store, database, owner, topic, bootstrapServers, new SimpleMeterRegistry(), 500);
    }

    /** A relay whose metrics land in {@code registry}, walking {@code streamsPerBatch} streams at a time. */
    public static EventRelay relay(MongoEventStore store, MongoDatabase database, String owner, String topic,
                                   String bootstrapServers, MeterRegistry registry, int streamsPerBatch) {
        return relay(store, database, owner, TestEvents.translatorTo(topic), producer(bootstrapServers), registry,
                streamsPerBatch);
    }

    public static EventRelay relay(MongoEventStore store, MongoDatabase database, String owner,
                                   IntegrationEventTranslator translator, Producer<String, byte[]> producer,
                                   MeterRegistry registry, int streamsPerBatch) {
        return relay(store, database, owner, translator, producer, registry, streamsPerBatch, Duration.ofMillis(20));
    }

    public static EventRelay relay(MongoEventStore store, MongoDatabase database, String owner,
                                   IntegrationEventTranslator translator, Producer<String, byte[]> producer,
                                   MeterRegistry registry, int streamsPerBatch, Duration pollInterval) {
        RelayLease lease = new RelayLease(database.getCollection("relay_leases"), "test-service", owner,
                Duration.ofSeconds(10), Clock.systemUTC());
        return new EventRelay(store, database, lease, translator,
                new IntegrationEventCodec(IntegrationEvents.all()), producer,
                new EventRelay.Settings(pollInterval, Duration.ofSeconds(8), streamsPerBatch),
                new RelayMetrics(registry, Clock.systemUTC()));
    }
}
