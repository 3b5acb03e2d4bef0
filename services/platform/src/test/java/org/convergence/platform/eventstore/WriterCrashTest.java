package org.convergence.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.relay.EventRelay;
import org.convergence.platform.support.RelayFixture;
import org.convergence.platform.support.TestEvents;
import org.convergence.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A service that dies between storing a commit and settling its queue entry loses nothing. */
class WriterCrashTest {

    @Test
    void aCommitWhoseWriterDiedBeforeSettlingIsStillRelayedExactlyOnce() {
        String topic = "test.crash." + UUID.randomUUID();
        String kafka = ConvergenceStack.kafkaBootstrapServers();
        try (MongoClient client = MongoClients.create(ConvergenceStack.mongoConnectionString())) {
            MongoDatabase database = client.getDatabase("crash-" + UUID.randomUUID());
            MongoEventStore store = new MongoEventStore(database, () -> { });
            // What a writer did before dying: announce, insert, and never settle.
            store.relayQueue().announce("orphan");
            database.getCollection(MongoEventStore.COMMITS).insertOne(CommitDocument.toDocument("orphan", "Counter",
                    List.of(new StoredEvent(UUID.randomUUID().toString(), 0, TestEvents.Counted.class.getName(),
                            Instant.now(), new Document("counterId", "orphan").append("value", 0), Map.of()))));

            try (EventRelay relay = RelayFixture.relay(store, database, "survivor", topic, kafka);
                 TopicReader reader = new TopicReader(kafka, topic)) {
                assertEquals(1, relay.relayOnce());
                assertEquals(0, relay.relayOnce(), "the cursor moved: the commit is not sent again");
                assertEquals(1, reader.readAtLeast(1, Duration.ofSeconds(20)).size());
                assertEquals(1, store.relayQueue().entries().get(0).pending(),
                        "the unsettled entry stays, so a commit still in flight could not be missed");
            }
        }
    }

    @Test
    void aCommitThatNoLongerReadsHoldsBackOnlyItsOwnStream() {
        String topic = "test.poison." + UUID.randomUUID();
        String kafka = ConvergenceStack.kafkaBootstrapServers();
        try (MongoClient client = MongoClients.create(ConvergenceStack.mongoConnectionString())) {
            MongoDatabase database = client.getDatabase("poison-" + UUID.randomUUID());
            MongoEventStore store = new MongoEventStore(database, () -> { });
            // A stream whose stored payload type no longer exists (a renamed class without an upcaster).
            store.relayQueue().announce("broken");
            database.getCollection(MongoEventStore.COMMITS).insertOne(CommitDocument.toDocument("broken", "Counter",
                    List.of(new StoredEvent(UUID.randomUUID().toString(), 0, "org.example.Vanished", Instant.now(),
                            new Document("x", 1), Map.of()))));
            store.relayQueue().settle("broken");
            store.appendEvents(List.of(TestEvents.counted("healthy", 0)));

            try (EventRelay relay = RelayFixture.relay(store, database, "owner", topic, kafka);
                 TopicReader reader = new TopicReader(kafka, topic)) {
                assertEquals(1, relay.relayOnce(), "the healthy stream is relayed");
                assertEquals(1, relay.skippedStreamCount());
                assertEquals(1, reader.readAtLeast(1, Duration.ofSeconds(20)).size());
                assertEquals(List.of("broken"), store.relayQueue().entries().stream()
                        .map(RelayQueue.Entry::aggregateId).toList(), "the broken stream stays queued");
            }
        }
    }
}
