package org.convergence.embedded;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonBinarySubType;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ADR 0049: a store written before documents were stored as BSON (every document Java-serialized by H2's
 * ObjectDataType, as the library's backend and this server until then wrote them) opens with no migration, answers
 * the same documents, takes new writes, queries and index lookups, and opens again with old and new values mixed.
 */
class DocumentsStoredAsBsonTest {

    private static final int OLD = 300;

    @Test
    void aStoreWrittenWithJavaSerializedDocumentsIsReadExtendedAndReopenedWithoutMigration() {
        Path file = Path.of("target", "mongo-test-" + UUID.randomUUID(), "convergence.mv").toAbsolutePath();
        file.getParent().toFile().mkdirs();
        Map<Object, Document> expected = writeWithTheLibrarysBackend(file);
        Document expectedKey = new Document("_id", "participant-1").append("key", new Binary(new byte[] {1, 2, 3}));

        long serializedBefore = BsonDocumentType.SERIALIZED.sum();
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0, false);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("enrolment").getCollection("event_commits");
            assertEquals(expected, byId(c), "every old document read as the library's server answered it");
            assertTrue(BsonDocumentType.SERIALIZED.sum() > serializedBefore, "old values read through ObjectDataType");
            assertEquals(expectedKey, client.getDatabase("enrolment_keys").getCollection("keys").find().first(),
                    "the key database moved to its own file (ADR 0013) with its Java-serialized document");

            // New writes beside the old ones: inserts, updates rewriting old documents, deletions.
            List<Document> inserted = new ArrayList<>();
            for (int i = OLD; i < OLD + 100; i++) {
                inserted.add(commit(i));
                expected.put(id(i), commit(i));
            }
            c.insertMany(inserted);
            for (int i = 0; i < OLD + 100; i += 6) {
                c.updateOne(Filters.eq("_id", id(i)), Updates.combine(Updates.inc("n", 1000), Updates.set("seen", true),
                        Updates.push("events", "updated")));
                Document updated = new Document(expected.get(id(i)));
                updated.put("n", (Integer) updated.get("n") + 1000);
                List<Object> events = new ArrayList<>(updated.getList("events", Object.class));
                events.add("updated");
                updated.put("events", events);
                updated.put("seen", true);
                expected.put(id(i), updated);
            }
            // The document holding $currentDate's sub-millisecond instant is rewritten through ObjectDataType.
            c.updateOne(Filters.eq("_id", id(1)), Updates.set("seen", true));
            expected.get(id(1)).put("seen", true);
            for (int i = 5; i < OLD + 100; i += 37) {
                assertEquals(1, c.deleteOne(Filters.eq("_id", id(i))).getDeletedCount());
                expected.remove(id(i));
            }
            // Index lookups: _id (old and new), the unique index on code refusing a duplicate, a scan.
            assertEquals(expected.get(id(7)), c.find(Filters.eq("_id", id(7))).first());
            assertEquals(expected.get(id(OLD + 7)), c.find(Filters.eq("_id", id(OLD + 7))).first());
            assertEquals(11000, assertThrows(MongoWriteException.class, () -> c.insertOne(commit(3))).getError()
                    .getCode(), "the old _id index refuses a duplicate");
            assertEquals(11000, assertThrows(MongoWriteException.class,
                    () -> c.insertOne(new Document("_id", "other").append("code", "code-12"))).getError().getCode(),
                    "the old unique index on code refuses a duplicate");
            assertEquals(expected.values().stream().filter(d -> (Integer) d.get("n") >= 1000).count(),
                    c.countDocuments(Filters.gte("n", 1000)));
            assertEquals(expected, byId(c));
        }

        for (int reopen = 0; reopen < 2; reopen++) {
            try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0, false);
                 MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> c = client.getDatabase("enrolment").getCollection("event_commits");
                assertEquals(expected, byId(c), "reopened, old and new values mixed");
                assertEquals(expectedKey, client.getDatabase("enrolment_keys").getCollection("keys").find().first());
                assertEquals(11000, assertThrows(MongoWriteException.class,
                        () -> c.insertOne(new Document("_id", "other").append("code", "code-" + (OLD + 12))))
                        .getError().getCode());
                Document late = commit(1_000 + reopen);
                c.insertOne(late);
                expected.put(late.get("_id"), late);
            }
        }

        // The new values are BSON: the library's backend (ObjectDataType alone) can no longer read them.
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            MVMap<Object, Object> plain = store.openMap("databases.enrolment.event_commits");
            assertThrows(RuntimeException.class, () -> plain.get(id(OLD + 1)), "a new document is not Java-serialized");
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertEquals(expected.size(), IndexedH2Backend.openDocuments(store, "databases.enrolment.event_commits")
                    .size());
        }
    }

    @Test
    void keyDatabaseMapsMovedOutOfAnOldMainFileJoinAKeyFileAlreadyHoldingBsonDocuments() {
        // A key file written by this server (BSON) and a main file from before ADR 0013 holding the same key
        // collection (Java-serialized): the move reads and extends the key file's pages, so it must read both forms.
        Path file = Path.of("target", "mongo-test-" + UUID.randomUUID(), "convergence.mv").toAbsolutePath();
        file.getParent().toFile().mkdirs();
        Document recent = new Document("_id", "participant-2").append("key", new Binary(new byte[] {4, 5, 6}));
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0, false);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("enrolment_keys").getCollection("keys").insertOne(recent);
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer library = new MongoServer(new H2Backend(store));
        Document old = new Document("_id", "participant-1").append("key", new Binary(new byte[] {1, 2, 3}));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + library.bind().getPort())) {
            client.getDatabase("enrolment_keys").getCollection("keys").insertOne(old);
        } finally {
            library.shutdownNow();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0, false);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> keys = client.getDatabase("enrolment_keys").getCollection("keys");
            assertEquals(List.of(old, recent), keys.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
    }

    /** What the library's own H2 backend writes: every document Java-serialized (ObjectDataType values). */
    private static Map<Object, Document> writeWithTheLibrarysBackend(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer library = new MongoServer(new H2Backend(store));
        String uri = "mongodb://127.0.0.1:" + library.bind().getPort();
        Map<Object, Document> written;
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> c = client.getDatabase("enrolment").getCollection("event_commits");
            c.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            List<Document> commits = new ArrayList<>();
            for (int i = 0; i < OLD; i++) {
                commits.add(commit(i));
            }
            c.insertMany(commits);
            // Server-made values: $currentDate (an instant finer than BSON's milliseconds), $inc to a long.
            c.updateOne(Filters.eq("_id", id(1)), Updates.combine(Updates.currentDate("touched"),
                    Updates.inc("big", 1L)));
            client.getDatabase("enrolment_keys").getCollection("keys")
                    .insertOne(new Document("_id", "participant-1").append("key", new Binary(new byte[] {1, 2, 3})));
            written = byId(c);
        } finally {
            library.shutdownNow();
        }
        return written;
    }

    /** A document with every type a client can send, as the event store's commits and more. */
    private static Document commit(int i) {
        return new Document("_id", id(i)).append("code", "code-" + i).append("n", i).append("big", 1L << 40 | i)
                .append("amount", i / 4.0).append("at", new Date(1_700_000_000_000L + i))
                .append("oid", new ObjectId(String.format("5f1d7a2b9c3e4d5f6a%06x", i)))
                .append("bin", new Binary(new byte[] {(byte) i, 0, -1}))
                .append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, new byte[16]))
                .append("decimal", new Decimal128(new BigDecimal(i + ".25")))
                .append("events", new ArrayList<>(List.of("enrolled", "hours:" + i)))
                .append("nested", new Document("a", List.of(i, new Document("b", "é€😀 " + i))))
                .append("none", null).append("flag", i % 2 == 0).append("re", new BsonRegularExpression("^x" + i, "i"))
                .append("ts", new BsonTimestamp(i, 1)).append("min", new MinKey()).append("max", new MaxKey())
                .append("js", new Code("return " + i));
    }

    private static String id(int i) {
        return String.format("pathway-%05d:0", i);
    }

    private static Map<Object, Document> byId(MongoCollection<Document> c) {
        Map<Object, Document> documents = new LinkedHashMap<>();
        for (Document document : c.find().sort(Sorts.ascending("_id"))) {
            assertNull(documents.put(document.get("_id"), document), "unique _id");
        }
        return documents;
    }
}
