package org.convergence.platform.eventstore;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a commit (all events of one unit of work on one aggregate) to and from its Mongo document.
 * The document id is {@code aggregateId:firstSequence}: two writers that loaded the same version collide on it,
 * which is the optimistic lock, and the next commit of a stream is always found by an exact {@code _id} lookup.
 */
final class CommitDocument {

    static final String ID = "_id";

    private CommitDocument() {
    }

    static String idOf(String aggregateId, long firstSequence) {
        return Commit.id(aggregateId, firstSequence);
    }

    static Document toDocument(String aggregateId, String aggregateType, List<StoredEvent> events) {
        List<Document> eventDocuments = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            eventDocuments.add(new Document("id", event.eventId())
                    .append("seq", event.sequence())
                    .append("type", event.payloadType())
                    .append("ts", Date.from(event.timestamp()))
                    .append("payload", event.payload())
                    .append("meta", new Document(new LinkedHashMap<>(event.metadata()))));
        }
        long first = events.get(0).sequence();
        long last = events.get(events.size() - 1).sequence();
        return new Document(ID, idOf(aggregateId, first))
                .append("aggregateId", aggregateId)
                .append("aggregateType", aggregateType)
                .append("first", first)
                .append("last", last)
                .append("events", eventDocuments);
    }

    static long lastSequence(Document commit) {
        return commit.get("last", Number.class).longValue();
    }

    static String aggregateType(Document commit) {
        return commit.getString("aggregateType");
    }

    static List<StoredEvent> events(Document commit) {
        List<Document> eventDocuments = commit.getList("events", Document.class);
        List<StoredEvent> events = new ArrayList<>(eventDocuments.size());
        for (Document d : eventDocuments) {
            Map<String, String> metadata = new LinkedHashMap<>();
            Document meta = d.get("meta", Document.class);
            if (meta != null) {
                meta.forEach((k, v) -> metadata.put(k, String.valueOf(v)));
            }
            events.add(new StoredEvent(d.getString("id"), d.get("seq", Number.class).longValue(),
                    d.getString("type"), d.getDate("ts").toInstant(), d.get("payload", Document.class), metadata));
        }
        return events;
    }
}
