package org.convergence.platform.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read models of one service generation: every collection is named {@code <generation>_<name>}, and every
 * projection's consumer group ends with the generation. A new generation starts from empty collections and reads
 * its topics from the beginning (a rebuild) while the old collections stay as they were (runbook).
 */
public final class ReadModel {

    private final MongoDatabase database;
    private final String generation;
    private final Map<String, MongoCollection<Document>> collections = new ConcurrentHashMap<>();

    public ReadModel(MongoDatabase database, String generation) {
        if (generation == null || !generation.matches("[a-z][a-z0-9]{0,15}")) {
            throw new IllegalArgumentException("A read-model generation is a lowercase letter then up to 15 letters "
                    + "or digits, e.g. g3; got " + generation);
        }
        this.database = database;
        this.generation = generation;
    }

    public String generation() {
        return generation;
    }

    /** The collection {@code name} of this generation; one instance per name. */
    public MongoCollection<Document> collection(String name) {
        return collections.computeIfAbsent(name, n -> database.getCollection(generation + "_" + n));
    }

    /** Drops every collection handed out: a test's or a benchmark's clean-up. */
    public void drop() {
        collections.values().forEach(MongoCollection::drop);
    }
}
