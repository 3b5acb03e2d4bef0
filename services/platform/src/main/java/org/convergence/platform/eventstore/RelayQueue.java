package org.convergence.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The announcements of commits the relay may not have published yet (ADR 0008).
 *
 * <p>A writer announces the commits of one append in one document, {@code {_id, at, commits: [commit ids]}},
 * <em>before</em> inserting them. The document is never changed by writers afterwards, except to take back the
 * commits they know they did not insert (refused as duplicates: another writer stored and announced that id).
 * The relay forgets a commit only once it is published (every event of it acknowledged by the broker), and removes
 * the document when every commit it names is forgotten. Forgetting is the relay's only record of publication: it
 * starts each stream at its lowest commit still announced, with no cursor (ADR 0051). So a commit whose insert is
 * slow, or whose writer died right after inserting it, is never missed, and removal needs no "unchanged since read"
 * check: an announcement names fixed commits, and a new commit always comes with a new announcement. {@code at} is
 * for operators (age of the backlog); nothing depends on it.
 *
 * <p>Entries written before ADR 0008 ({@code {_id: aggregateId, version, pending}}) are still understood: their
 * stream is walked from its cursor (they list no commits), and the entry is removed only if unchanged since read
 * and nothing is pending.
 *
 * <p>The collection only holds work in flight, so reading all of it each round stays cheap even on a server that
 * scans for anything but an {@code _id} lookup; every write here is by {@code _id}.
 */
public final class RelayQueue {

    private static final String ID = "_id";
    private static final String AT = "at";
    private static final String COMMITS = "commits";

    private final MongoCollection<Document> queue;

    public RelayQueue(MongoCollection<Document> queue) {
        this.queue = queue;
    }

    /** Written before the commits are inserted; returns the announcement's id. */
    String announce(List<String> commitIds) {
        String id = UUID.randomUUID().toString();
        queue.insertOne(new Document(ID, id).append(AT, new Date()).append(COMMITS, commitIds));
        return id;
    }

    /**
     * Takes back commits the writer knows it did not insert (each refused by the database). Commits whose
     * outcome is unknown (the insert failed as a whole) are never taken back.
     */
    void withdraw(String announcementId, Collection<String> notInserted, int announced) {
        if (notInserted.size() >= announced) {
            queue.deleteOne(Filters.eq(ID, announcementId));
        } else if (!notInserted.isEmpty()) {
            queue.updateOne(Filters.eq(ID, announcementId), Updates.pullAll(COMMITS, List.copyOf(notInserted)));
        }
    }

    /**
     * Everything queued, oldest announcement first. One round reads all of it, so an announcement left by a
     * writer that died before inserting can never hide the others behind it.
     */
    public Backlog read() {
        List<Announcement> announcements = new ArrayList<>();
        List<LegacyEntry> legacy = new ArrayList<>();
        for (Document d : queue.find()) {
            List<String> commits = d.getList(COMMITS, String.class);
            if (commits != null) {
                announcements.add(new Announcement(d.getString(ID), d.getDate(AT).toInstant(), List.copyOf(commits)));
            } else {
                legacy.add(new LegacyEntry(d.getString(ID), d.get("version", Number.class).longValue(),
                        d.get("pending", Number.class).intValue()));
            }
        }
        announcements.sort(Comparator.comparing(Announcement::at));
        return new Backlog(List.copyOf(announcements), List.copyOf(legacy));
    }

    /**
     * After a relay round: removes the announcements whose commits are all published, takes the published commits
     * out of the others, and removes the legacy entries of streams walked to their end ({@code walkedToEnd}) if
     * unchanged since read. A commit is published if the round had every event of it acknowledged
     * ({@code published}, commit ids), or if it lies below the cursor of its stream ({@code cursors}: stream → next
     * sequence to publish; only streams with a legacy entry have one, ADR 0051). Forgetting a commit is what records
     * that it was published: the next round starts each stream at its lowest commit still announced. Returns what
     * is left of {@code backlog}.
     */
    public Backlog forgetPublished(Backlog backlog, Set<String> published, Map<String, Long> cursors,
                                   Set<String> walkedToEnd) {
        List<String> done = new ArrayList<>();
        List<Announcement> left = new ArrayList<>();
        for (Announcement announcement : backlog.announcements()) {
            Set<String> forgotten = announcement.commitIds().stream()
                    .filter(commitId -> isPublished(commitId, published, cursors)).collect(Collectors.toSet());
            if (forgotten.size() == announcement.commitIds().size()) {
                done.add(announcement.id());
                continue;
            }
            List<String> remaining = announcement.commitIds().stream()
                    .filter(commitId -> !forgotten.contains(commitId)).toList();
            if (!forgotten.isEmpty()) {
                forget(announcement, forgotten, remaining);
            }
            left.add(new Announcement(announcement.id(), announcement.at(), remaining));
        }
        if (!done.isEmpty()) {
            queue.deleteMany(Filters.in(ID, done));
        }
        List<LegacyEntry> legacyLeft = new ArrayList<>();
        for (LegacyEntry entry : backlog.legacy()) {
            boolean removed = entry.pending() == 0 && walkedToEnd.contains(entry.aggregateId())
                    && queue.deleteOne(Filters.and(Filters.eq(ID, entry.aggregateId()),
                            Filters.eq("version", entry.version()), Filters.eq("pending", 0))).getDeletedCount() == 1;
            if (!removed) {
                legacyLeft.add(entry);
            }
        }
        return new Backlog(List.copyOf(left), List.copyOf(legacyLeft));
    }

    /**
     * Takes the published commits out of one announcement. If it still names exactly the commits the round read, the
     * ones left are set in one write guarded by that list (one pass over the array); otherwise, a writer having taken
     * some back meanwhile ({@link #withdraw}), the published ones are pulled. The guard is what keeps a withdrawn
     * commit from coming back. Why not always {@code $pullAll}: the embedded server checks every element of the
     * array against every pulled id (a 2,000-commit announcement half published: two million comparisons), and a
     * round forgets a part of an announcement whenever it read it before all its commits were stored (ADR 0045).
     */
    private void forget(Announcement announcement, Set<String> published, List<String> remaining) {
        UpdateResult asRead = queue.updateOne(Filters.and(Filters.eq(ID, announcement.id()),
                Filters.eq(COMMITS, announcement.commitIds())), Updates.set(COMMITS, remaining));
        if (asRead.getMatchedCount() == 0) {
            queue.updateOne(Filters.eq(ID, announcement.id()), Updates.pullAll(COMMITS, List.copyOf(published)));
        }
    }

    /**
     * Published by the round, or below a legacy stream's cursor. A commit announced in several announcements (two
     * writers of one stream, one refused) is forgotten from all of them: the id names one stored commit.
     */
    private static boolean isPublished(String commitId, Set<String> published, Map<String, Long> cursors) {
        if (published.contains(commitId)) {
            return true;
        }
        Long next = cursors.get(Commit.streamOf(commitId));
        return next != null && next > Commit.firstSequenceOf(commitId);
    }

    /** Documents in the queue (a scan: for tests and operators). */
    public long size() {
        return queue.countDocuments();
    }

    /** The commits one append announced, as read at one moment. */
    public record Announcement(String id, Instant at, List<String> commitIds) {
    }

    /** An entry of the queue's format before ADR 0008: one per stream, with a version and pending inserts. */
    public record LegacyEntry(String aggregateId, long version, int pending) {
    }

    /** The queue as read at the start of a relay round. */
    public record Backlog(List<Announcement> announcements, List<LegacyEntry> legacy) {

        /** Every stream with work in flight, legacy entries first, then by age of their announcement. */
        public Set<String> streams() {
            Set<String> streams = new LinkedHashSet<>();
            legacy.forEach(entry -> streams.add(entry.aggregateId()));
            announcements.forEach(a -> a.commitIds().forEach(id -> streams.add(Commit.streamOf(id))));
            return streams;
        }

        /** The ids of every commit announced, as read. */
        public Set<String> announcedCommits() {
            Set<String> ids = new HashSet<>();
            announcements.forEach(a -> ids.addAll(a.commitIds()));
            return ids;
        }

        /**
         * Per stream with announcements, the first sequence of its lowest announced commit that is not known to be
         * published ({@code published}): where the relay starts it. Every stored commit of the stream below it was
         * published. Those not in this backlog: each was announced before it was inserted, and an announced commit
         * is forgotten only once published, or taken back by a writer whose insert was refused (the commit of that
         * id then being another writer's, announced by that writer); and none was announced after this backlog was
         * read, since a writer numbers its commit after the stream's stored commits it loaded, and those were
         * announced before it announced its own. Those in it are below the start only if known to be published
         * (ADR 0051). A stream all of whose announced commits are known to be published has no entry.
         */
        public Map<String, Long> firstAnnounced(Predicate<String> published) {
            Map<String, Long> first = new HashMap<>();
            announcements.forEach(a -> a.commitIds().forEach(id -> {
                if (!published.test(id)) {
                    first.merge(Commit.streamOf(id), Commit.firstSequenceOf(id), Math::min);
                }
            }));
            return first;
        }

        /** When the oldest announcement still queued was written. */
        public Optional<Instant> oldest() {
            return announcements.stream().map(Announcement::at).min(Comparator.naturalOrder());
        }
    }
}
