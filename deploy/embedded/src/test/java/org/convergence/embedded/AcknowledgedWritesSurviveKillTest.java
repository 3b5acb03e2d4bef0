package org.convergence.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded server as the local stack runs it (its own process, H2 file), killed with SIGKILL: whatever it
 * acknowledged is there when it is started again on the same file.
 */
class AcknowledgedWritesSurviveKillTest {

    private static final int WRITERS = 8;

    @Test
    void aWriteAcknowledgedJustBeforeTheServerIsKilledIsThereAfterTheRestart() {
        Path file = Path.of("target", "kill-" + UUID.randomUUID(), "convergence.mv").toAbsolutePath();
        int port = EmbeddedMongoProcess.freePort();
        try (EmbeddedMongoProcess mongo = EmbeddedMongoProcess.start(file, port); MongoClient client = client(port)) {
            client.getDatabase("enrolment").getCollection("event_commits")
                    .insertOne(new Document("_id", "pathway:1:0").append("events", List.of("enrolled")));
            client.getDatabase("enrolment").getCollection("relay_queue")
                    .updateOne(Filters.eq("_id", "pathway:1"), Updates.inc("version", 1),
                            new com.mongodb.client.model.UpdateOptions().upsert(true));
            mongo.kill();
        }
        try (EmbeddedMongoProcess restarted = EmbeddedMongoProcess.start(file, port);
             MongoClient client = client(port)) {
            Document commit = client.getDatabase("enrolment").getCollection("event_commits")
                    .find(Filters.eq("_id", "pathway:1:0")).first();
            assertNotNull(commit, "the acknowledged insert is in the file");
            Document queued = client.getDatabase("enrolment").getCollection("relay_queue")
                    .find(Filters.eq("_id", "pathway:1")).first();
            assertNotNull(queued, "the acknowledged upsert is in the file");
            assertEquals(1, queued.getInteger("version"));
        }
    }

    @Test
    void everyWriteOfABurstAcknowledgedBeforeAKillIsThereAfterTheRestart() throws Exception {
        Path file = Path.of("target", "kill-" + UUID.randomUUID(), "convergence.mv").toAbsolutePath();
        int port = EmbeddedMongoProcess.freePort();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLongArray acknowledgedIncrements = new AtomicLongArray(WRITERS);
        try (EmbeddedMongoProcess mongo = EmbeddedMongoProcess.start(file, port); MongoClient client = client(port)) {
            MongoCollection<Document> facts = client.getDatabase("burst").getCollection("facts");
            MongoCollection<Document> counters = client.getDatabase("burst").getCollection("counters");
            AtomicBoolean serverAlive = new AtomicBoolean(true);
            CountDownLatch enoughWritten = new CountDownLatch(WRITERS * 50);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int n = 0; serverAlive.get(); n++) {
                        String id = "w" + writer + "-" + n;
                        try {
                            facts.insertOne(new Document("_id", id).append("payload", "fact " + n));
                            acknowledged.add(id);
                            counters.findOneAndUpdate(Filters.eq("_id", "counter-" + writer), Updates.inc("n", 1),
                                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                            acknowledgedIncrements.incrementAndGet(writer);
                            enoughWritten.countDown();
                        } catch (RuntimeException serverGone) {
                            return;
                        }
                    }
                }, "writer-" + w);
                thread.start();
                writers.add(thread);
            }
            assertTrue(enoughWritten.await(60, TimeUnit.SECONDS), "writers got going");
            mongo.kill(); // while every writer has a request in flight
            serverAlive.set(false);
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            }
        }

        try (EmbeddedMongoProcess restarted = EmbeddedMongoProcess.start(file, port);
             MongoClient client = client(port)) {
            Set<String> stored = new HashSet<>();
            client.getDatabase("burst").getCollection("facts").find()
                    .forEach(document -> stored.add(document.getString("_id")));
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            System.out.printf("kill -9 burst: %d inserts acknowledged, %d stored after the restart, %d lost%n",
                    acknowledged.size(), stored.size(), lost.size());
            assertEquals(Set.of(), lost, "acknowledged inserts missing after the restart");
            for (int w = 0; w < WRITERS; w++) {
                Document counter = client.getDatabase("burst").getCollection("counters")
                        .find(Filters.eq("_id", "counter-" + w)).first();
                long acked = acknowledgedIncrements.get(w);
                long storedCount = counter == null ? 0 : counter.getInteger("n");
                // The increment in flight at the kill may or may not have been committed; no acknowledged one is lost.
                assertTrue(storedCount == acked || storedCount == acked + 1,
                        "writer " + w + ": " + acked + " increments acknowledged, " + storedCount + " stored");
            }
        }
    }

    private static MongoClient client(int port) {
        return MongoClients.create("mongodb://127.0.0.1:" + port
                + "/?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000&retryWrites=false&retryReads=false");
    }
}
