package org.convergence.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What enrolment's event store holds, read from the database itself: per pathway, how many enrolment and exit
 * facts its stream has. Event types are the enrolment domain's (PathwayMessages). Also what a crash may leave
 * behind by design: streams still queued for the relay, and one-active-pathway slots taken by an enrolment that
 * never stored its pathway (the next enrolment of that participant takes them over).
 */
record StoreAudit(Map<String, Integer> enrolments, Map<String, Integer> exits, long relayQueue, long orphanSlots) {

    private static final String ENROLLED = "$ParticipantEnrolledEvent";
    private static final String EXITED = "$PathwayExitRecordedEvent";

    static StoreAudit read(String mongoUri) {
        Map<String, Integer> enrolments = new HashMap<>();
        Map<String, Integer> exits = new HashMap<>();
        long relayQueue;
        long orphanSlots = 0;
        try (MongoClient client = MongoClients.create(mongoUri + "/?serverSelectionTimeoutMS=10000")) {
            var database = client.getDatabase("enrolment");
            for (Document commit : database.getCollection("event_commits").find()) {
                if (!commit.getString("aggregateId").startsWith("pathway:")) {
                    continue;
                }
                for (Document event : commit.getList("events", Document.class)) {
                    String type = event.getString("type");
                    String pathwayId = event.get("payload", Document.class).getString("pathwayId");
                    if (type.endsWith(ENROLLED)) {
                        enrolments.merge(pathwayId, 1, Integer::sum);
                    } else if (type.endsWith(EXITED)) {
                        exits.merge(pathwayId, 1, Integer::sum);
                    }
                }
            }
            relayQueue = database.getCollection("relay_queue").countDocuments();
            for (Document slot : database.getCollection("active_pathway_slots").find()) {
                if (!enrolments.containsKey(slot.getString("pathwayId"))) {
                    orphanSlots++;
                }
            }
        }
        return new StoreAudit(enrolments, exits, relayQueue, orphanSlots);
    }

    int facts() {
        return enrolments.values().stream().mapToInt(Integer::intValue).sum()
                + exits.values().stream().mapToInt(Integer::intValue).sum();
    }

    long duplicated() {
        return List.of(enrolments, exits).stream().flatMap(m -> m.values().stream()).filter(n -> n > 1).count();
    }
}
