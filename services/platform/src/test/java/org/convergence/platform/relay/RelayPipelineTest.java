package org.convergence.platform.relay;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.support.RelayFixture;
import org.convergence.platform.support.ScriptedProducer;
import org.convergence.platform.support.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.convergence.platform.support.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.convergence.platform.support.TestEvents.counted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the relay walks many streams at once: order per stream, where it starts, and what it forgets. No broker needed. */
class RelayPipelineTest {

    private static final String TOPIC = "test.pipeline";
    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();
    private MongoDatabase database;
    private MongoEventStore store;
    private final ScriptedProducer producer = new ScriptedProducer();



    @BeforeEach
    void freshDatabase() {
        database = MONGO.freshDatabase("pipeline");
        store = new MongoEventStore(database, () -> { });
    }

    @Test
    void aBacklogOfManyStreamsIsPublishedInOneRoundEachStreamInSequenceOrder() {
        // 120 streams, 3 commits each, appended a commit of every stream at a time (as batched appends do).
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            streams.add("s" + i);
        }
        for (int commit = 0; commit < 3; commit++) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (String stream : streams) {
                events.add(counted(stream, commit * 2L));
                events.add(counted(stream, commit * 2L + 1));
            }
            store.appendEvents(events);
        }

        EventRelay relay = relay(50);
        assertEquals(720, relay.relayOnce(), "every stream walked to its end, batch after batch, in one round");

        Map<String, List<Long>> sequencesByKey = sequencesByKey(producer.history());
        for (String stream : streams) {
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), sequencesByKey.get(stream), stream);
        }
        assertEquals(720, producer.history().size(), "nothing sent twice");
        assertEquals(0, store.relayQueue().size());
        assertEquals(0, relay.relayOnce());
    }

    @Test
    void aFailedSendNeverLetsALaterEventOfThatStreamGoOutNorForgetsItsCommit() {
        for (int commit = 0; commit < 3; commit++) {
            store.appendEvents(List.of(counted("a", commit), counted("b", commit)));
        }
        producer.failWhen(record -> record.key().equals("a") && sequence(record) == 1);
        EventRelay relay = relay(500);

        assertThrows(IllegalStateException.class, relay::relayOnce);

        assertFalse(producer.attempts().stream().anyMatch(r -> r.key().equals("a") && sequence(r) == 2),
                "a's next event is never sent before the failed one is acknowledged");
        assertEquals(2, store.relayQueue().read().announcements().stream()
                .filter(a -> a.commitIds().stream().anyMatch(id -> id.equals("a:1") || id.equals("b:2"))).count(),
                "what was not published stays announced");
        assertFalse(store.relayQueue().read().announcedCommits().contains("b:1"),
                "b went on until the round stopped, and what it published is forgotten");

        producer.failWhen(record -> false);
        assertEquals(3, relay.relayOnce(), "a:1, a:2 and b:2");
        Map<String, List<Long>> sequencesByKey = sequencesByKey(producer.history());
        assertEquals(List.of(0L, 1L, 2L), sequencesByKey.get("a"));
        assertEquals(List.of(0L, 1L, 2L), sequencesByKey.get("b"));
        assertEquals(0, store.relayQueue().size());
    }

    @Test
    void anAnnouncementOfManyStreamsKeepsTheCommitsNotYetPublishedUntilTheyAre() {
        store.appendEvents(List.of(counted("ready", 0), counted("late", 0)));
        AtomicBoolean lateTranslates = new AtomicBoolean(false);
        IntegrationEventTranslator flaky = new IntegrationEventTranslator() {
            private final IntegrationEventTranslator real = TestEvents.translatorTo(TOPIC);

            @Override
            public List<OutgoingEvent> translate(DomainEventMessage<?> event) {
                if (event.getAggregateIdentifier().equals("late") && !lateTranslates.get()) {
                    throw new IllegalStateException("a translation bug, fixed later");
                }
                return real.translate(event);
            }

            @Override
            public Set<String> topics() {
                return real.topics();
            }
        };
        EventRelay relay = RelayFixture.relay(store, database, "owner", flaky, producer, new SimpleMeterRegistry(), 500);

        assertEquals(1, relay.relayOnce(), "ready is published, late is skipped");
        assertEquals(List.of("late:0"), store.relayQueue().read().announcements().get(0).commitIds(),
                "the announcement keeps the commit not published");

        lateTranslates.set(true);
        assertEquals(1, relay.relayOnce());
        assertEquals(0, store.relayQueue().size());
    }

    @Test
    void aQueueEntryOfTheFormerFormatIsRemovedOnlyIfNoWriterTouchedItDuringTheWalk() {
        // Written by a service of the previous version: {_id: stream, version, pending}, then its commit.
        MongoEventStore former = new MongoEventStore(database, () -> { });
        database.getCollection(MongoEventStore.RELAY_QUEUE).insertOne(
                new Document("_id", "old").append("version", 2L).append("pending", 0));
        former.appendEvents(List.of(counted("old", 0)));
        database.getCollection(MongoEventStore.RELAY_QUEUE).deleteMany(Filters.exists("commits"));
        AtomicBoolean touchDuringWalk = new AtomicBoolean(true);
        IntegrationEventTranslator touching = new IntegrationEventTranslator() {
            private final IntegrationEventTranslator real = TestEvents.translatorTo(TOPIC);

            @Override
            public List<OutgoingEvent> translate(DomainEventMessage<?> event) {
                if (touchDuringWalk.getAndSet(false)) {
                    // A writer of the previous version announces another commit while the relay walks.
                    database.getCollection(MongoEventStore.RELAY_QUEUE).updateOne(Filters.eq("_id", "old"),
                            Updates.combine(Updates.inc("version", 1L), Updates.inc("pending", 1)));
                }
                return real.translate(event);
            }

            @Override
            public Set<String> topics() {
                return real.topics();
            }
        };
        EventRelay relay = RelayFixture.relay(store, database, "owner", touching, producer, new SimpleMeterRegistry(), 500);

        assertEquals(1, relay.relayOnce());
        assertEquals(1, store.relayQueue().read().legacy().size(), "changed since read: kept");

        database.getCollection(MongoEventStore.RELAY_QUEUE).updateOne(Filters.eq("_id", "old"),
                Updates.combine(Updates.inc("version", 1L), Updates.inc("pending", -1)));
        assertEquals(0, relay.relayOnce());
        assertEquals(0, store.relayQueue().size(), "unchanged and settled: removed");
    }

    @Test
    void aRoundWalksAStreamOnlyAsFarAsItsBacklogAnnouncedCommits() {
        // The usual last wave of a round, one query finding nothing, is not read (ADR 0043): a stream's next commit
        // is read only if the backlog announced it. Here s:2 is stored but its announcement is not in the queue,
        // as if it came after the round read the queue; the next round (with its announcement) publishes it.
        store.appendEvents(List.of(counted("s", 0)));
        store.appendEvents(List.of(counted("s", 1)));
        store.appendEvents(List.of(counted("s", 2)));
        Document third = database.getCollection(MongoEventStore.RELAY_QUEUE).find(Filters.eq("commits", "s:2")).first();
        database.getCollection(MongoEventStore.RELAY_QUEUE).deleteOne(Filters.eq("_id", third.get("_id")));

        EventRelay relay = relay(500);
        assertEquals(2, relay.relayOnce(), "s:0 and s:1, announced; not s:2, whose announcement was not read");
        assertEquals(0, store.relayQueue().size(), "s:0 and s:1 forgotten");

        database.getCollection(MongoEventStore.RELAY_QUEUE).insertOne(third);
        assertEquals(1, relay.relayOnce(), "announced now: published by the next round, in order");
        assertEquals(List.of(0L, 1L, 2L), sequencesByKey(producer.history()).get("s"));
    }

    @Test
    void aCommitAnnouncedButNotYetInsertedKeepsItsAnnouncementThroughTheRound() {
        EventRelay[] relay = new EventRelay[1];
        AtomicBoolean relayDuringInsert = new AtomicBoolean(false);
        MongoEventStore slow = new MongoEventStore(database, () -> { }, () -> {
            if (relayDuringInsert.getAndSet(false)) {
                assertEquals(1, relay[0].relayOnce(), "only the stream already stored");
            }
        });
        slow.appendEvents(List.of(counted("early", 0)));
        relay[0] = RelayFixture.relay(slow, database, "owner", TestEvents.translatorTo(TOPIC), producer,
                new SimpleMeterRegistry(), 500);
        relayDuringInsert.set(true);

        slow.appendEvents(List.of(counted("late", 0), counted("early", 1)));

        assertEquals(List.of(List.of("late:0", "early:1")), store.relayQueue().read().announcements().stream()
                .map(a -> a.commitIds()).toList(), "the announcement survived the round that ran before the insert");
        assertEquals(2, relay[0].relayOnce());
        assertEquals(0, store.relayQueue().size());
    }

    @Test
    void commitsARoundPublishedBeforeItFailedAreForgottenByThatRoundAndNotSentAgain() {
        store.appendEvents(List.of(counted("first", 0)));
        store.appendEvents(List.of(counted("second", 0)));
        producer.failWhen(record -> record.key().equals("second"));
        EventRelay relay = relay(1); // one stream per batch: "first" is done before "second" fails

        assertThrows(IllegalStateException.class, relay::relayOnce);
        assertEquals(List.of(List.of("second:0")), store.relayQueue().read().announcements().stream()
                .map(a -> a.commitIds()).toList(), "first, acknowledged, is forgotten even though the round failed");

        producer.failWhen(record -> false);
        assertEquals(1, relay.relayOnce(), "only second is sent");
        assertEquals(0, store.relayQueue().size());
    }

    @Test
    void aRelayStopsBetweenBatchesOnceAnotherReplicaHoldsTheLease() {
        store.appendEvents(List.of(counted("s1", 0)));
        store.appendEvents(List.of(counted("s2", 0)));
        store.appendEvents(List.of(counted("s3", 0)));
        java.util.concurrent.atomic.AtomicLong offset = new java.util.concurrent.atomic.AtomicLong();
        java.time.Clock shifted = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.now().plusMillis(offset.get());
            }
        };
        RelayLease mine = new RelayLease(database.getCollection("relay_leases"), "test-service", "paused", 
                java.time.Duration.ofSeconds(10), shifted);
        RelayLease theirs = new RelayLease(database.getCollection("relay_leases"), "test-service", "other",
                java.time.Duration.ofSeconds(10), shifted);
        IntegrationEventTranslator pausing = new IntegrationEventTranslator() {
            private final IntegrationEventTranslator real = TestEvents.translatorTo(TOPIC);

            @Override
            public List<OutgoingEvent> translate(DomainEventMessage<?> event) {
                // This relay stalls past its lease during its first batch; another replica takes over.
                offset.set(11_000);
                theirs.acquireOrRenew();
                return real.translate(event);
            }

            @Override
            public Set<String> topics() {
                return real.topics();
            }
        };
        EventRelay relay = new EventRelay(store, database, mine, pausing,
                new org.convergence.contracts.IntegrationEventCodec(org.convergence.contracts.IntegrationEvents.all()),
                producer, new EventRelay.Settings(java.time.Duration.ofMillis(20), java.time.Duration.ofSeconds(2), 1),
                new RelayMetrics(new SimpleMeterRegistry(), java.time.Clock.systemUTC()));

        assertEquals(1, relay.relayOnce(), "the batch under way finishes, no other starts");
        assertEquals(1, producer.history().size());
        assertEquals(0, relay.relayOnce(), "no longer the owner");
    }

    @Test
    void aRunningRelayPublishesALocalCommitAtOnceAndReportsAFailingBrokerUntilItIsBack() throws Exception {
        EventRelay relay = RelayFixture.relay(store, database, "owner", TestEvents.translatorTo(TOPIC), producer,
                new SimpleMeterRegistry(), 500, java.time.Duration.ofMinutes(10));
        MongoEventStore waking = new MongoEventStore(database, relay::wakeUp);
        try {
            relay.start();
            Thread.sleep(200); // its first round found nothing: it now waits up to ten minutes for work
            waking.appendEvents(List.of(counted("now", 0)));
            awaitTrue(() -> relay.publishedCount() == 1, "published without waiting for the next poll");
            assertTrue(relay.isHealthy());

            producer.failWhen(record -> true);
            waking.appendEvents(List.of(counted("now", 1)));
            awaitTrue(() -> !relay.isHealthy(), "a failed round shows");
            producer.failWhen(record -> false);
            relay.wakeUp();
            awaitTrue(() -> relay.publishedCount() == 2 && relay.isHealthy(), "healthy again once published");
        } finally {
            relay.close();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private EventRelay relay(int streamsPerBatch) {
        return RelayFixture.relay(store, database, "owner", TestEvents.translatorTo(TOPIC), producer,
                new SimpleMeterRegistry(), streamsPerBatch);
    }


    private static Map<String, List<Long>> sequencesByKey(List<ProducerRecord<String, byte[]>> records) {
        Map<String, List<Long>> byKey = new LinkedHashMap<>();
        records.forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(sequence(r)));
        return byKey;
    }

    private static long sequence(ProducerRecord<String, byte[]> record) {
        try {
            return TestEvents.JSON.readTree(record.value()).get("payload").get("value").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
