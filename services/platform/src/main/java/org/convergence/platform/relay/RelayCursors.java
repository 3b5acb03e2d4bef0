package org.convergence.platform.relay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per stream with a legacy entry in the relay queue (the format before ADR 0008, which lists no commits), the
 * sequence number of the next event to publish, keyed by aggregate id: read with one {@code $in}, written with one
 * unordered bulk write. Streams of announcements have no cursor: they start at their lowest announced commit
 * (ADR 0051), and a cursor document of theirs left by an earlier version is neither read nor written. A cursor only moves forward ({@code $max}), so a relay that
 * overlapped a newer owner for a moment cannot move one back.
 */
final class RelayCursors {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> cursors;

    RelayCursors(MongoCollection<Document> cursors) {
        this.cursors = cursors;
    }

    /** The next sequence to publish of each stream; 0 for a stream never published. */
    Map<String, Long> next(Collection<String> streams) {
        Map<String, Long> next = new LinkedHashMap<>();
        streams.forEach(stream -> next.put(stream, 0L));
        if (!streams.isEmpty()) {
            for (Document cursor : cursors.find(Filters.in("_id", List.copyOf(streams)))) {
                next.put(cursor.getString("_id"), cursor.get("next", Number.class).longValue());
            }
        }
        return next;
    }

    /** Moves the given cursors forward, each to the sequence after its last acknowledged event. */
    void advance(Map<String, Long> next) {
        if (next.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(next.size());
        next.forEach((stream, sequence) ->
                writes.add(new UpdateOneModel<>(Filters.eq("_id", stream), Updates.max("next", sequence), UPSERT)));
        cursors.bulkWrite(writes, UNORDERED);
    }
}
