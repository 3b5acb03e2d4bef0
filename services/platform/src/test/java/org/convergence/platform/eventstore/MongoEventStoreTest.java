package org.convergence.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.convergence.embedded.EmbeddedMongo;
import org.convergence.platform.support.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.convergence.platform.support.TestEvents.counted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MongoEventStoreTest {

    private static EmbeddedMongo mongo;
    private static MongoClient client;
    private MongoDatabase database;
    private MongoEventStore store;
    private final AtomicInteger commits = new AtomicInteger();

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongo.inMemory();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.stop();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("store-" + UUID.randomUUID());
        store = new MongoEventStore(database, commits::incrementAndGet);
    }

    @Test
    void eventsOfSeveralCommitsAreReadBackInOrderWithTheirIdentity() {
        DomainEventMessage<?> first = counted("c1", 0);
        store.appendEvents(List.of(first, counted("c1", 1)));
        store.appendEvents(List.of(counted("c1", 2)));

        List<DomainEventMessage<?>> events = store.eventsOf("c1", 0);

        assertEquals(List.of(0L, 1L, 2L), events.stream().map(DomainEventMessage::getSequenceNumber).toList());
        assertEquals(first.getIdentifier(), events.get(0).getIdentifier());
        assertEquals(new TestEvents.Counted("c1", 2), events.get(2).getPayload());
        assertEquals(2L, store.readEvents("c1", 0).asStream().count() - 1);
        assertEquals(List.of(2L), store.eventsOf("c1", 2).stream().map(DomainEventMessage::getSequenceNumber).toList());
        assertEquals(2, commits.get());
    }

    @Test
    void allEventsOfOneCommitAreOneDocument() {
        store.appendEvents(List.of(counted("c1", 0), counted("c1", 1), counted("c1", 2)));

        assertEquals(1, database.getCollection(MongoEventStore.COMMITS).countDocuments());
        assertEquals(2L, store.lastSequenceNumberFor("c1").orElseThrow());
    }

    @Test
    void twoWritersThatLoadedTheSameVersionCollideAndTheSecondStoresNothing() {
        store.appendEvents(List.of(counted("c1", 0)));
        store.appendEvents(List.of(counted("c1", 1)));

        assertThrows(ConcurrencyException.class, () -> store.appendEvents(List.of(counted("c1", 1), counted("c1", 2))));

        assertEquals(1L, store.lastSequenceNumberFor("c1").orElseThrow());
    }

    @Test
    void creatingAnAggregateTwiceIsRefused() {
        store.appendEvents(List.of(counted("c1", 0)));

        assertThrows(ConcurrencyException.class, () -> store.appendEvents(List.of(counted("c1", 0))));
    }

    @Test
    void anUnknownStreamIsEmpty() {
        assertTrue(store.eventsOf("nobody", 0).isEmpty());
        assertTrue(store.lastSequenceNumberFor("nobody").isEmpty());
    }

    @Test
    void aSettledCommitLeavesAQueueEntryForTheRelayAndAFailedOneNothingPending() {
        store.appendEvents(List.of(counted("c1", 0)));
        assertThrows(ConcurrencyException.class, () -> store.appendEvents(List.of(counted("c1", 0))));

        List<RelayQueue.Entry> entries = store.relayQueue().entries();
        assertEquals(1, entries.size());
        assertEquals(0, entries.get(0).pending());
        assertEquals(4, entries.get(0).version());
    }
}
