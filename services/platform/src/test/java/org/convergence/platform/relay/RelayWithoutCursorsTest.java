package org.convergence.platform.relay;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.convergence.platform.eventstore.ConflictingCommitsException;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.support.DyingWriter;
import org.convergence.platform.support.Interception;
import org.convergence.platform.support.InMemoryMongo;
import org.convergence.platform.support.RelayFixture;
import org.convergence.platform.support.ScriptedProducer;
import org.convergence.platform.support.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.convergence.platform.support.TestEvents.counted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The relay starts each stream of announcements at its lowest announced commit and records publication only by
 * forgetting commits from their announcements: no per-stream cursor (ADR 0051). Each test is one guarantee.
 */
class RelayWithoutCursorsTest {

    private static final String TOPIC = "test.nocursor";
    private static final String CURSORS = "relay_cursors";

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    /** Commands the relay sent to {@code relay_cursors}, by command name (find, update…). */
    private final List<String> cursorCommands = new ArrayList<>();
    private MongoClient listened;
    private MongoDatabase database;
    private MongoEventStore store;
    private final ScriptedProducer producer = new ScriptedProducer();

    @BeforeEach
    void freshDatabase() {
        listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MONGO.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        var target = event.getCommand().get(event.getCommandName());
                        if (target != null && target.isString() && target.asString().getValue().equals(CURSORS)) {
                            synchronized (cursorCommands) {
                                cursorCommands.add(event.getCommandName());
                            }
                        }
                    }
                }).build());
        database = listened.getDatabase("nocursor-" + UUID.randomUUID());
        store = new MongoEventStore(database, () -> { });
    }

    @AfterEach
    void close() {
        listened.close();
    }

    @Test
    void eachStreamIsPublishedInSequenceOrderAcrossSeveralAnnouncementsAndRounds() {
        EventRelay relay = relay(2); // streams walked two at a time: several batches per round
        for (long sequence = 0; sequence < 6; sequence++) {
            // Two appends per step, each its own announcement; a round runs after every other step.
            store.appendEvents(List.of(counted("a", sequence), counted("b", sequence)));
            store.appendEvents(List.of(counted("c", sequence)));
            if (sequence % 2 == 1) {
                relay.relayOnce();
            }
        }
        store.appendEvents(List.of(counted("a", 6)));
        relay.relayOnce();
        assertEquals(0, relay.relayOnce());

        Map<String, List<Long>> sequences = sequencesByKey(producer.history());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), sequences.get("a"));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), sequences.get("b"));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), sequences.get("c"));
        assertEquals(0, store.relayQueue().size());
    }

    @Test
    void aSendFailingMidWaveLosesNothingTheNextRoundResendsFromTheLowestCommitStillAnnounced() {
        for (long sequence = 0; sequence < 3; sequence++) {
            store.appendEvents(List.of(counted("a", sequence), counted("b", sequence)));
        }
        producer.failWhen(record -> record.key().equals("a") && sequence(record) == 1);
        EventRelay relay = relay(500);

        assertThrows(IllegalStateException.class, relay::relayOnce);
        assertFalse(producer.attempts().stream().anyMatch(r -> r.key().equals("a") && sequence(r) == 2),
                "a's next commit is never sent before the failed one is acknowledged");
        assertEquals(List.of(List.of("a:1"), List.of("a:2", "b:2")), store.relayQueue().read().announcements()
                        .stream().map(a -> a.commitIds()).toList(),
                "what was acknowledged before the failure is forgotten, what was not stays announced");

        producer.failWhen(record -> false);
        assertEquals(3, relay.relayOnce(), "a:1, a:2 and b:2");
        Map<String, List<Long>> sequences = sequencesByKey(producer.history());
        assertEquals(List.of(0L, 1L, 2L), sequences.get("a"));
        assertEquals(List.of(0L, 1L, 2L), sequences.get("b"));
        assertEquals(0, store.relayQueue().size());
    }

    @Test
    void aCommitTakenBackByAWriterWhoseInsertWasRefusedIsNeitherPublishedNorSentAgain() {
        store.appendEvents(List.of(counted("s", 0)));
        EventRelay relay = relay(500);
        assertEquals(1, relay.relayOnce());

        // A writer that loaded the stream before s:0 was stored announces its own s:0: refused, taken back.
        var refused = counted("s", 0);
        assertThrows(ConflictingCommitsException.class, () -> store.appendEvents(List.of(refused)));
        store.appendEvents(List.of(counted("s", 1)));
        assertEquals(1, relay.relayOnce(), "only s:1");

        assertEquals(List.of(0L, 1L), sequencesByKey(producer.history()).get("s"), "s:0 is not sent again");
        assertFalse(eventIds(producer.history()).contains(refused.getIdentifier()),
                "the refused writer's s:0 never went out");
        assertEquals(0, store.relayQueue().size());
    }

    @Test
    void aCommitIdAnnouncedAgainByAWriterWhoseInsertIsThenRefusedIsNotSentAgain() {
        store.appendEvents(List.of(counted("s", 0)));
        EventRelay relay = relay(500);
        assertEquals(1, relay.relayOnce());
        // A writer that loaded the stream before s:0 was stored announces s:0 again; a round runs before its insert
        // is refused and the id taken back.
        java.util.concurrent.atomic.AtomicInteger sentMeanwhile = new java.util.concurrent.atomic.AtomicInteger(-1);
        MongoEventStore stale = new MongoEventStore(database, () -> { }, () -> sentMeanwhile.set(relay.relayOnce()));

        assertThrows(ConflictingCommitsException.class, () -> stale.appendEvents(List.of(counted("s", 0))));

        assertEquals(0, sentMeanwhile.get(), "this relay published s:0: it is forgotten, not sent again");
        assertEquals(List.of(0L), sequencesByKey(producer.history()).get("s"));
        assertEquals(0, store.relayQueue().size());
    }

    @Test
    void aRelayDyingBetweenPublishingAndForgettingLosesNothingItsSuccessorSendsTheSameEventsAgainInOrder() {
        store.appendEvents(List.of(counted("s", 0), counted("t", 0)));
        store.appendEvents(List.of(counted("s", 1)));
        MongoEventStore dying = new MongoEventStore(diesOnFirstWriteTo(database, MongoEventStore.RELAY_QUEUE), () -> { });
        EventRelay first = RelayFixture.relay(dying, database, "owner", TestEvents.translatorTo(TOPIC), producer,
                new SimpleMeterRegistry(), 500);
        assertThrows(DyingWriter.Died.class, first::relayOnce, "acknowledged, then the process is gone");
        List<String> sentBeforeTheCrash = eventIds(producer.history());
        assertEquals(3, sentBeforeTheCrash.size());

        store.appendEvents(List.of(counted("s", 2)));
        EventRelay successor = relay(500);
        assertEquals(4, successor.relayOnce(), "s:0, s:1 and t:0 again, then s:2");
        assertEquals(0, successor.relayOnce());

        assertEquals(List.of(0L, 1L, 0L, 1L, 2L), sequencesByKey(producer.history()).get("s"),
                "at least once: sent again from the lowest commit still announced, in order");
        List<String> resent = eventIds(producer.history()).subList(3, 6);
        assertEquals(new java.util.HashSet<>(sentBeforeTheCrash), new java.util.HashSet<>(resent),
                "the same event ids, so consumers recognise what they applied");
        assertEquals(0, store.relayQueue().size());
    }

    @Test
    void aLaterCommitOfAStreamWhoseEarlierCommitsWerePublishedAndForgottenIsPublishedAlone() {
        store.appendEvents(List.of(counted("s", 0)));
        store.appendEvents(List.of(counted("s", 1)));
        EventRelay relay = relay(500);
        assertEquals(2, relay.relayOnce());
        assertEquals(0, store.relayQueue().size());

        store.appendEvents(List.of(counted("s", 2), counted("other", 0)));
        assertEquals(2, relay.relayOnce(), "s:2 and other:0, nothing of s sent again");

        assertEquals(List.of(0L, 1L, 2L), sequencesByKey(producer.history()).get("s"));
    }

    @Test
    void aCommitAnnouncedByTwoWritersIsPublishedOnceAndForgottenFromBothAnnouncements() {
        AtomicBoolean killNextInsert = new AtomicBoolean(true);
        MongoEventStore dies = new MongoEventStore(database, () -> { }, () -> {
            if (killNextInsert.getAndSet(false)) {
                throw new DyingWriter.Died("killed between announcing and inserting");
            }
        });
        assertThrows(DyingWriter.Died.class, () -> dies.appendEvents(List.of(counted("s", 0))));
        store.appendEvents(List.of(counted("s", 0))); // the stream's next command takes the dead writer's id
        EventRelay relay = relay(500);

        assertEquals(1, relay.relayOnce());
        assertEquals(0, store.relayQueue().size(), "s:0 forgotten from the dead writer's announcement too");
        assertEquals(0, relay.relayOnce(), "so nothing is sent again");
    }

    @Test
    void streamsOfAnnouncementsCostNoCursorReadOrWriteEvenWhenASendFails() {
        database.getCollection(CURSORS).insertOne(new Document("_id", "s0").append("next", 1L)); // an earlier version's
        for (long sequence = 0; sequence < 3; sequence++) {
            List<org.axonframework.eventhandling.DomainEventMessage<?>> events = new ArrayList<>();
            for (int stream = 0; stream < 30; stream++) {
                events.add(counted("s" + stream, sequence));
            }
            store.appendEvents(events);
        }
        cursorCommands.clear();
        EventRelay relay = relay(7);
        producer.failWhen(record -> record.key().equals("s5") && sequence(record) == 2);
        assertThrows(IllegalStateException.class, relay::relayOnce);
        producer.failWhen(record -> false);
        relay.relayOnce();
        assertEquals(0, relay.relayOnce());
        assertEquals(0, store.relayQueue().size());

        assertEquals(List.of(), cursorCommands, "no relay_cursors command for streams of announcements");
        assertEquals(1, database.getCollection(CURSORS).countDocuments(), "an earlier version's cursor is left alone");
        assertEquals(List.of(0L, 1L, 2L), sequencesByKey(producer.history()).get("s0"),
                "its stream starts at its lowest announced commit, not at the earlier version's cursor: s0:0, still "
                        + "announced, is sent (again, if that version had sent it: at least once)");
    }

    @Test
    void aLegacyEntryStillStartsAtItsCursorAndMovesIt() {
        MongoCollection<Document> queue = database.getCollection(MongoEventStore.RELAY_QUEUE);
        store.appendEvents(List.of(counted("old", 0)));
        store.appendEvents(List.of(counted("old", 1)));
        queue.deleteMany(Filters.exists("commits"));
        // Written by a version before ADR 0008: old:0 published (its cursor is past it), old:1 not yet.
        queue.insertOne(new Document("_id", "old").append("version", 2L).append("pending", 0));
        database.getCollection(CURSORS).insertOne(new Document("_id", "old").append("next", 1L));
        cursorCommands.clear();
        EventRelay relay = relay(500);

        assertEquals(1, relay.relayOnce(), "old:1 only");

        assertEquals(List.of(1L), sequencesByKey(producer.history()).get("old"));
        assertEquals(2L, database.getCollection(CURSORS).find(Filters.eq("_id", "old")).first()
                .get("next", Number.class).longValue(), "the legacy stream's cursor moved past old:1");
        assertEquals(List.of("find", "update"), cursorCommands.stream().distinct().toList(),
                "a legacy stream reads and writes its cursor");
        assertEquals(0, store.relayQueue().size(), "walked to its end, unchanged: removed");
    }

    private EventRelay relay(int streamsPerBatch) {
        return RelayFixture.relay(store, database, "owner", TestEvents.translatorTo(TOPIC), producer,
                new SimpleMeterRegistry(), streamsPerBatch);
    }

    /**
     * {@code database} as seen by a process that dies at its first write to {@code collection} (reads go through):
     * a relay killed after the broker acknowledged a round and before it forgot anything.
     */
    private static MongoDatabase diesOnFirstWriteTo(MongoDatabase database, String collection) {
        return Interception.proxy(MongoDatabase.class, (p, method, args) -> {
            Object result = Interception.invoke(database, method, args);
            if (method.getName().equals("getCollection") && collection.equals(args[0])) {
                MongoCollection<?> real = (MongoCollection<?>) result;
                return Interception.proxy(MongoCollection.class, (q, m, a) -> {
                    if (m.getName().startsWith("delete") || m.getName().startsWith("update")) {
                        throw new DyingWriter.Died("killed before forgetting what it published");
                    }
                    return Interception.invoke(real, m, a);
                });
            }
            return result;
        });
    }

    private static Map<String, List<Long>> sequencesByKey(List<ProducerRecord<String, byte[]>> records) {
        Map<String, List<Long>> byKey = new LinkedHashMap<>();
        records.forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(sequence(r)));
        return byKey;
    }

    private static List<String> eventIds(List<ProducerRecord<String, byte[]>> records) {
        return records.stream().map(r -> json(r).get("eventId").asText()).toList();
    }

    private static long sequence(ProducerRecord<String, byte[]> record) {
        return json(record).get("payload").get("value").asLong();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(ProducerRecord<String, byte[]> record) {
        try {
            return TestEvents.JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
