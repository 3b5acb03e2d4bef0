package org.convergence.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** ADR 0043: the embedded server's index paths, same answers as the library's, without its scans and serializations. */
class ExactIdQueriesTest {

    @Test
    void aQueryNamingAnExactIdAmongOtherConditionsIsServedByTheIdIndexWithTheScansAnswersOnBothBackends() {
        Path file = Path.of("target", "mongo-test-" + UUID.randomUUID(), "db.mv");
        assertServedByIndex(() -> EmbeddedMongo.h2(file, 0));
        assertServedByIndex(EmbeddedMongo::inMemory);
    }

    private static void assertServedByIndex(Supplier<EmbeddedMongo> server) {
        try (EmbeddedMongo mongo = server.get(); MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("d").getCollection("c");
            for (int i = 0; i < 20; i++) {
                c.insertOne(new Document("_id", "doc" + i).append("w", i).append("owner", "a"));
            }
            long scans = ExactIdQueries.SCANS.sum();

            assertEquals(7, c.find(Filters.and(Filters.eq("_id", "doc7"), Filters.eq("w", 7))).first().getInteger("w"));
            assertNull(c.find(Filters.and(Filters.eq("_id", "doc7"), Filters.eq("w", 8))).first(), "other condition false");
            assertNull(c.find(Filters.and(Filters.eq("_id", "doc7"), Filters.exists("gone"))).first());
            assertEquals(1, c.updateOne(Filters.and(Filters.eq("_id", "doc3"), Filters.eq("w", 3)),
                    Updates.inc("w", 100)).getModifiedCount(), "a guarded update: the guard held");
            assertEquals(0, c.updateOne(Filters.and(Filters.eq("_id", "doc3"), Filters.eq("w", 3)),
                    Updates.inc("w", 100)).getMatchedCount(), "the same guard no longer holds");
            assertEquals(1, c.deleteOne(Filters.and(Filters.eq("_id", "doc4"),
                    Filters.or(Filters.eq("owner", "a"), Filters.lt("until", 5)))).getDeletedCount());
            assertEquals(0, ExactIdQueries.SCANS.sum() - scans, "no scan for a query naming an exact _id");

            // An upsert whose guard fails on an existing document collides on _id, as with the scan (ADR 0036).
            assertEquals(11000, org.junit.jupiter.api.Assertions.assertThrows(com.mongodb.MongoWriteException.class,
                    () -> c.updateOne(Filters.and(Filters.eq("_id", "doc5"), Filters.eq("w", -1)),
                            Updates.set("x", 1), new UpdateOptions().upsert(true))).getCode());
            assertEquals(103, c.find(Filters.eq("_id", "doc3")).first().getInteger("w"));
            assertEquals(19, c.countDocuments(), "doc4 removed, nothing else");
            long before = ExactIdQueries.SCANS.sum();
            c.find(Filters.eq("w", 5)).first();
            assertEquals(1, ExactIdQueries.SCANS.sum() - before, "anything else is still a scan");
        }
    }

    @Test
    void anIdInQueryAnswersTheDocumentsTheIndexFindsWithoutCheckingEachAgainstTheWholeListOnBothBackends() {
        Path file = Path.of("target", "mongo-test-" + UUID.randomUUID(), "db.mv");
        assertIdInServedByIndexAlone(() -> EmbeddedMongo.h2(file, 0));
        assertIdInServedByIndexAlone(EmbeddedMongo::inMemory);
    }

    private static void assertIdInServedByIndexAlone(Supplier<EmbeddedMongo> server) {
        try (EmbeddedMongo mongo = server.get(); MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("d").getCollection("c");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                documents.add(new Document("_id", "doc" + i).append("n", i));
            }
            c.insertMany(documents);
            List<String> wanted = new ArrayList<>();
            for (int i = 0; i < 300; i += 2) {
                wanted.add("doc" + i);
                wanted.add("absent" + i);
            }
            long checks = ExactIdQueries.CHECKS.sum();
            long scans = ExactIdQueries.SCANS.sum();

            List<Integer> found = new ArrayList<>();
            c.find(Filters.in("_id", wanted)).forEach(d -> found.add(d.getInteger("n")));

            found.sort(null);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 300; i += 2) {
                expected.add(i);
            }
            assertEquals(expected, found, "every present id once, absent ones ignored");
            assertEquals(0, ExactIdQueries.CHECKS.sum() - checks, "no document checked against the list again");
            assertEquals(0, ExactIdQueries.SCANS.sum() - scans);
            assertEquals(List.of(3), c.find(Filters.and(Filters.in("_id", List.of("doc3", "doc4")), Filters.eq("n", 3)))
                    .map(d -> d.getInteger("n")).into(new ArrayList<>()), "with another condition: checked");
        }
    }

    @Test
    void indexKeysAreOrderedAsTheLibrarysH2BackendOrdersThem() {
        ObjectDataType library = new ObjectDataType();
        IndexKeyOrder ours = new IndexKeyOrder();
        Random random = new Random(8);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(switch (i % 4) {
                case 0 -> new KeyValue(UUID.randomUUID().toString());
                case 1 -> new KeyValue("p" + random.nextInt(50) + ":" + random.nextInt(3));
                case 2 -> new KeyValue(random.nextInt(1000));
                default -> new KeyValue("stream-" + random.nextInt(9), (long) random.nextInt(4));
            });
        }
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertEquals(Integer.signum(library.compare(a, b)), Integer.signum(ours.compare(a, b)), a + " vs " + b);
            }
        }
    }

    @Test
    void aFileWrittenByTheLibrarysH2BackendIsReadAndExtendedTheSame() {
        Path file = Path.of("target", "mongo-test-" + UUID.randomUUID(), "db.mv");
        file.getParent().toFile().mkdirs();
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        H2Backend library = new H2Backend(store);
        de.bwaldvogel.mongo.MongoServer plain = new de.bwaldvogel.mongo.MongoServer(library);
        String uri = "mongodb://127.0.0.1:" + plain.bind().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> c = client.getDatabase("d").getCollection("c");
            for (int i = 0; i < 500; i++) {
                c.insertOne(new Document("_id", "k" + i).append("n", i));
            }
        }
        plain.shutdownNow();

        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("d").getCollection("c");
            for (int i = 0; i < 500; i += 7) {
                assertEquals(i, c.find(Filters.eq("_id", "k" + i)).first().getInteger("n"), "k" + i);
            }
            assertEquals(11000, org.junit.jupiter.api.Assertions.assertThrows(com.mongodb.MongoWriteException.class,
                    () -> c.insertOne(new Document("_id", "k250"))).getCode(), "the old index still refuses duplicates");
            c.insertOne(new Document("_id", "k1000").append("n", 1000));
            assertEquals(501, c.countDocuments());
        }
    }
}
