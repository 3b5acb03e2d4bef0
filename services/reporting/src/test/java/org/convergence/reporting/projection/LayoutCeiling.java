package org.convergence.reporting.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layout ceiling of a rebuild (ADR 0048): the least the embedded server must do to store the documents a rebuild
 * wrote, with no consumer work at all. The rebuilt collections are read back, then written again into a fresh
 * database on the same server, as many writes per collection as the rebuild made, spread over as many batches, one
 * unordered bulk write per collection and batch: the first write of a document inserts it, the later ones rewrite
 * it, as in the rebuild (every write carries the document's final contents, so early writes are a little larger than
 * the rebuild's). Then the same bytes with the most written collection packed {@code K} documents per bucket (buckets
 * chosen by a hash of the id, as a real bucketed layout would): each batch writes each bucket it touches once.
 *
 * <p>Each layout is written two ways: whole replacements ({@code replaceOne} upserts), and {@code $set} upserts as the
 * rebuild writes (every top-level field of a flat document; only the touched entries of a bucket).
 */
final class LayoutCeiling {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final ReplaceOptions REPLACE_UPSERT = new ReplaceOptions().upsert(true);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    /** One rebuilt collection: how many writes the rebuild made to it, and its documents as stored at the end. */
    record Written(String collection, long writes, List<RawBsonDocument> documents) {

        long bytes() {
            return documents.stream().mapToLong(d -> d.getByteBuffer().remaining()).sum();
        }
    }

    enum Mode { REPLACE, SET }

    private final MongoClient client;
    private final List<Written> layout;
    private final int batches;
    private int runs;
    private long lastBucketWrites;
    private String lastCheck = "";

    private LayoutCeiling(MongoClient client, List<Written> layout, int batches) {
        this.client = client;
        this.layout = layout;
        this.batches = batches;
    }

    /** The rebuilt collections read back, with the writes counted per collection by the projection. */
    static LayoutCeiling of(MongoClient client, MongoDatabase rebuilt, Map<String, Long> writesByCollection,
                            long batches) {
        List<Written> layout = new ArrayList<>();
        writesByCollection.forEach((name, writes) -> {
            List<RawBsonDocument> documents = rebuilt.getCollection(name, RawBsonDocument.class).find()
                    .into(new ArrayList<>());
            if (!documents.isEmpty()) {
                layout.add(new Written(name, writes, documents));
            }
        });
        return new LayoutCeiling(client, layout, (int) batches);
    }

    int batches() {
        return batches;
    }

    List<Written> layout() {
        return layout;
    }

    /** The collection written most often: the one a bucketed layout would pack (the participants, ADR 0031). */
    Written mostWritten() {
        return layout.stream().max((a, b) -> Long.compare(a.writes(), b.writes())).orElseThrow();
    }

    /**
     * Seconds to write the layout as the rebuild did, in a fresh database; checks that the database then holds the
     * rebuilt documents, byte for byte, so that the ceiling stored exactly what the rebuild stored.
     */
    double flat(Mode mode) {
        MongoDatabase database = freshDatabase();
        long start = System.nanoTime();
        for (int batch = 0; batch < batches; batch++) {
            for (Written written : layout) {
                List<WriteModel<RawBsonDocument>> writes = new ArrayList<>();
                for (RawBsonDocument document : batchOf(written, batch)) {
                    writes.add(write(document, mode));
                }
                if (!writes.isEmpty()) {
                    database.getCollection(written.collection(), RawBsonDocument.class).bulkWrite(writes, UNORDERED);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = 0;
        long storedBytes = 0;
        for (Written written : layout) {
            List<RawBsonDocument> stored = database.getCollection(written.collection(), RawBsonDocument.class).find()
                    .into(new ArrayList<>());
            assertEquals(written.documents().size(), stored.size(), written.collection() + ": documents stored");
            bytes += written.bytes();
            storedBytes += new Written(written.collection(), 0, stored).bytes();
        }
        lastCheck = "%,d of the rebuild's %,d bytes stored".formatted(storedBytes, bytes);
        database.drop();
        return seconds;
    }

    /**
     * Seconds to write the layout with {@link #mostWritten()} packed {@code perBucket} documents per bucket, the
     * other collections as in {@link #flat}; checks that every packed document is stored in its bucket.
     */
    double bucketed(int perBucket, Mode mode) {
        Written packed = mostWritten();
        int buckets = Math.max(1, (packed.documents().size() + perBucket - 1) / perBucket);
        Map<Integer, BsonDocument> bucketContents = new LinkedHashMap<>();
        for (int i = 0; i < packed.documents().size(); i++) {
            bucketContents.computeIfAbsent(bucketOf(packed.documents().get(i), buckets), b -> new BsonDocument())
                    .append(entryKey(i), entryOf(packed.documents().get(i)));
        }
        Map<RawBsonDocument, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < packed.documents().size(); i++) {
            index.put(packed.documents().get(i), i);
        }
        MongoDatabase database = freshDatabase();
        long start = System.nanoTime();
        long bucketWrites = 0;
        for (int batch = 0; batch < batches; batch++) {
            for (Written written : layout) {
                List<WriteModel<BsonDocument>> writes = new ArrayList<>();
                if (written == packed) {
                    Map<Integer, List<Bson>> touched = new LinkedHashMap<>();
                    for (RawBsonDocument document : batchOf(written, batch)) {
                        int i = index.get(document);
                        touched.computeIfAbsent(bucketOf(document, buckets), b -> new ArrayList<>())
                                .add(Updates.set("entries." + entryKey(i), entryOf(document)));
                    }
                    touched.forEach((bucket, sets) -> writes.add(mode == Mode.SET
                            ? new UpdateOneModel<>(Filters.eq("_id", "b" + bucket), Updates.combine(sets), UPSERT)
                            : new ReplaceOneModel<>(Filters.eq("_id", "b" + bucket), new BsonDocument("_id",
                                    new org.bson.BsonString("b" + bucket)).append("entries",
                                    bucketContents.get(bucket)), REPLACE_UPSERT)));
                    bucketWrites += touched.size();
                } else {
                    for (RawBsonDocument document : batchOf(written, batch)) {
                        writes.add(asBson(write(document, mode)));
                    }
                }
                if (!writes.isEmpty()) {
                    database.getCollection(written.collection(), BsonDocument.class).bulkWrite(writes, UNORDERED);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long entries = 0;
        for (BsonDocument bucket : database.getCollection(packed.collection(), BsonDocument.class).find()) {
            entries += bucket.getDocument("entries").size();
        }
        assertEquals(packed.documents().size(), entries, "every packed document stored in its bucket");
        lastBucketWrites = bucketWrites;
        database.drop();
        return seconds;
    }

    /** What the last {@link #flat} run found stored, against the rebuild's bytes. */
    String lastCheck() {
        return lastCheck;
    }

    /** How many bucket writes the last {@link #bucketed} run made. */
    long lastBucketWrites() {
        return lastBucketWrites;
    }

    /**
     * The documents {@code written} gets in batch {@code batch}: its writes spread evenly over the batches, write
     * {@code i} going to document {@code i mod count}, so every document is written and each batch rewrites as many
     * documents as the rebuild's did on average.
     */
    private List<RawBsonDocument> batchOf(Written written, int batch) {
        long from = written.writes() * batch / batches;
        long to = written.writes() * (batch + 1) / batches;
        int count = written.documents().size();
        List<RawBsonDocument> documents = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            documents.add(written.documents().get((int) (i % count)));
        }
        return documents;
    }

    private static WriteModel<RawBsonDocument> write(RawBsonDocument document, Mode mode) {
        Bson byId = Filters.eq("_id", document.get("_id"));
        if (mode == Mode.REPLACE) {
            return new ReplaceOneModel<>(byId, document, REPLACE_UPSERT);
        }
        List<Bson> sets = new ArrayList<>();
        document.forEach((field, value) -> {
            if (!"_id".equals(field)) {
                sets.add(Updates.set(field, value));
            }
        });
        return new UpdateOneModel<>(byId, Updates.combine(sets), UPSERT);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static WriteModel<BsonDocument> asBson(WriteModel<RawBsonDocument> write) {
        if (write instanceof ReplaceOneModel<RawBsonDocument> replace) {
            return new ReplaceOneModel<>(replace.getFilter(), replace.getReplacement(), REPLACE_UPSERT);
        }
        return (WriteModel) write;
    }

    private static int bucketOf(RawBsonDocument document, int buckets) {
        return Math.floorMod(document.get("_id").hashCode() * 0x9E3779B1, buckets);
    }

    private static String entryKey(int index) {
        return "p" + index;
    }

    private static BsonDocument entryOf(RawBsonDocument document) {
        BsonDocument entry = new BsonDocument();
        document.forEach((field, value) -> {
            if (!"_id".equals(field)) {
                entry.append(field, value);
            }
        });
        return entry;
    }

    private MongoDatabase freshDatabase() {
        return client.getDatabase("ceiling" + (++runs));
    }
}
