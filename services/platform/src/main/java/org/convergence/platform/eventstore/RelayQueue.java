package org.convergence.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * The small queue of "streams that may have unrelayed commits", keyed by aggregate id.
 *
 * <p>A writer announces a commit before inserting it ({@code pending + 1}) and settles it afterwards
 * ({@code pending - 1}); every change also bumps {@code version}. The relay removes an entry only if it
 * is unchanged since it was read and nothing is pending, so a commit whose insert is slow, or whose writer
 * died after inserting, is never forgotten: its entry stays until the relay has seen the commit. No
 * timestamp or look-back window is involved. The collection only holds streams with work in flight, so
 * scanning it stays cheap even on a server that has no secondary indexes.
 */
public final class RelayQueue {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> queue;

    public RelayQueue(MongoCollection<Document> queue) {
        this.queue = queue;
    }

    /** Written before the commit is inserted. */
    void announce(String aggregateId) {
        queue.updateOne(Filters.eq("_id", aggregateId),
                Updates.combine(Updates.inc("version", 1L), Updates.inc("pending", 1)), UPSERT);
    }

    /** Written after the insert returned, whether it succeeded or not. */
    void settle(String aggregateId) {
        queue.updateOne(Filters.eq("_id", aggregateId),
                Updates.combine(Updates.inc("version", 1L), Updates.inc("pending", -1)), UPSERT);
    }

    /**
     * Every stream to look at. The queue holds only streams with work in flight, so one round reads all of it:
     * an entry left pending by a crashed writer can never hide the others behind it.
     */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Document d : queue.find()) {
            entries.add(new Entry(d.getString("_id"), d.get("version", Number.class).longValue(),
                    d.get("pending", Number.class).intValue()));
        }
        return entries;
    }

    /** Removes the entry if no writer touched it since it was read; returns whether it was removed. */
    public boolean removeIfUnchanged(Entry entry) {
        if (entry.pending() > 0) {
            return false;
        }
        return queue.deleteOne(Filters.and(Filters.eq("_id", entry.aggregateId()),
                Filters.eq("version", entry.version()), Filters.eq("pending", 0))).getDeletedCount() == 1;
    }

    public long size() {
        return queue.countDocuments();
    }

    /** One stream with possibly unrelayed commits, as read at one moment. */
    public record Entry(String aggregateId, long version, int pending) {
    }
}
