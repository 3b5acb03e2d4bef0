package org.convergence.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.convergence.embedded.EmbeddedMongo;
import org.convergence.platform.axon.AxonRuntime;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.support.Tally;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Commits per second stored by batched appends, by one append per commit, and by {@code Commands.sendAll} through
 * Axon, beside the embedded server's raw {@code insertMany} rate of the same documents, all in one run on the H2
 * file backend. Prints figures; asserts only that everything was stored.
 * Run: {@code ./mvnw -B -pl services/platform -am test -Dbenchmark -Dtest=BatchedAppendBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.commits=N} to change the size).
 */
@Tag("benchmark")
class BatchedAppendBenchmark {

    private static final int COMMITS = Integer.getInteger("bench.commits", 10_000);
    private static final int PER_APPEND = 1_000;

    @Test
    void batchedAppendsBesideTheRawInsertRate() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-append-");
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(dir.resolve("bench.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            run(client.getDatabase("warmup"), 2_000, false);
            run(client.getDatabase("bench"), COMMITS, true);
        }
    }

    private static void run(MongoDatabase database, int commits, boolean print) {
        MongoEventStore store = new MongoEventStore(database, () -> { });

        // Raw: the same commit documents (two events each, like a past pathway), inserted 1,000 at a time.
        MongoCollection<Document> raw = database.getCollection("raw_commits");
        List<Document> documents = new ArrayList<>(commits);
        for (int i = 0; i < commits; i++) {
            documents.add(new Document(CommitDocument.ID, "raw-" + i + ":0")
                    .append("events", List.of(eventDocument(), eventDocument())));
        }
        long start = System.nanoTime();
        for (int from = 0; from < commits; from += PER_APPEND) {
            raw.insertMany(documents.subList(from, Math.min(commits, from + PER_APPEND)),
                    new InsertManyOptions().ordered(false));
        }
        double rawRate = commits / seconds(start);

        start = System.nanoTime();
        for (int from = 0; from < commits; from += PER_APPEND) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int i = from; i < Math.min(commits, from + PER_APPEND); i++) {
                events.add(new GenericDomainEventMessage<>("Tally", "batched-" + i, 0, new Tally.Opened("b" + i, 0)));
                events.add(new GenericDomainEventMessage<>("Tally", "batched-" + i, 1, new Tally.Added("b" + i, 1)));
            }
            store.appendEvents(events);
        }
        double batchedRate = commits / seconds(start);

        int single = Math.min(commits, 1_000);
        start = System.nanoTime();
        for (int i = 0; i < single; i++) {
            store.appendEvents(List.of(
                    new GenericDomainEventMessage<>("Tally", "single-" + i, 0, new Tally.Opened("s" + i, 0)),
                    new GenericDomainEventMessage<>("Tally", "single-" + i, 1, new Tally.Added("s" + i, 1))));
        }
        double singleRate = single / seconds(start);

        Configuration axon = AxonRuntime.configurer(store).configureAggregate(Tally.class).start();
        double sendAllRate;
        try {
            Commands commands = new Commands(axon.commandGateway(), new RecordedBy());
            List<Object> opens = new ArrayList<>(commits);
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < commits; i++) {
                opens.add(new Tally.Open("axon-" + run + "-" + i, 1));
            }
            start = System.nanoTime();
            int accepted = 0;
            for (int from = 0; from < commits; from += 2_500) {
                List<Object> chunk = opens.subList(from, Math.min(commits, from + 2_500));
                accepted += (int) RecordedBy.as("benchmark", () -> commands.sendAll(chunk, MetaData.emptyInstance()))
                        .stream().filter(Commands.Outcome::succeeded).count();
            }
            sendAllRate = commits / seconds(start);
            assertEquals(commits, accepted);
        } finally {
            axon.shutdown();
        }

        assertEquals(2L * commits + single, database.getCollection(MongoEventStore.COMMITS).countDocuments());
        assertTrue(store.relayQueue().size() > 0);
        if (print) {
            System.out.printf("%nbatched appends on the H2 backend, %,d commits of 2 events (1 event via sendAll):%n",
                    commits);
            System.out.printf("  raw insertMany, 1,000 per call       %,9.0f documents/s%n", rawRate);
            System.out.printf("  appendEvents, 1,000 commits per call %,9.0f commits/s (%.0f %% of raw)%n",
                    batchedRate, 100 * batchedRate / rawRate);
            System.out.printf("  appendEvents, one commit per call    %,9.0f commits/s (%,d commits)%n", singleRate, single);
            System.out.printf("  Commands.sendAll, 2,500 per call     %,9.0f commands/s (%.0f %% of raw)%n",
                    sendAllRate, 100 * sendAllRate / rawRate);
        }
    }

    private static Document eventDocument() {
        return new Document("id", UUID.randomUUID().toString()).append("seq", 0).append("type", Tally.Opened.class.getName())
                .append("ts", new java.util.Date()).append("payload", new Document("id", UUID.randomUUID().toString())
                        .append("start", 0)).append("meta", new Document("recordedBy", "benchmark"));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
