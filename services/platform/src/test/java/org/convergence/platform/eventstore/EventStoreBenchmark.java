package org.convergence.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.convergence.embedded.EmbeddedMongo;
import org.convergence.platform.support.TestEvents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.convergence.platform.support.TestEvents.counted;

/**
 * Command latency (load an aggregate of 20 events in 5 commits, append one event) as the store grows to a
 * million events, on the embedded server's H2 file backend. Prints figures; asserts nothing about speed.
 * Run: {@code ./mvnw -pl services/platform -am test -Dbenchmark -Dtest=EventStoreBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.events=N} to change the size).
 */
@Tag("benchmark")
class EventStoreBenchmark {

    private static final int EVENTS_PER_COMMIT = 4;
    private static final int COMMITS_PER_AGGREGATE = 5;
    private static final int EVENTS_PER_AGGREGATE = EVENTS_PER_COMMIT * COMMITS_PER_AGGREGATE;
    private static final int SAMPLES = 300;

    @Test
    void commandLatencyDoesNotGrowWithTheStore() throws IOException {
        int target = Integer.getInteger("bench.events", 1_000_000);
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-store-");
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(dir.resolve("bench.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase database = client.getDatabase("bench");
            MongoEventStore store = new MongoEventStore(database, () -> { });
            MongoCollection<Document> commits = database.getCollection(MongoEventStore.COMMITS);
            System.out.printf("%n%-14s %-10s %-10s %-10s %-10s %-14s%n", "stored events", "p50 ms", "p95 ms",
                    "p99 ms", "max ms", "load rate ev/s");
            measureCommands(store, commits, -1); // JIT and connection warm-up, not reported
            long stored = 0;
            int aggregates = 0;
            for (int step : new int[] {0, target / 4, target / 2, target}) {
                long loadStart = System.nanoTime();
                long before = stored;
                while (stored < step) {
                    List<Document> batch = new ArrayList<>(1_000);
                    for (int i = 0; i < 1_000 / COMMITS_PER_AGGREGATE && stored < step; i++) {
                        batch.addAll(historicAggregate("bench-" + aggregates++));
                        stored += EVENTS_PER_AGGREGATE;
                    }
                    commits.insertMany(batch);
                }
                double loadRate = (stored - before) / Math.max(1e-9, (System.nanoTime() - loadStart) / 1e9);
                double[] latencies = measureCommands(store, commits, step);
                Arrays.sort(latencies);
                System.out.printf("%-14d %-10.2f %-10.2f %-10.2f %-10.2f %-14.0f%n", stored,
                        percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                        latencies[latencies.length - 1], stored == before ? 0 : loadRate);
                database.getCollection(MongoEventStore.RELAY_QUEUE).deleteMany(new Document()); // no relay here
            }
        }
    }

    /** A command on an aggregate that already has 20 events: what a pathway update costs. */
    private static double[] measureCommands(MongoEventStore store, MongoCollection<Document> commits, int step) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            String id = "probe-" + step + "-" + i;
            commits.insertMany(historicAggregate(id));
            ids.add(id);
        }
        double[] latencies = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            long next = store.lastSequenceNumberFor(ids.get(i)).orElseThrow() + 1;
            store.appendEvents(List.of(counted(ids.get(i), next)));
            latencies[i] = (System.nanoTime() - start) / 1e6;
        }
        return latencies;
    }

    private static List<Document> historicAggregate(String aggregateId) {
        List<Document> documents = new ArrayList<>(COMMITS_PER_AGGREGATE);
        long sequence = 0;
        for (int c = 0; c < COMMITS_PER_AGGREGATE; c++) {
            List<StoredEvent> events = new ArrayList<>(EVENTS_PER_COMMIT);
            for (int e = 0; e < EVENTS_PER_COMMIT; e++, sequence++) {
                events.add(new StoredEvent(UUID.randomUUID().toString(), sequence,
                        TestEvents.Counted.class.getName(), Instant.now(),
                        new Document("counterId", aggregateId).append("value", sequence), Map.of()));
            }
            documents.add(CommitDocument.toDocument(aggregateId, "Counter", events));
        }
        return documents;
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
