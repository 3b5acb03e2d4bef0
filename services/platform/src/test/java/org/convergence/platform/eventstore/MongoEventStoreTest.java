package org.convergence.platform.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.convergence.platform.support.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.convergence.platform.support.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.convergence.platform.support.TestEvents.counted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MongoEventStoreTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();
    private MongoDatabase database;
    private MongoEventStore store;
    private final AtomicInteger commits = new AtomicInteger();



    @BeforeEach
    void freshDatabase() {
        database = MONGO.freshDatabase("store");
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
        assertEquals("Counter", events.get(0).getType());
        assertEquals("c1", events.get(0).getAggregateIdentifier());
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
    void oneAppendOfManyAggregatesStoresOneCommitEachAnnouncedTogetherInOneQueueDocument() {
        store.appendEvents(List.of(counted("a", 0), counted("b", 0), counted("a", 1), counted("c", 0)));

        assertEquals(3, database.getCollection(MongoEventStore.COMMITS).countDocuments());
        assertEquals(List.of(0L, 1L), store.eventsOf("a", 0).stream().map(DomainEventMessage::getSequenceNumber).toList());
        RelayQueue.Backlog backlog = store.relayQueue().read();
        assertEquals(1, backlog.announcements().size());
        assertEquals(List.of("a:0", "b:0", "c:0"), backlog.announcements().get(0).commitIds());
        assertEquals(List.of("a", "b", "c"), List.copyOf(backlog.streams()));
        assertEquals(1, commits.get(), "the relay is woken once per append");
    }

    @Test
    void aBatchWhoseSomeCommitsCollideFailsOnlyThoseAggregatesAndKeepsTheOthersStoredAndAnnounced() {
        store.appendEvents(List.of(counted("taken", 0)));
        store.appendEvents(List.of(counted("also-taken", 0), counted("also-taken", 1)));

        ConflictingCommitsException conflict = assertThrows(ConflictingCommitsException.class, () ->
                store.appendEvents(List.of(counted("new-1", 0), counted("taken", 0), counted("new-2", 0),
                        counted("also-taken", 0))));

        assertEquals(Set.of("taken", "also-taken"), conflict.aggregateIds());
        assertEquals(1, store.eventsOf("new-1", 0).size());
        assertEquals(1, store.eventsOf("new-2", 0).size());
        assertEquals(1, store.eventsOf("taken", 0).size(), "the stored commit is untouched");
        assertEquals(2, store.eventsOf("also-taken", 0).size());
        List<RelayQueue.Announcement> announcements = store.relayQueue().read().announcements();
        assertEquals(3, announcements.size());
        assertEquals(List.of("new-1:0", "new-2:0"), announcements.get(2).commitIds(),
                "the refused commits are taken back from the batch's announcement, the stored ones stay");
        assertEquals(3, commits.get(), "the partly stored batch still wakes the relay");
    }

    @Test
    void aLoneCommitThatCollidesTakesItsWholeAnnouncementBack() {
        store.appendEvents(List.of(counted("c1", 0)));

        ConcurrencyException conflict = assertThrows(ConcurrencyException.class,
                () -> store.appendEvents(List.of(counted("c1", 0))));

        assertTrue(conflict.getMessage().contains("c1 already has an event at sequence 0"), conflict.getMessage());
        List<RelayQueue.Announcement> announcements = store.relayQueue().read().announcements();
        assertEquals(1, announcements.size());
        assertEquals(List.of("c1:0"), announcements.get(0).commitIds());
        assertEquals(1, commits.get());
    }

    @Test
    void theRelayForgettingPartOfAnAnnouncementKeepsTheRestInOrder() {
        RelayQueue queue = store.relayQueue();
        String id = queue.announce(List.of("a:0", "b:0", "c:0", "d:0"));

        // a:0 published by the round, c:0 below a legacy stream's cursor, d:0 not past d's.
        RelayQueue.Backlog left = queue.forgetPublished(queue.read(), Set.of("a:0"), Map.of("c", 1L, "d", 0L),
                Set.of());

        assertEquals(List.of("b:0", "d:0"), left.announcements().get(0).commitIds());
        assertEquals(List.of("b:0", "d:0"), queue.read().announcements().get(0).commitIds());
        assertEquals(id, queue.read().announcements().get(0).id());
    }

    @Test
    void aCommitTakenBackAfterTheRelayReadTheQueueDoesNotComeBackWhenTheRelayForgetsPartOfItsAnnouncement() {
        RelayQueue queue = store.relayQueue();
        String id = queue.announce(List.of("a:0", "b:0", "c:0"));
        RelayQueue.Backlog read = queue.read();
        queue.withdraw(id, List.of("c:0"), 3); // the writer's insert of c:0 was refused, after the relay's read

        queue.forgetPublished(read, Set.of("a:0"), Map.of(), Set.of());

        assertEquals(List.of("b:0"), queue.read().announcements().get(0).commitIds(),
                "a:0 forgotten once published, c:0 never announced again: it was never stored");
    }

    @Test
    void commitsAreReadByIdTogetherAndAnUnreadableOneIsReportedWithoutHidingTheOthers() {
        store.appendEvents(List.of(counted("a", 0), counted("b", 0)));
        database.getCollection(MongoEventStore.COMMITS).insertOne(CommitDocument.toDocument("broken", "Counter",
                List.of(new StoredEvent("e", 0, "org.example.Vanished", java.time.Instant.now(),
                        new org.bson.Document("x", 1), java.util.Map.of()))));
        java.util.Map<String, RuntimeException> unreadable = new java.util.HashMap<>();

        java.util.Map<String, Commit> found = store.commitsAt(List.of("a:0", "b:0", "broken:0", "missing:0"),
                unreadable::put);

        assertEquals(Set.of("a:0", "b:0"), found.keySet());
        assertEquals("a", found.get("a:0").aggregateId());
        assertEquals(Set.of("broken:0"), unreadable.keySet());
    }
}
