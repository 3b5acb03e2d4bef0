package org.convergence.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.support.RelayFixture;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventConsumerLoopTest {

    private final IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all());
    private final String topic = "test.consumer." + UUID.randomUUID();
    private final CopyOnWriteArrayList<String> applied = new CopyOnWriteArrayList<>();

    @Test
    void aTransientFailureRetriesTheSameRecordAndNothingIsDeadLettered() throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        // Idempotent, as every handler must be: a retried batch delivers its applied events again.
        try (EventConsumerLoop loop = loop(event -> {
            if (failedOnce.add(event.eventId())) {
                throw new IllegalStateException("database briefly away");
            }
            applied.addIfAbsent(event.key());
        }); KafkaProducer<String, byte[]> producer = RelayFixture.producer(ConvergenceStack.kafkaBootstrapServers())) {
            loop.start();
            producer.send(record("paris")).get();
            producer.send(record("lyon")).get();

            await(() -> applied.size() == 2);
            assertEquals(List.of("paris", "lyon").stream().sorted().toList(), applied.stream().sorted().toList());
            assertEquals(0, loop.deadLetteredCount());
        }
    }

    @Test
    void consumptionGoesOnAfterTheBrokerWasAway() throws Exception {
        if (!ConvergenceStack.canRestartKafka()) {
            throw new TestAbortedException("broker restart needs the embedded stack");
        }
        try (EventConsumerLoop loop = loop(event -> applied.add(event.key()))) {
            loop.start();
            try (KafkaProducer<String, byte[]> producer = RelayFixture.producer(ConvergenceStack.kafkaBootstrapServers())) {
                producer.send(record("before")).get();
            }
            await(() -> applied.contains("before"));

            ConvergenceStack.kafka().restart();

            try (KafkaProducer<String, byte[]> producer = RelayFixture.producer(ConvergenceStack.kafkaBootstrapServers())) {
                producer.send(record("after")).get(30, TimeUnit.SECONDS);
            }
            await(() -> applied.contains("after"));
            assertEquals(1, applied.stream().filter("after"::equals).count());
        }
    }

    /** Applies each event of a batch on its own: these tests are about the loop, not about batching. */
    private EventConsumerLoop loop(java.util.function.Consumer<EventEnvelope> handler) {
        String group = "group-" + UUID.randomUUID();
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConvergenceStack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        return new EventConsumerLoop(consumer, RelayFixture.producer(ConvergenceStack.kafkaBootstrapServers()), codec,
                events -> {
                    events.forEach(handler);
                    return Map.of();
                }, List.of(topic), group, Duration.ofMillis(100));
    }

    private ProducerRecord<String, byte[]> record(String territoryId) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(),
                EnrolmentEvents.TERRITORY_REGISTERED.name(), 1, LocalDate.now(), Instant.now(), territoryId,
                territoryId, null, codec.toJson(new TerritoryRegisteredV1(territoryId, territoryId, "URBAN")));
        return new ProducerRecord<>(topic, territoryId, codec.encode(envelope));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
