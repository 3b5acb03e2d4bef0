package org.convergence.testsupport.corpus;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a service has stored, in a form two reads can be compared by: for each collection of its database, the number
 * of documents and a digest of their content (order-independent). The relay's bookkeeping, which moves on its own
 * while earlier events are published, is left out; stored events are counted in {@code event_commits}.
 */
public final class StoreSnapshot implements Supplier<Map<String, String>> {

    private static final Set<String> MOVING_ON_THEIR_OWN = Set.of("relay_leases", "relay_cursors", "relay_queue");
    /** Written once and never changed: their count says whether anything was added. */
    private static final Set<String> APPEND_ONLY = Set.of("event_commits");

    private final MongoDatabase database;

    private StoreSnapshot(MongoDatabase database) {
        this.database = database;
    }

    /** The snapshots of a database, from once it has been quiet for a second (earlier tests' work has settled). */
    public static StoreSnapshot of(MongoDatabase database) {
        StoreSnapshot snapshot = new StoreSnapshot(database);
        snapshot.awaitQuiet(Duration.ofSeconds(60));
        return snapshot;
    }

    /** The snapshots of a database, without waiting for it to be quiet. */
    public static StoreSnapshot current(MongoDatabase database) {
        return new StoreSnapshot(database);
    }

    @Override
    public Map<String, String> get() {
        Map<String, String> state = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (MOVING_ON_THEIR_OWN.contains(name)) {
                continue;
            }
            MongoCollection<Document> collection = database.getCollection(name);
            if (APPEND_ONLY.contains(name)) {
                state.put(name, String.valueOf(collection.countDocuments()));
                continue;
            }
            long count = 0;
            long digest = 0;
            for (Document document : collection.find()) {
                count++;
                digest += document.toJson().hashCode() * 31L + 17;
            }
            state.put(name, count + "/" + Long.toHexString(digest));
        }
        return state;
    }

    private void awaitQuiet(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, String> previous = get();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Map<String, String> now = get();
            if (now.equals(previous)) {
                return;
            }
            previous = now;
        }
    }
}
