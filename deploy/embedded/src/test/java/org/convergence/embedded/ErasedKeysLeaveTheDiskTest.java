package org.convergence.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A key deleted from a key database ({@code *_keys}) is in no file of the store once the deletion has answered;
 * the other keys stay readable, before and after a restart.
 */
class ErasedKeysLeaveTheDiskTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aDeletedKeyIsInNoFileOfTheStoreOnceTheDeletionHasAnswered() {
        Path directory = Path.of("target", "erasure-" + UUID.randomUUID()).toAbsolutePath();
        Path file = directory.resolve("convergence.mv");
        List<byte[]> keys = new ArrayList<>();
        int port;
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            port = mongo.port();
            MongoCollection<Document> participantKeys = participantKeys(client);
            for (int i = 0; i < 20; i++) {
                byte[] key = newKey();
                keys.add(key);
                participantKeys.insertOne(new Document("_id", "participant-" + i).append("key", new Binary(key)));
            }
            byte[] erased = keys.get(7);
            assertFalse(StoreFiles.containing(directory, erased).isEmpty(), "the search finds a stored key");

            participantKeys.deleteOne(Filters.eq("_id", "participant-7"));

            assertEquals(List.of(), StoreFiles.containing(directory, erased), "files still holding the erased key");
            assertNull(participantKeys.find(Filters.eq("_id", "participant-7")).first());
            assertArrayEquals(keys.get(8), keyOf(participantKeys, "participant-8"), "the other keys stay");
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, port);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> participantKeys = participantKeys(client);
            assertEquals(19, participantKeys.countDocuments());
            assertArrayEquals(keys.get(19), keyOf(participantKeys, "participant-19"));
            assertEquals(List.of(), StoreFiles.containing(directory, keys.get(7)));
        }
    }

    @Test
    void keyDatabasesLiveInTheirOwnFileBesideTheMainOne() {
        Path directory = Path.of("target", "erasure-" + UUID.randomUUID()).toAbsolutePath();
        Path file = directory.resolve("convergence.mv");
        byte[] key = newKey();
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            participantKeys(client).insertOne(new Document("_id", "p").append("key", new Binary(key)));
            client.getDatabase("enrolment").getCollection("event_commits").insertOne(new Document("_id", "c"));
        }
        assertEquals(List.of(EmbeddedMongo.keyFileOf(file)), StoreFiles.containing(directory, key));
    }

    @Test
    void keysWrittenBeforeTheyHadTheirOwnFileAreMovedThereAndLeaveTheMainFile() {
        Path directory = Path.of("target", "erasure-" + UUID.randomUUID()).toAbsolutePath();
        Path file = directory.resolve("convergence.mv");
        byte[] key = newKey();
        // The library's own backend: everything in one file, as the local stack stored it before.
        MongoServer old = new MongoServer(new H2Backend(mkdirs(file).toString()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + old.bind().getPort())) {
            participantKeys(client).insertOne(new Document("_id", "p").append("key", new Binary(key)));
            client.getDatabase("enrolment").getCollection("event_commits").insertOne(new Document("_id", "c"));
        } finally {
            old.shutdownNow();
        }
        assertEquals(List.of(file), StoreFiles.containing(directory, key));

        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertEquals(List.of(EmbeddedMongo.keyFileOf(file)), StoreFiles.containing(directory, key));
            assertArrayEquals(key, keyOf(participantKeys(client), "p"));
            assertNotNull(client.getDatabase("enrolment").getCollection("event_commits")
                    .find(Filters.eq("_id", "c")).first());
            participantKeys(client).deleteOne(Filters.eq("_id", "p"));
            assertEquals(List.of(), StoreFiles.containing(directory, key));
        }
    }

    private static MongoCollection<Document> participantKeys(MongoClient client) {
        return client.getDatabase("enrolment_keys").getCollection("participant_keys");
    }

    private static byte[] keyOf(MongoCollection<Document> keys, String id) {
        return keys.find(Filters.eq("_id", id)).first().get("key", Binary.class).getData();
    }

    private byte[] newKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    private static Path mkdirs(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
