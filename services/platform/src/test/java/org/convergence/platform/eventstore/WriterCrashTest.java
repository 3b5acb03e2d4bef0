package org.convergence.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.relay.EventRelay;
import org.convergence.platform.support.DyingWriter;
import org.convergence.platform.support.RelayFixture;
import org.convergence.platform.support.TestEvents;
import org.convergence.platform.support.Topics;
import org.convergence.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.convergence.platform.support.TestEvents.counted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A service killed at any step of an append loses nothing, and holds back no other stream. */
class WriterCrashTest {

    private static MongoClient client;
    private MongoDatabase database;
    private String topic;
    private final String kafka = ConvergenceStack.kafkaBootstrapServers();

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
        database = client.getDatabase("crash-" + UUID.randomUUID());
        // Created before the first send, with the broker's own count: the fixture's producer gives a send 6 s, and
        // a busy broker can take longer than that to auto-create a topic on first use.
        topic = Topics.create("test.crash", 6);
    }

    @Test
    void aCommitWhoseWriterDiedRightAfterInsertingItIsStillRelayedExactlyOnce() {
        // The writer is killed the instant its commits reach the database: whatever it meant to write next
        // never happens. Only an announcement written before the insert can tell the relay about them.
        MongoEventStore dying = new MongoEventStore(
                DyingWriter.diesAfterInsertInto(database, MongoEventStore.COMMITS), () -> { });
        assertThrows(DyingWriter.Died.class,
                () -> dying.appendEvents(List.of(counted("orphan", 0), counted("orphan", 1), counted("other", 0))));

        MongoEventStore survivor = new MongoEventStore(database, () -> { });
        assertEquals(2, survivor.eventsOf("orphan", 0).size(), "the commits did reach the database");
        try (EventRelay relay = RelayFixture.relay(survivor, database, "survivor", topic, kafka);
             TopicReader reader = new TopicReader(kafka, topic)) {
            assertEquals(3, relay.relayOnce());
            assertEquals(0, relay.relayOnce(), "forgotten once published: nothing is sent again");
            assertEquals(3, reader.readAtLeast(3, Duration.ofSeconds(20)).size());
            assertEquals(0, survivor.relayQueue().size(), "published, the announcement is forgotten");
        }
    }

    @Test
    void aWriterThatDiedBetweenAnnouncingAndInsertingHoldsBackNothingAndItsStreamGoesOnLater() {
        AtomicBoolean killNextInsert = new AtomicBoolean(true);
        MongoEventStore store = new MongoEventStore(database, () -> { }, () -> {
            if (killNextInsert.getAndSet(false)) {
                throw new DyingWriter.Died("killed between announcing and inserting");
            }
        });
        assertThrows(DyingWriter.Died.class, () -> store.appendEvents(List.of(counted("stalled", 0), counted("x", 0))));
        store.appendEvents(List.of(counted("healthy", 0)));

        try (EventRelay relay = RelayFixture.relay(store, database, "owner", topic, kafka);
             TopicReader reader = new TopicReader(kafka, topic)) {
            assertEquals(1, relay.relayOnce(), "the healthy stream is relayed");
            assertEquals(1, store.relayQueue().size(),
                    "the dead writer's announcement stays: nothing tells it from an insert still in flight");

            // The stream's next command writes the commit id the dead writer announced: that settles it.
            store.appendEvents(List.of(counted("stalled", 0), counted("x", 0)));
            assertEquals(2, relay.relayOnce());
            assertEquals(0, relay.relayOnce());
            assertEquals(3, reader.readAtLeast(3, Duration.ofSeconds(20)).size());
            assertEquals(0, store.relayQueue().size());
        }
    }

    @Test
    void aCommitThatNoLongerReadsHoldsBackOnlyItsOwnStream() {
        MongoEventStore store = new MongoEventStore(database, () -> { });
        // A stream whose stored payload type no longer exists (a renamed class without an upcaster).
        store.relayQueue().announce(List.of("broken:0"));
        database.getCollection(MongoEventStore.COMMITS).insertOne(CommitDocument.toDocument("broken", "Counter",
                List.of(new StoredEvent(UUID.randomUUID().toString(), 0, "org.example.Vanished", Instant.now(),
                        new Document("x", 1), Map.of()))));
        store.appendEvents(List.of(TestEvents.counted("healthy", 0)));

        try (EventRelay relay = RelayFixture.relay(store, database, "owner", topic, kafka);
             TopicReader reader = new TopicReader(kafka, topic)) {
            assertEquals(1, relay.relayOnce(), "the healthy stream is relayed");
            assertEquals(1, relay.skippedStreamCount());
            assertEquals(1, reader.readAtLeast(1, Duration.ofSeconds(20)).size());
            assertEquals(List.of("broken"), List.copyOf(store.relayQueue().read().streams()),
                    "the broken stream stays queued");
        }
    }
}
