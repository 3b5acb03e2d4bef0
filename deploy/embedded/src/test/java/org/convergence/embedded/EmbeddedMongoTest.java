package org.convergence.embedded;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddedMongoTest {

    @Test
    void theH2BackendKeepsDataAcrossARestart() {
        Path file = Path.of("target", "mongo-test-" + UUID.randomUUID(), "db.mv");
        int port;
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
            port = mongo.port();
            client.getDatabase("d").getCollection("c").insertOne(new Document("_id", "paris").append("n", 3));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, port); MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("d").getCollection("c").find(Filters.eq("_id", "paris")).first();
            assertEquals(3, found.getInteger("n"));
        }
    }

    @Test
    void aDuplicateOnAUniqueIndexIsADuplicateKeyError() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(); MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("d").getCollection("c");
            c.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true));
            c.insertOne(new Document("k", 1));
            MongoWriteException e = assertThrows(MongoWriteException.class, () -> c.insertOne(new Document("k", 1)));
            assertEquals(ErrorCategory.DUPLICATE_KEY, e.getError().getCategory());
        }
    }
}
