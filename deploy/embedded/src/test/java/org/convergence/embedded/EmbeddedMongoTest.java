package org.convergence.embedded;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedMongoTest {

    @Test
    void theH2BackendKeepsDataAcrossARestartOnTheSameFile() {
        Path file = Path.of("target", "mongo-test-" + UUID.randomUUID(), "db.mv");
        int port;
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
            port = mongo.port();
            assertEquals("mongodb://127.0.0.1:" + port, mongo.connectionString());
            client.getDatabase("d").getCollection("c").insertOne(new Document("_id", "paris").append("n", 3));
        }
        assertTrue(Files.exists(file), "H2 file written");

        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, port); MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("d").getCollection("c").find(Filters.eq("_id", "paris")).first();
            assertNotNull(found, "document survived the restart");
            assertEquals(3, found.getInteger("n"));
        }
    }

    @Test
    void aDuplicateOnAUniqueIndexIsError11000OnBothBackends() {
        Path file = Path.of("target", "mongo-test-" + UUID.randomUUID(), "db.mv");
        assertDuplicateKeyError(() -> EmbeddedMongo.h2(file, 0));
        assertDuplicateKeyError(EmbeddedMongo::inMemory);
    }

    private static void assertDuplicateKeyError(Supplier<EmbeddedMongo> server) {
        try (EmbeddedMongo mongo = server.get(); MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("d").getCollection("c");
            c.createIndex(Indexes.ascending("stream", "sequence"), new IndexOptions().unique(true));
            c.insertOne(new Document("stream", "a").append("sequence", 1));
            c.insertOne(new Document("stream", "b").append("sequence", 1));
            MongoWriteException e = assertThrows(MongoWriteException.class,
                    () -> c.insertOne(new Document("stream", "a").append("sequence", 1)));
            assertEquals(11000, e.getCode());
            assertEquals(2, c.countDocuments());
            // mongo-java-server logs such ordinary errors with a stack trace at INFO: silenced.
            assertFalse(LoggerFactory.getLogger("de.bwaldvogel.mongo.backend.AbstractMongoCollection").isInfoEnabled());
        }
    }
}
