package org.convergence.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The embedded MongoDB's own write rates, measured in the benchmark's run on the stack's server, so that a figure
 * can be printed beside what the database alone gives on this machine today (the ratio is what carries over).
 */
public final class RawWriteRate {

    private static final int DOCUMENTS = 10_000;

    private RawWriteRate() {
    }

    /** Documents per second taken by {@code insertMany} of commit-sized documents, 1,000 per call. */
    public static double insertMany(String mongoUri) {
        return measure(mongoUri, (raw, documents) -> {
            for (int from = 0; from < documents.size(); from += 1_000) {
                raw.insertMany(documents.subList(from, from + 1_000));
            }
        }, DOCUMENTS);
    }

    /**
     * Runs {@link #insertMany} {@code rounds} times and prints each rate under {@code label}, so that the measure
     * that follows is of a server whose insert path is compiled. On the embedded server that stored nothing before,
     * the first round ran at 4,000–6,300 documents/s and the tenth at 24,000–36,000; one measured right after other
     * work still climbs for a few rounds (ADR 0058): a ratio to a yardstick taken cold says how cold it was.
     */
    public static void warmUpInsertMany(String mongoUri, int rounds, String label) {
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("%s: raw insertMany, warm-up round %d of %d: %,.0f documents/s%n", label, round, rounds,
                    insertMany(mongoUri));
        }
    }

    /** Documents per second taken one {@code insertOne} at a time by one client (one durable write each). */
    public static double insertOneByOne(String mongoUri) {
        return measure(mongoUri, (raw, documents) -> documents.forEach(raw::insertOne), 2_000);
    }

    /**
     * Documents per second taken by unordered bulk writes of 500 upserts by {@code _id}, each setting one field
     * (the server's best case per write, the yardstick of read-model writes); drops {@code collection} afterwards.
     */
    public static double bulkUpsert(MongoCollection<Document> collection) {
        int count = 20_000;
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        long start = System.nanoTime();
        for (int from = 0; from < count; from += 500) {
            List<WriteModel<Document>> writes = new ArrayList<>(500);
            for (int i = from; i < from + 500; i++) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", "doc-" + i), Updates.set("value", i), upsert));
            }
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        double rate = count / ((System.nanoTime() - start) / 1e9);
        collection.drop();
        return rate;
    }

    private interface Writes {
        void into(MongoCollection<Document> raw, List<Document> documents);
    }

    private static double measure(String mongoUri, Writes writes, int count) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> raw = client.getDatabase("bench_raw").getCollection("raw");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                documents.add(new Document("_id", "raw-" + i + ":0").append("events", List.of(new Document("id",
                        UUID.randomUUID().toString()).append("payload", new Document("pathwayId",
                        UUID.randomUUID().toString()).append("entryDate", "2021-01-01")))));
            }
            long start = System.nanoTime();
            writes.into(raw, documents);
            double rate = count / ((System.nanoTime() - start) / 1e9);
            client.getDatabase("bench_raw").drop();
            return rate;
        }
    }
}
