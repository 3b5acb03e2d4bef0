package org.convergence.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What durable-before-acknowledged costs: single-document inserts per second on the H2 file, with the library's
 * default (auto-commit about once a second: the raw rate, and the data lost by a kill -9) beside the durable
 * backend without and with fsync, for 1 and 8 client threads. Prints figures; asserts only that every insert
 * was stored.
 * Run: {@code ./mvnw -B -pl deploy/embedded -am test -Dbenchmark -Dtest=DurableWriteBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class DurableWriteBenchmark {

    private static final Duration ROUND = Duration.ofSeconds(Long.getLong("bench.seconds", 8));

    @Test
    void insertRateOfTheDefaultAndTheDurableBackends() throws Exception {
        System.out.printf("%ndurable write benchmark: single-document inserts, %d s per row%n", ROUND.toSeconds());
        System.out.printf("%-44s %8s %10s %14s%n", "backend", "clients", "inserts/s", "inserts/commit");
        for (int clients : new int[] {1, 8}) {
            row("H2, library default (raw, auto-commit 1 s)", clients, port -> raw(port));
            row("H2, durable, commit before reply", clients, port -> EmbeddedMongo.h2(file(), 0, false));
            row("H2, durable, commit + fsync before reply", clients, port -> EmbeddedMongo.h2(file(), 0, true));
        }
    }

    @Test
    void erasureTimeAgainstTheNumberOfKeys() {
        System.out.printf("%nerasure benchmark: one key deleted from enrolment_keys, the key file rewritten before "
                + "the reply%n");
        System.out.printf("%10s %12s %16s%n", "keys", "file (KiB)", "erasure (ms)");
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int keys : new int[] {1_000, 10_000, 100_000}) {
            Path file = file();
            try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0);
                 MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> participantKeys = client.getDatabase("enrolment_keys")
                        .getCollection("participant_keys");
                for (int from = 0; from < keys; from += 1_000) {
                    List<Document> batch = new ArrayList<>();
                    for (int i = from; i < Math.min(keys, from + 1_000); i++) {
                        byte[] key = new byte[32];
                        random.nextBytes(key);
                        batch.add(new Document("_id", UUID.randomUUID().toString())
                                .append("key", new org.bson.types.Binary(key)));
                    }
                    participantKeys.insertMany(batch);
                }
                String victim = participantKeys.find().first().getString("_id");
                long start = System.nanoTime();
                participantKeys.deleteOne(new Document("_id", victim));
                double millis = (System.nanoTime() - start) / 1e6;
                long size = EmbeddedMongo.keyFileOf(file).toFile().length();
                System.out.printf("%10d %12d %16.0f%n", keys, size / 1024, millis);
                assertEquals(keys - 1, participantKeys.countDocuments());
            }
        }
    }

    private static void row(String name, int clients, IntFunction<AutoCloseable> server) throws Exception {
        AutoCloseable running = server.apply(0);
        String uri = running instanceof EmbeddedMongo mongo ? mongo.connectionString()
                : "mongodb://127.0.0.1:" + ((RawServer) running).port();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> facts = client.getDatabase("bench").getCollection("facts");
            long warmUp = insertFor(facts, clients, Duration.ofSeconds(2));
            long[] before = running instanceof EmbeddedMongo mongo ? mongo.commitsAndWrites() : new long[0];
            long start = System.nanoTime();
            long inserted = insertFor(facts, clients, ROUND);
            double seconds = (System.nanoTime() - start) / 1e9;
            String perCommit = "-";
            if (running instanceof EmbeddedMongo mongo) {
                long[] after = mongo.commitsAndWrites();
                perCommit = String.format("%.1f", (double) (after[1] - before[1]) / Math.max(1, after[0] - before[0]));
            }
            System.out.printf("%-44s %8d %10.0f %14s%n", name, clients, inserted / seconds, perCommit);
            assertEquals(warmUp + inserted, facts.countDocuments(), "every acknowledged insert is stored");
        } finally {
            running.close();
        }
    }

    private static long insertFor(MongoCollection<Document> facts, int clients, Duration duration) throws Exception {
        AtomicLong inserted = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    facts.insertOne(new Document("_id", UUID.randomUUID().toString())
                            .append("events", List.of(new Document("type", "PathwayEnrolled")
                                    .append("payload", "x".repeat(300)))));
                    inserted.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return inserted.get();
    }

    private static AutoCloseable raw(int port) {
        Path file = file();
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        server.bind(new java.net.InetSocketAddress("127.0.0.1", 0), 0, 16); // as EmbeddedMongo binds
        int bound = server.getLocalAddress().getPort();
        return new RawServer(server, bound);
    }

    private record RawServer(MongoServer server, int port) implements AutoCloseable {
        @Override
        public void close() {
            server.shutdownNow();
        }
    }

    private static Path file() {
        try {
            Path directory = Files.createDirectories(Path.of("target", "bench-" + UUID.randomUUID()).toAbsolutePath());
            return directory.resolve("convergence.mv");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
