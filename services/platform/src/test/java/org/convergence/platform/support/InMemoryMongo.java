package org.convergence.platform.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.convergence.embedded.EmbeddedMongo;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.UUID;

/**
 * An in-memory embedded MongoDB-compatible server for one test class, with a client to it: register it as a
 * static field ({@code @RegisterExtension static final InMemoryMongo MONGO = new InMemoryMongo();}) and take a fresh
 * database per test with {@link #freshDatabase(String)}.
 */
public final class InMemoryMongo implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedMongo server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.stop();
    }

    /** To connect another client, e.g. one that listens to the commands it sends. */
    public String connectionString() {
        return server.connectionString();
    }

    public MongoClient client() {
        return client;
    }

    /** A database no other test uses, named after what it serves. */
    public MongoDatabase freshDatabase(String prefix) {
        return client.getDatabase(prefix + "-" + UUID.randomUUID());
    }
}
