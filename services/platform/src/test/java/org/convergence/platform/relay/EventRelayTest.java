package org.convergence.platform.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.eventstore.ConflictingCommitsException;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.support.RelayFixture;
import org.convergence.platform.support.TestEvents;
import org.convergence.platform.support.Topics;
import org.convergence.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.convergence.platform.support.TestEvents.counted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventRelayTest {

    private static MongoClient client;
    private MongoDatabase database;
    private String topic;
    private String kafka;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(ConvergenceStack.mongoConnectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshDatabaseAndTopic() {
        database = client.getDatabase("relay-" + UUID.randomUUID());
        // Created before the first send, with the broker's own count: the fixture's producer gives a send 6 s, and
        // a busy broker can take longer than that to auto-create a topic on first use.
        topic = Topics.create("test.relay", 6);
        kafka = ConvergenceStack.kafkaBootstrapServers();
    }

    @Test
    void concurrentBatchedWritersWithDelayedInsertsLoseNoEventSendNoneTwiceAndKeepEachStreamInOrder() throws Exception {
        MongoEventStore store = new MongoEventStore(database, () -> { }, EventRelayTest::randomDelay);
        try (EventRelay relay = RelayFixture.relay(store, database, "owner-1", topic, kafka);
             TopicReader reader = new TopicReader(kafka, topic)) {
            relay.start();
            List<String> counters = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                counters.add("counter-" + i);
            }
            AtomicInteger collisions = new AtomicInteger();
            AtomicInteger stored = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(6);
            for (int w = 0; w < 6; w++) {
                writers.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        // One append of several aggregates, as one unit of work of sendAll makes.
                        List<String> batch = new ArrayList<>(counters);
                        java.util.Collections.shuffle(batch);
                        stored.addAndGet(appendWithRetry(store, batch.subList(0, 1 + ThreadLocalRandom.current()
                                .nextInt(4)), collisions));
                    }
                    return null;
                });
            }
            writers.shutdown();
            assertTrue(writers.awaitTermination(2, TimeUnit.MINUTES));

            Map<String, List<String>> storedIdsByCounter = new HashMap<>();
            int total = 0;
            for (String counter : counters) {
                List<String> ids = store.eventsOf(counter, 0).stream().map(DomainEventMessage::getIdentifier).toList();
                storedIdsByCounter.put(counter, ids);
                total += ids.size();
            }
            assertEquals(stored.get(), total);

            List<ConsumerRecord<String, byte[]>> records = reader.readAtLeast(total, Duration.ofSeconds(60));
            Map<String, List<String>> publishedIdsByCounter = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                JsonNode envelope = TestEvents.JSON.readTree(record.value());
                publishedIdsByCounter.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(envelope.get("eventId").asText());
            }
            for (String counter : counters) {
                assertEquals(storedIdsByCounter.get(counter), publishedIdsByCounter.getOrDefault(counter, List.of()),
                        "events of " + counter + " published exactly once each, in stream order");
            }
            awaitEmptyQueue(store);
            System.out.printf("relay concurrency: %d events, %d write collisions retried%n", total, collisions.get());
        }
    }

    @Test
    void aCommitStillInFlightWhenTheRelayLooksIsPublishedOnceItLands() throws IOException {
        AtomicBoolean relayDuringInsert = new AtomicBoolean(true);
        EventRelay[] relay = new EventRelay[1];
        AtomicInteger publishedDuringInsert = new AtomicInteger(-1);
        MongoEventStore store = new MongoEventStore(database, () -> { }, () -> {
            if (relayDuringInsert.getAndSet(false)) {
                publishedDuringInsert.set(relay[0].relayOnce());
            }
        });
        relay[0] = RelayFixture.relay(store, database, "owner-1", topic, kafka);
        try (EventRelay r = relay[0]; TopicReader reader = new TopicReader(kafka, topic)) {
            store.appendEvents(List.of(counted("late", 0)));

            assertEquals(0, publishedDuringInsert.get(), "the relay looked while the insert was pending");
            assertEquals(1, store.relayQueue().size(), "the announcement survived that look");
            assertEquals(1, r.relayOnce());
            assertEquals(1, reader.readAtLeast(1, Duration.ofSeconds(20)).size());
            assertEquals(0, store.relayQueue().size());
        }
    }

    @Test
    void onlyTheLeaseHolderRelaysAndAnotherReplicaTakesOverWhenItLeaves() {
        MongoEventStore store = new MongoEventStore(database, () -> { });
        EventRelay first = RelayFixture.relay(store, database, "replica-a", topic, kafka);
        try (EventRelay second = RelayFixture.relay(store, database, "replica-b", topic, kafka)) {
            store.appendEvents(List.of(counted("c", 0)));
            assertEquals(1, first.relayOnce());
            store.appendEvents(List.of(counted("c", 1)));

            assertEquals(0, second.relayOnce(), "replica-b must not relay while replica-a holds the lease");

            first.close();
            assertEquals(1, second.relayOnce());
        }
    }

    @Test
    void eventsStoredWhileKafkaIsDownArePublishedWhenItIsBack() {
        if (!ConvergenceStack.canRestartKafka()) {
            throw new org.opentest4j.TestAbortedException("broker restart needs the embedded stack");
        }
        MongoEventStore store = new MongoEventStore(database, () -> { });
        try (EventRelay relay = RelayFixture.relay(store, database, "owner-1", topic, kafka)) {
            store.appendEvents(List.of(counted("c", 0)));
            assertEquals(1, relay.relayOnce());

            ConvergenceStack.kafka().stop();
            try {
                store.appendEvents(List.of(counted("c", 1)));
                store.appendEvents(List.of(counted("d", 0), counted("d", 1)));
                assertThrows(RuntimeException.class, relay::relayOnce);
            } finally {
                ConvergenceStack.kafka().restart();
            }

            int published = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (published < 3 && System.nanoTime() < deadline) {
                try {
                    published += relay.relayOnce();
                } catch (RuntimeException stillReconnecting) {
                    sleep(200);
                }
            }
            try (TopicReader reader = new TopicReader(kafka, topic)) {
                Set<String> keysAndValues = new HashSet<>();
                for (ConsumerRecord<String, byte[]> record : reader.readAtLeast(4, Duration.ofSeconds(30))) {
                    keysAndValues.add(record.key() + "#" + TestEvents.JSON.readTree(record.value())
                            .get("payload").get("value").asText());
                }
                assertEquals(Set.of("c#0", "c#1", "d#0", "d#1"), keysAndValues);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertEquals(0, store.relayQueue().size(), "everything published is forgotten");
        }
    }

    /** Appends the next event of each counter in one call; retries alone the counters that collided. */
    private static int appendWithRetry(MongoEventStore store, List<String> counters, AtomicInteger collisions) {
        List<String> pending = new ArrayList<>(counters);
        int stored = 0;
        while (!pending.isEmpty()) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (String counter : pending) {
                events.add(counted(counter, store.lastSequenceNumberFor(counter).map(last -> last + 1).orElse(0L)));
            }
            try {
                store.appendEvents(events);
                return stored + pending.size();
            } catch (ConflictingCommitsException e) {
                collisions.addAndGet(e.aggregateIds().size());
                stored += pending.size() - e.aggregateIds().size();
                pending.retainAll(e.aggregateIds());
            }
        }
        return stored;
    }

    private static void awaitEmptyQueue(MongoEventStore store) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (store.relayQueue().size() > 0 && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertEquals(0, store.relayQueue().size(), "relay queue drained");
    }

    private static void randomDelay() {
        sleep(ThreadLocalRandom.current().nextInt(15));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
