package org.convergence.platform.relay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/** Per stream, the sequence number of the next event to publish. Keyed by aggregate id: one {@code _id} lookup. */
final class RelayCursors {

    private final MongoCollection<Document> cursors;

    RelayCursors(MongoCollection<Document> cursors) {
        this.cursors = cursors;
    }

    long next(String aggregateId) {
        Document cursor = cursors.find(Filters.eq("_id", aggregateId)).first();
        return cursor == null ? 0 : cursor.get("next", Number.class).longValue();
    }

    void advance(String aggregateId, long next) {
        cursors.replaceOne(Filters.eq("_id", aggregateId), new Document("_id", aggregateId).append("next", next),
                new ReplaceOptions().upsert(true));
    }
}
