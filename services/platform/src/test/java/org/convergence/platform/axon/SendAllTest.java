package org.convergence.platform.axon;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.support.RecordingStorage;
import org.convergence.platform.support.Tally;
import org.junit.jupiter.api.AfterEach;
import org.convergence.platform.support.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendAllTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();
    private final List<Configuration> started = new ArrayList<>();



    @AfterEach
    void stopAxon() {
        started.forEach(Configuration::shutdown);
    }

    @Test
    void theAcceptedCommandsAreAppendedInOneStoreCallAndARefusedOneLeavesNoEvent() {
        Service service = service(() -> { });

        List<Commands.Outcome> outcomes = service.sendAll(List.of(new Tally.Open("a", 1), new Tally.Open("b", 2),
                new Tally.Open("refused", -1), new Tally.Open("c", 3)));

        assertTrue(outcomes.get(0).succeeded());
        assertEquals("a", outcomes.get(0).result());
        assertEquals("NEGATIVE_START", ((RuleViolationException) outcomes.get(2).failure()).code());
        assertTrue(outcomes.get(3).succeeded());
        assertEquals(List.of(Set.of("a", "b", "c")), service.storage.appends(), "one append for the batch");
        assertTrue(service.store.eventsOf("refused", 0).isEmpty());
        assertEquals("tester", service.store.eventsOf("b", 0).get(0).getMetaData().get(RecordedBy.KEY),
                "each command still carries who recorded it");
    }

    @Test
    void aBatchFindsEachCommandsAggregateByItsIdentifierWhenTheCommandCommitsNotByAScanOfTheBatch() {
        // ADR 0043: Axon checks at each nested commit that the aggregate is still managed (containsValue on the root
        // unit of work's map of aggregates); a batch's map answers that by identifier, same answers as a scan.
        List<Object> managed = new ArrayList<>();
        Service service = service(() -> org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().root()
                .resources().forEach((key, value) -> {
                    if (key.endsWith(BatchUnitOfWork.MANAGED_AGGREGATES_SUFFIX)) {
                        managed.add(value);
                    }
                }));

        List<Commands.Outcome> outcomes = service.sendAll(List.of(new Tally.Open("a", 1), new Tally.Open("refused", -1),
                new Tally.Open("b", 2), new Tally.Open("c", 3)));

        assertEquals(List.of(true, false, true, true), outcomes.stream().map(Commands.Outcome::succeeded).toList());
        assertEquals(1, managed.size());
        BatchUnitOfWork.AggregatesByIdentifier<?> aggregates =
                assertInstanceOf(BatchUnitOfWork.AggregatesByIdentifier.class, managed.get(0));
        assertEquals(Set.of("a", "b", "c"), aggregates.keySet(), "the refused command's aggregate was let go");
        aggregates.values().forEach(aggregate -> assertTrue(aggregates.containsValue(aggregate)));
        assertEquals(List.of(Set.of("a", "b", "c")), service.storage.appends());
    }

    @Test
    void theEventsOfACommandCarryTheMetadataItWasSentWithWhoRecordedItFirst() {
        Service service = service(() -> { });

        service.send(new Tally.Open("alone", 1));
        RecordedBy.as("importer", () -> service.commands.sendAll(List.of(new Tally.Open("a", 1),
                new Tally.Open("b", 1)), MetaData.with("source", "import")));

        assertEquals("tester", service.store.eventsOf("alone", 0).get(0).getMetaData().get(RecordedBy.KEY));
        for (String id : List.of("a", "b")) {
            MetaData stored = service.store.eventsOf(id, 0).get(0).getMetaData();
            assertEquals("importer", stored.get(RecordedBy.KEY));
            assertEquals("import", stored.get("source"));
        }
    }

    @Test
    void anAggregatesCommandsKeepTheirOrderEachSeeingThePreviousOneStored() {
        Service service = service(() -> { });

        List<Commands.Outcome> outcomes = service.sendAll(List.of(new Tally.Open("x", 0), new Tally.Add("x", 1),
                new Tally.Open("y", 10), new Tally.Add("x", -5), new Tally.Add("x", 2), new Tally.Add("y", 1)));

        assertEquals(List.of("x", 1L, "y"), List.of(outcomes.get(0).result(), outcomes.get(1).result(),
                outcomes.get(2).result()));
        assertInstanceOf(RuleViolationException.class, outcomes.get(3).failure());
        assertEquals(3L, outcomes.get(4).result());
        assertEquals(11L, outcomes.get(5).result());
        assertEquals(List.of(Set.of("x"), Set.of("x", "y"), Set.of("x", "y")), service.storage.appends(),
                "a command naming an aggregate already in the batch starts the next batch");
    }

    @Test
    void eachOutcomeIsTheOneASendPerCommandGives() {
        Random random = new Random(7);
        for (int round = 0; round < 15; round++) {
            List<Object> commands = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "t" + random.nextInt(8);
                commands.add(random.nextInt(3) == 0
                        ? new Tally.Open(id, random.nextInt(4) - 1)
                        : new Tally.Add(id, random.nextInt(5) - 1));
            }
            Service batched = service(() -> { });
            Service oneByOne = service(() -> { });

            List<Commands.Outcome> together = batched.sendAll(commands);
            List<Commands.Outcome> alone = new ArrayList<>();
            for (Object command : commands) {
                try {
                    alone.add(new Commands.Outcome(oneByOne.send(command), null));
                } catch (RuntimeException e) {
                    alone.add(new Commands.Outcome(null, e));
                }
            }

            for (int i = 0; i < commands.size(); i++) {
                assertEquals(describe(alone.get(i)), describe(together.get(i)), "round " + round + ", command " + i
                        + " " + commands.get(i));
            }
            for (int t = 0; t < 8; t++) {
                assertEquals(payloads(oneByOne.store.eventsOf("t" + t, 0)), payloads(batched.store.eventsOf("t" + t, 0)));
            }
        }
    }

    @Test
    void anAggregateCreatedMeanwhileByAnotherWriterFailsOnlyItsCommandAsALoneSendWould() {
        AtomicReference<Service> self = new AtomicReference<>();
        boolean[] once = {true};
        Service service = service(() -> {
            if (once[0]) {
                once[0] = false;
                // Another replica creates "b" between this batch's commands and its append.
                self.get().store.appendEvents(List.of(opened("b", 100)));
            }
        });
        self.set(service);

        List<Commands.Outcome> outcomes = service.sendAll(List.of(new Tally.Open("a", 1), new Tally.Open("b", 2),
                new Tally.Open("c", 3)));

        assertTrue(outcomes.get(0).succeeded());
        assertInstanceOf(ConcurrencyException.class, outcomes.get(1).failure(), "what a lone send of it answers: 409");
        assertTrue(outcomes.get(2).succeeded());
        assertEquals(1, service.store.eventsOf("a", 0).size());
        assertEquals(1, service.store.eventsOf("c", 0).size());
        assertEquals(List.of(new Tally.Opened("b", 100)), payloads(service.store.eventsOf("b", 0)));
    }

    @Test
    void anAggregateChangedMeanwhileByAnotherWriterHasItsCommandRunAgainAloneOnTheFreshState() {
        AtomicReference<Service> self = new AtomicReference<>();
        boolean[] armed = {false};
        Service service = service(() -> {
            if (armed[0]) {
                armed[0] = false;
                self.get().store.appendEvents(List.of(added("a", 1, 100)));
            }
        });
        self.set(service);
        service.sendAll(List.of(new Tally.Open("a", 1), new Tally.Open("b", 2)));
        armed[0] = true;

        List<Commands.Outcome> outcomes = service.sendAll(List.of(new Tally.Add("a", 10), new Tally.Add("b", 20)));

        assertEquals(111L, outcomes.get(0).result(), "run again after the other writer's change, which it includes");
        assertEquals(22L, outcomes.get(1).result());
        assertEquals(List.of(new Tally.Opened("a", 1), new Tally.Added("a", 100), new Tally.Added("a", 10)),
                payloads(service.store.eventsOf("a", 0)));
        assertEquals(List.of(Set.of("a", "b"), Set.of("a", "b"), Set.of("a")), service.storage.appends(),
                "the batch, then a alone");
    }

    @Test
    void aStoreFailureOtherThanAConflictIsTheOutcomeOfEveryAcceptedCommandOfTheBatch() {
        boolean[] fail = {true};
        Service service = service(() -> {
            if (fail[0]) {
                fail[0] = false;
                throw new IllegalStateException("database unreachable");
            }
        });

        List<Commands.Outcome> outcomes = service.sendAll(List.of(new Tally.Open("a", 1), new Tally.Open("b", -1),
                new Tally.Open("c", 1)));

        assertEquals("database unreachable", outcomes.get(0).failure().getMessage());
        assertInstanceOf(RuleViolationException.class, outcomes.get(1).failure());
        assertEquals("database unreachable", outcomes.get(2).failure().getMessage());
        assertNull(outcomes.get(0).result());
    }

    @Test
    void theStreamsOfABatchAreReadTogetherWithOneQueryPerCommitDepthNotOneLookupPerCommitAndAggregate() {
        List<String> finds = new ArrayList<>();
        try (MongoClient listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MONGO.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")) {
                            finds.add(event.getCommand().getString("find").getValue());
                        }
                    }
                }).build())) {
            Service service = service(listened.getDatabase("sendall-" + UUID.randomUUID()), () -> { });
            List<Object> opens = new ArrayList<>();
            List<Object> adds = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                opens.add(new Tally.Open("s" + i, i));
                adds.add(new Tally.Add("s" + i, 1));
            }
            service.sendAll(opens);
            service.sendAll(adds); // every stream now has two commits
            finds.clear();

            List<Commands.Outcome> outcomes = service.sendAll(adds);

            for (int i = 0; i < 20; i++) {
                assertEquals(i + 2L, outcomes.get(i).result(), "each command saw its stream's whole history");
            }
            assertEquals(List.of(MongoEventStore.COMMITS, MongoEventStore.COMMITS, MongoEventStore.COMMITS),
                    finds, "commits at sequence 0, then 1, then the end of every stream: 3 queries for 20 streams");
        }
    }

    @Test
    void anEventStagedInAnOuterUnitOfWorkIsReadBackWithItsStreamBeforeItIsStored() {
        Service service = service(() -> { });
        EventStore eventStore = started.get(started.size() - 1).eventStore();
        UnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(new GenericMessage<>("outer"));
        try {
            eventStore.publish(opened("staged", 5));
            UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(new GenericMessage<>("nested"));
            List<Object> read = payloads(eventStore.readEvents("staged").asStream().toList());
            nested.commit();

            assertEquals(List.of(new Tally.Opened("staged", 5)), read, "what Axon's own event store answers");
            assertTrue(service.store.eventsOf("staged", 0).isEmpty(), "not stored before the outer commit");
        } finally {
            outer.rollback();
        }
    }

    @Test
    void eventsStagedAfterAnotherStreamWasReadAreReadBackWithTheirOwnStreamInOrder() {
        service(() -> { });
        EventStore eventStore = started.get(started.size() - 1).eventStore();
        UnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(new GenericMessage<>("outer"));
        try {
            eventStore.publish(opened("first", 1), opened("other", 7));
            assertEquals(List.of(new Tally.Opened("other", 7)),
                    payloads(eventStore.readEvents("other").asStream().toList()));
            eventStore.publish(added("first", 1, 2), added("other", 1, 8), added("first", 2, 3));

            assertEquals(List.of(new Tally.Opened("first", 1), new Tally.Added("first", 2), new Tally.Added("first", 3)),
                    payloads(eventStore.readEvents("first").asStream().toList()), "staged before and after a read");
            assertEquals(List.of(new Tally.Opened("other", 7), new Tally.Added("other", 8)),
                    payloads(eventStore.readEvents("other").asStream().toList()));
        } finally {
            outer.rollback();
        }
    }

    @Test
    void aCommandThatNamesNoAggregateIsSentAloneBetweenTheBatches() {
        Service service = service(() -> { });

        List<Commands.Outcome> outcomes = service.sendAll(List.of(new Tally.Open("a", 1), new Ping("hello"),
                new Tally.Open("b", 1), new Tally.Open("c", 1)));

        assertEquals("pong hello", outcomes.get(1).result());
        assertEquals(List.of(Set.of("a"), Set.of("b", "c")), service.storage.appends());
    }

    /** A command no aggregate handles, answered by a plain handler. */
    record Ping(String text) {
    }

    static final class PingHandler {
        @org.axonframework.commandhandling.CommandHandler
        String handle(Ping ping) {
            return "pong " + ping.text();
        }
    }

    private static DomainEventMessage<?> opened(String id, long start) {
        return new GenericDomainEventMessage<>("Tally", id, 0, new Tally.Opened(id, start));
    }

    private static DomainEventMessage<?> added(String id, long sequence, long amount) {
        return new GenericDomainEventMessage<>("Tally", id, sequence, new Tally.Added(id, amount));
    }

    private static List<Object> payloads(List<? extends DomainEventMessage<?>> events) {
        return events.stream().map(e -> (Object) e.getPayload()).toList();
    }

    private static String describe(Commands.Outcome outcome) {
        if (outcome.succeeded()) {
            return "ok " + outcome.result();
        }
        RuntimeException failure = outcome.failure();
        return failure instanceof RuleViolationException rule ? "refused " + rule.code()
                : failure instanceof ConcurrencyException ? "conflict" : failure.getClass().getName();
    }

    private Service service(Runnable beforeInsert) {
        return service(MONGO.freshDatabase("sendall"), beforeInsert);
    }

    private Service service(MongoDatabase database, Runnable beforeInsert) {
        MongoEventStore store = new MongoEventStore(database, () -> { }, beforeInsert);
        RecordingStorage storage = new RecordingStorage(store);
        Configuration axon = AxonRuntime.configurer(storage).configureAggregate(CreateIfMissingRepository.configuration(Tally.class))
                .registerCommandHandler(c -> new PingHandler()).start();
        started.add(axon);
        return new Service(store, storage, new Commands(axon.commandGateway(), new RecordedBy()));
    }

    private record Service(MongoEventStore store, RecordingStorage storage, Commands commands) {

        List<Commands.Outcome> sendAll(List<?> list) {
            return RecordedBy.as("tester", () -> commands.sendAll(list, MetaData.emptyInstance()));
        }

        Object send(Object command) {
            return RecordedBy.as("tester", () -> commands.send(command));
        }
    }
}
