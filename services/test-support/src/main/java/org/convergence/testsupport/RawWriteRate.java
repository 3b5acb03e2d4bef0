package org.convergence.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The yardstick every benchmark prints beside its figure (the ratio is what holds from one machine to the next):
 * how fast the stack's MongoDB takes 10,000 commit-sized documents, 1,000 per {@code insertMany}, in a scratch
 * database dropped afterwards.
 */
public final class RawWriteRate {

    private RawWriteRate() {
    }

    /** Documents per second. */
    public static double insertMany(String mongoUri) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> raw = client.getDatabase("bench_raw").getCollection("raw");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                documents.add(new Document("_id", "raw-" + i + ":0").append("events", List.of(new Document("id",
                        UUID.randomUUID().toString()).append("payload", new Document("pathwayId",
                        UUID.randomUUID().toString()).append("entryDate", "2021-01-01")))));
            }
            long start = System.nanoTime();
            for (int from = 0; from < documents.size(); from += 1_000) {
                raw.insertMany(documents.subList(from, from + 1_000));
            }
            double rate = documents.size() / ((System.nanoTime() - start) / 1e9);
            client.getDatabase("bench_raw").drop();
            return rate;
        }
    }
}
