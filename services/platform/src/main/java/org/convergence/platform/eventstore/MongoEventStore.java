package org.convergence.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Axon event storage on MongoDB, one document per commit, designed so that every hot path is an exact
 * {@code _id} lookup (the embedded MongoDB-compatible server scans for anything else):
 * <ul>
 *   <li>append: announce the commits of a unit of work in the {@link RelayQueue} (one document), then insert
 *       them (one unordered {@code insertMany}); the unique {@code _id} ({@code aggregateId:firstSequence}) is
 *       the optimistic lock, per aggregate;</li>
 *   <li>load: follow the chain of commits of a stream, {@code aggregateId:0}, then {@code :last+1}…, each
 *       one {@code _id} lookup, until none is found.</li>
 * </ul>
 * Correctness needs no multi-document transaction: a commit is one document, and its announcement is
 * written before it and forgotten only once the relay published the commit (ADR 0008).
 *
 * <p>Streaming (tracking processors) is deliberately unsupported: everything that must see every event
 * goes through the relay to Kafka, which follows the queue, never timestamps.
 */
public final class MongoEventStore implements EventStorageEngine {

    public static final String COMMITS = "event_commits";
    public static final String RELAY_QUEUE = "relay_queue";

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoCollection<Document> commits;
    private final RelayQueue relayQueue;
    private final PayloadMapper payloads = new PayloadMapper();
    private final Runnable afterCommit;
    private final Runnable beforeInsert;

    /**
     * @param afterCommit  called after an append stored at least one commit (the relay uses it to wake up at once)
     * @param beforeInsert called between announcing and inserting commits; tests use it to delay inserts
     */
    public MongoEventStore(MongoDatabase database, Runnable afterCommit, Runnable beforeInsert) {
        this.commits = database.getCollection(COMMITS);
        this.relayQueue = new RelayQueue(database.getCollection(RELAY_QUEUE));
        this.afterCommit = afterCommit;
        this.beforeInsert = beforeInsert;
    }

    public MongoEventStore(MongoDatabase database, Runnable afterCommit) {
        this(database, afterCommit, () -> { });
    }

    public RelayQueue relayQueue() {
        return relayQueue;
    }

    /**
     * Stores the events of one unit of work: one commit per aggregate, all announced by one document of the relay
     * queue, then inserted together (unordered, so a refused commit does not stop the others). Two round trips
     * whatever the number of aggregates. If some commits collide with stored ones, only those aggregates fail
     * ({@link ConflictingCommitsException}); the others stay stored and are relayed.
     */
    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, List<DomainEventMessage<?>>> byAggregate = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domainEvent)) {
                throw new IllegalArgumentException("Only aggregate events are stored; got " + event.getPayloadType());
            }
            byAggregate.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>()).add(domainEvent);
        }
        if (byAggregate.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(byAggregate.size());
        byAggregate.forEach((aggregateId, commitEvents) -> documents.add(commitDocument(aggregateId, commitEvents)));
        List<String> commitIds = documents.stream().map(d -> d.getString(CommitDocument.ID)).toList();

        String announcement = relayQueue.announce(commitIds);
        beforeInsert.run();
        Map<String, String> refused = insert(documents);
        if (!refused.isEmpty()) {
            relayQueue.withdraw(announcement, refused.keySet(), commitIds.size());
        }
        if (refused.size() < documents.size()) {
            afterCommit.run();
        }
        if (!refused.isEmpty()) {
            throw conflict(refused);
        }
    }

    private Document commitDocument(String aggregateId, List<DomainEventMessage<?>> events) {
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (DomainEventMessage<?> e : events) {
            Map<String, String> metadata = new LinkedHashMap<>();
            e.getMetaData().forEach((k, v) -> metadata.put(k, String.valueOf(v)));
            stored.add(new StoredEvent(e.getIdentifier(), e.getSequenceNumber(), e.getPayloadType().getName(),
                    e.getTimestamp(), payloads.toDocument(e.getPayload()), metadata));
        }
        return CommitDocument.toDocument(aggregateId, events.get(0).getType(), stored);
    }

    /**
     * Inserts the commits unordered; returns the ids of those refused as duplicates, with their aggregate. Any
     * other failure leaves the outcome of the whole insert unknown: it is thrown, and the announcement stays, so
     * whatever was stored is still relayed.
     */
    private Map<String, String> insert(List<Document> documents) {
        try {
            commits.insertMany(documents, UNORDERED);
            return Map.of();
        } catch (MongoBulkWriteException e) {
            Map<String, String> refused = new LinkedHashMap<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document document = documents.get(error.getIndex());
                refused.put(document.getString(CommitDocument.ID), document.getString("aggregateId"));
            }
            if (refused.isEmpty()) {
                throw e;
            }
            return refused;
        }
    }

    private static ConflictingCommitsException conflict(Map<String, String> refused) {
        Set<String> aggregates = new LinkedHashSet<>(refused.values());
        String first = refused.keySet().iterator().next();
        String message = aggregates.size() == 1
                ? "Aggregate " + Commit.streamOf(first) + " already has an event at sequence "
                        + Commit.firstSequenceOf(first) + ": it changed concurrently or already exists"
                : aggregates.size() + " aggregates changed concurrently or already exist, e.g. " + Commit.streamOf(first);
        return new ConflictingCommitsException(message, aggregates, null);
    }

    /**
     * The stored commits among {@code commitIds}, by id, in one {@code $in} query. A commit that no longer reads
     * (e.g. its payload class was renamed without an upcaster) is passed to {@code unreadable} with the reason and
     * left out, so one bad commit never hides the others.
     */
    public Map<String, Commit> commitsAt(Collection<String> commitIds, BiConsumer<String, RuntimeException> unreadable) {
        Map<String, Commit> found = new HashMap<>();
        if (commitIds.isEmpty()) {
            return found;
        }
        for (Document document : commits.find(Filters.in(CommitDocument.ID, List.copyOf(commitIds)))) {
            String id = document.getString(CommitDocument.ID);
            try {
                found.put(id, commitOf(document));
            } catch (RuntimeException e) {
                unreadable.accept(id, e);
            }
        }
        return found;
    }

    /** The commit that starts at {@code firstSequence} of a stream, if stored. */
    public Optional<Commit> commitAt(String aggregateId, long firstSequence) {
        Document document = commits.find(Filters.eq("_id", CommitDocument.idOf(aggregateId, firstSequence))).first();
        return Optional.ofNullable(document).map(MongoEventStore.this::commitOf);
    }

    /**
     * Every event of every stream, commit by commit, in no particular order; returns how many commits could not
     * be read and were passed over. A full scan of the store: for one-off migrations only, never on a request
     * path.
     */
    public int scanAll(java.util.function.Consumer<DomainEventMessage<?>> each) {
        int unreadable = 0;
        for (Document document : commits.find()) {
            List<DomainEventMessage<?>> events;
            try {
                events = commitOf(document).events();
            } catch (RuntimeException e) {
                unreadable++; // the relay reports such a commit too; a migration goes on without it
                continue;
            }
            events.forEach(each);
        }
        return unreadable;
    }

    private Commit commitOf(Document document) {
        String aggregateId = document.getString("aggregateId");
        long firstSequence = document.get("first", Number.class).longValue();
        String aggregateType = CommitDocument.aggregateType(document);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (StoredEvent e : CommitDocument.events(document)) {
            events.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, e.sequence(),
                    payloads.fromDocument(e.payload(), e.payloadType()), MetaData.from(e.metadata()),
                    e.eventId(), e.timestamp()));
        }
        return new Commit(aggregateId, aggregateType, firstSequence, CommitDocument.lastSequence(document), events);
    }

    /**
     * Every event of each of these streams, following their commit chains together: one {@code $in} per commit
     * depth (a stream of one commit, the usual case, costs a share of one query). A stream with no commit maps to
     * an empty list; a stream whose commit does not read is left out (its own load reports it).
     */
    public Map<String, List<DomainEventMessage<?>>> streamsOf(Collection<String> aggregateIds) {
        Map<String, List<DomainEventMessage<?>>> streams = new HashMap<>();
        Map<String, String> wave = new HashMap<>();
        for (String aggregateId : aggregateIds) {
            streams.put(aggregateId, new ArrayList<>());
            wave.put(CommitDocument.idOf(aggregateId, 0), aggregateId);
        }
        while (!wave.isEmpty()) {
            Map<String, String> streamOfCommit = wave;
            Map<String, Commit> found = commitsAt(streamOfCommit.keySet(),
                    (commitId, error) -> streams.remove(streamOfCommit.get(commitId)));
            Map<String, String> following = new HashMap<>();
            found.forEach((commitId, commit) -> {
                String aggregateId = streamOfCommit.get(commitId);
                List<DomainEventMessage<?>> events = streams.get(aggregateId);
                if (events != null) {
                    events.addAll(commit.events());
                    following.put(CommitDocument.idOf(aggregateId, commit.nextSequence()), aggregateId);
                }
            });
            wave = following;
        }
        return streams;
    }

    /** Every event of a stream from {@code firstSequence}, following the commit chain by {@code _id}. */
    public List<DomainEventMessage<?>> eventsOf(String aggregateId, long firstSequence) {
        Optional<List<DomainEventMessage<?>>> readAhead = ReadAhead.take(aggregateId, this::streamsOf);
        if (readAhead.isPresent()) {
            return readAhead.get().stream().filter(e -> e.getSequenceNumber() >= firstSequence).toList();
        }
        List<DomainEventMessage<?>> events = new ArrayList<>();
        long next = 0;
        Optional<Commit> commit;
        while ((commit = commitAt(aggregateId, next)).isPresent()) {
            for (DomainEventMessage<?> e : commit.get().events()) {
                if (e.getSequenceNumber() >= firstSequence) {
                    events.add(e);
                }
            }
            next = commit.get().nextSequence();
        }
        return events;
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        List<DomainEventMessage<?>> events = eventsOf(aggregateIdentifier, firstSequenceNumber);
        Long last = events.isEmpty() ? null : events.get(events.size() - 1).getSequenceNumber();
        return DomainEventStream.of(events.stream(), () -> last);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Long last = readEvents(aggregateIdentifier, 0).getLastSequenceNumber();
        return Optional.ofNullable(last);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        // Aggregates here are short streams (tens of events): snapshots would only add a copy of personal state.
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        throw new UnsupportedOperationException(
                "Event streaming goes through the relay to Kafka; tracking processors are not supported");
    }

    @Override
    public TrackingToken createTailToken() {
        throw new UnsupportedOperationException("Tracking processors are not supported");
    }

    @Override
    public TrackingToken createHeadToken() {
        throw new UnsupportedOperationException("Tracking processors are not supported");
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        throw new UnsupportedOperationException("Tracking processors are not supported");
    }
}
