package org.convergence.platform.axon;

import org.axonframework.config.Configuration;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.support.InMemoryMongo;
import org.convergence.platform.support.Tally;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ADR 0056: a stream named by a create-if-missing command is created when empty and loaded otherwise, as in Axon. */
class CreateIfMissingRepositoryTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private MongoEventStore store;
    private Configuration axon;
    private Commands commands;

    @BeforeEach
    void startAxon() {
        store = new MongoEventStore(MONGO.freshDatabase("create-if-missing"), () -> { });
        axon = AxonRuntime.configurer(store).configureAggregate(CreateIfMissingRepository.configuration(Tally.class))
                .start();
        commands = new Commands(axon.commandGateway(), new RecordedBy());
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
    }

    @Test
    void aStreamWithNoEventsIsCreatedAndAStreamWithEventsIsLoaded() {
        assertEquals(2L, send(new Tally.Count("t", 2)));
        assertEquals(5L, send(new Tally.Count("t", 3)), "the second command sees the first one's total");
        assertEquals(List.of("Opened", "Added", "Added"), store.eventsOf("t", 0).stream()
                .map(event -> event.getPayloadType().getSimpleName()).toList());
    }

    @Test
    void aCommandThatDoesNotCreateStillFailsOnAMissingStreamNamingIt() {
        AggregateNotFoundException missing = assertThrows(AggregateNotFoundException.class,
                () -> send(new Tally.Add("missing", 1)));
        assertEquals("missing", missing.getAggregateIdentifier());
        assertEquals(0, store.eventsOf("missing", 0).size());
    }

    @Test
    void aPlainLoadAfterACreationOnTheSameThreadStillNamesTheMissingStream() {
        send(new Tally.Count("created", 1));
        AggregateNotFoundException missing = assertThrows(AggregateNotFoundException.class,
                () -> send(new Tally.Add("still-missing", 1)));
        assertEquals("still-missing", missing.getAggregateIdentifier(), "the creation's mark must not linger");
    }

    @Test
    void commandsOfOneBatchCreateEachNewStreamOnceAndLoadTheOthers() {
        send(new Tally.Count("known", 10));
        List<Commands.Outcome> outcomes = RecordedBy.as("tester", () -> commands.sendAll(List.of(
                new Tally.Count("fresh", 1), new Tally.Count("fresh", 2), new Tally.Count("known", 3),
                new Tally.Count("other", 4)), MetaData.emptyInstance()));
        assertEquals(List.of(1L, 3L, 13L, 4L), outcomes.stream().map(Commands.Outcome::result).toList());
        assertEquals(3, store.eventsOf("fresh", 0).size(), "one Opened, two Added");
        assertEquals(3L, total("fresh"));
        assertEquals(13L, total("known"));
    }

    @Test
    void concurrentCommandsOnOneNewStreamCreateItOnceAndAddUpInThisProcess() throws Exception {
        // Axon locks the stream before reading it: a second command waits for the first one's commit and then
        // loads the stream instead of creating it again (which the store would refuse as a conflict).
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> sent = new ArrayList<>();
            for (int i = 1; i <= threads; i++) {
                long amount = i;
                sent.add(pool.submit(() -> {
                    start.await();
                    return send(new Tally.Count("shared", amount));
                }));
            }
            start.countDown();
            for (Future<Object> result : sent) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1 + threads, store.eventsOf("shared", 0).size(), "one Opened, then one Added per command");
        assertEquals(36L, total("shared"), "1 + 2 + ... + 8: no command lost");
    }

    private long total(String tally) {
        return store.eventsOf(tally, 0).stream().map(event -> (Object) event.getPayload())
                .filter(Tally.Added.class::isInstance).mapToLong(added -> ((Tally.Added) added).amount()).sum();
    }

    private Object send(Object command) {
        return RecordedBy.as("tester", () -> commands.send(command));
    }
}
