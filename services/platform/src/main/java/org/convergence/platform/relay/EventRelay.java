package org.convergence.platform.relay;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.platform.eventstore.Commit;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.eventstore.RelayQueue;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

/**
 * Publishes every stored event to Kafka, at least once and, per stream, in sequence order (ADR 0001, 0008, 0051).
 *
 * <p>A round: hold the lease, read the relay queue, and take its streams a batch at a time. A stream starts at its
 * lowest announced commit (every stored commit below it was published: announced before inserted, forgotten only
 * once published), so no per-stream cursor is read or written; only streams with a legacy entry of the queue's
 * format before ADR 0008 start at a cursor. The streams of a batch are walked together in waves: a wave is the
 * next commit of every stream of the batch, read with one {@code $in} and sent without waiting; while the broker
 * acknowledges it, the next wave is read. A stream's next commit is sent only once every event of its previous one
 * is acknowledged, so a failed send can never let a later event of the stream through ahead of it. Then the
 * commits acknowledged are forgotten from their announcements, even if the round failed: forgetting is what records
 * that a commit was published. If Kafka fails, the round stops; the next one resends from the lowest commit still
 * announced: nothing is lost, at worst an event is sent twice (consumers deduplicate by event id).
 */
public final class EventRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);

    private final MongoEventStore store;
    private final RelayQueue queue;
    private final RelayCursors cursors;
    private final RelayLease lease;
    private final IntegrationEventTranslator translator;
    private final IntegrationEventCodec codec;
    private final Producer<String, byte[]> producer;
    private final Settings settings;
    private final RelayMetrics metrics;
    /**
     * Enough for the commits published while a writer's unit of work runs (seconds at this relay's top rate), and
     * small beside a service's 72 MB heap (about 1.3 MB, estimated): a commit forgotten by it is at worst sent once more.
     */
    private final RecentlyPublished recentlyPublished = new RecentlyPublished(10_000);
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong skippedStreams = new AtomicLong();
    private volatile boolean running;
    private volatile boolean healthy = true;
    private Thread thread;

    /**
     * @param pollInterval     how often the queue is read when no local commit wakes the relay
     * @param publishTimeout   how long to wait for the broker's acknowledgements of one wave before giving up the round
     * @param streamsPerBatch  how many streams are walked together (one {@code $in} per wave, one cursor write)
     */
    public record Settings(Duration pollInterval, Duration publishTimeout, int streamsPerBatch) {

        public Settings(Duration pollInterval, Duration publishTimeout) {
            this(pollInterval, publishTimeout, 2_000);
        }
    }

    public EventRelay(MongoEventStore store, MongoDatabase database, RelayLease lease,
                      IntegrationEventTranslator translator, IntegrationEventCodec codec,
                      Producer<String, byte[]> producer, Settings settings, RelayMetrics metrics) {
        this.store = store;
        this.queue = store.relayQueue();
        this.cursors = new RelayCursors(database.getCollection("relay_cursors"));
        this.lease = lease;
        this.translator = translator;
        this.codec = codec;
        this.producer = producer;
        this.settings = settings;
        this.metrics = metrics;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "event-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called after a local commit, so events go out without waiting for the next poll. */
    public void wakeUp() {
        wakeUp.release();
    }

    /** Events published since start (a published event re-sent after a failure counts twice). */
    public long publishedCount() {
        return published.get();
    }

    /** False while the last round failed to reach Kafka or Mongo. */
    public boolean isHealthy() {
        return healthy;
    }

    /** Stream visits skipped because a stored commit could not be read or translated. */
    public long skippedStreamCount() {
        return skippedStreams.get();
    }

    private void loop() {
        while (running) {
            try {
                int count = relayOnce();
                healthy = true;
                if (count > 0) {
                    continue;
                }
            } catch (RuntimeException e) {
                if (healthy) {
                    LOG.warnf("Relay round failed, will retry from what is still announced: %s", e.toString());
                }
                healthy = false;
            }
            awaitWork();
        }
    }

    private void awaitWork() {
        try {
            wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** One round; returns the number of events published. Public for tests and benchmarks. */
    public int relayOnce() {
        try {
            return round();
        } catch (RuntimeException e) {
            metrics.roundFailed();
            throw e;
        }
    }

    private int round() {
        // Renewed only once a third of its time has passed: a busy relay runs several rounds a second, and each
        // renewal is a durable write waiting for the database's commit (ADR 0043).
        if (!lease.renewIfDue()) {
            metrics.notLeaseHolder();
            return 0;
        }
        RelayQueue.Backlog backlog = queue.read();
        List<String> streams = List.copyOf(backlog.streams());
        metrics.backlog(streams.size(), backlog.oldest());
        if (streams.isEmpty()) {
            return 0;
        }
        Progress progress = new Progress();
        Set<String> announced = backlog.announcedCommits();
        // An id announced again after this relay published it (a writer about to be refused) is not a start.
        Map<String, Long> firstAnnounced = backlog.firstAnnounced(recentlyPublished::contains);
        announced.stream().filter(recentlyPublished::contains).forEach(progress.publishedCommits::add);
        Set<String> legacy = new HashSet<>();
        backlog.legacy().forEach(entry -> legacy.add(entry.aggregateId()));
        try {
            for (int from = 0; from < streams.size(); from += settings.streamsPerBatch()) {
                if (!lease.isSafelyHeld() && !lease.acquireOrRenew()) {
                    break;
                }
                relayBatch(streams.subList(from, Math.min(streams.size(), from + settings.streamsPerBatch())),
                        legacy, firstAnnounced,
                        (stream, sequence) -> legacy.contains(stream) || announced.contains(Commit.id(stream, sequence)),
                        progress);
            }
        } catch (RuntimeException e) {
            // What was acknowledged before the failure is forgotten now: without a cursor, forgetting is the only
            // record that it was published, and the next round would otherwise send it again (ADR 0051).
            try {
                forget(backlog, progress);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        RelayQueue.Backlog left = forget(backlog, progress);
        metrics.backlog(left.streams().size(), left.oldest());
        return progress.published;
    }

    private RelayQueue.Backlog forget(RelayQueue.Backlog backlog, Progress progress) {
        return queue.forgetPublished(backlog, progress.publishedCommits, progress.cursors, progress.walkedToEnd);
    }

    /**
     * Walks a batch of streams wave by wave, as far as the backlog announced their commits. A stream of
     * announcements starts at its lowest announced commit: every stored commit below it was published, since a
     * commit is announced before it is inserted and forgotten only once published (ADR 0051), so no cursor is read
     * or written for it. A stream with a legacy entry (whose commits are not listed) starts at its cursor, and its
     * cursor is stored as moved, even if a send failed. After the first wave, a stream is read further only if the
     * backlog announced its next commit (or it is a legacy entry): a commit announced after the backlog was read is
     * in an announcement the next round reads, so no commit is left behind, and the usual last wave, one
     * {@code $in} finding nothing, is not read at all (ADR 0043).
     */
    private void relayBatch(List<String> streams, Set<String> legacy, Map<String, Long> firstAnnounced,
                            BiPredicate<String, Long> announced, Progress progress) {
        List<String> legacyStreams = streams.stream().filter(legacy::contains).toList();
        Map<String, Long> next = new LinkedHashMap<>(cursors.next(legacyStreams));
        streams.forEach(stream -> {
            Long first = firstAnnounced.get(stream);
            if (!legacy.contains(stream) && first != null) { // null: every id announced for it is published
                next.put(stream, first);
            }
        });
        Map<String, Long> moved = new HashMap<>();
        try {
            Map<String, Commit> wave = readWave(next, progress);
            while (!wave.isEmpty()) {
                List<InFlight> sent = send(wave, progress);
                Map<String, Long> after = new HashMap<>();
                sent.forEach(f -> {
                    if (announced.test(f.commit().aggregateId(), f.commit().nextSequence())) {
                        after.put(f.commit().aggregateId(), f.commit().nextSequence());
                    }
                });
                Map<String, Commit> following = after.isEmpty() ? Map.of()
                        : readWave(after, progress); // while the broker acknowledges
                awaitAcknowledgements(sent, moved, progress);
                wave = following;
            }
        } finally {
            moved.keySet().retainAll(legacy);
            cursors.advance(moved);
            legacyStreams.forEach(stream -> progress.cursors.put(stream, next.get(stream)));
            progress.cursors.putAll(moved);
        }
    }

    /**
     * The commit at each stream's next sequence, with one {@code $in}. A stream with no commit there is walked to
     * its end; a stream whose commit does not read is skipped for this round and stays queued.
     */
    private Map<String, Commit> readWave(Map<String, Long> next, Progress progress) {
        Map<String, String> streamOfCommit = new LinkedHashMap<>();
        next.forEach((stream, sequence) -> streamOfCommit.put(Commit.id(stream, sequence), stream));
        Map<String, Commit> byCommitId = store.commitsAt(streamOfCommit.keySet(), (commitId, error) ->
                skip(streamOfCommit.get(commitId), "commit " + commitId + " does not read: " + error, progress));
        Map<String, Commit> wave = new LinkedHashMap<>();
        streamOfCommit.forEach((commitId, stream) -> {
            Commit commit = byCommitId.get(commitId);
            if (commit != null) {
                wave.put(stream, commit);
            } else if (!progress.skipped.contains(stream)) {
                progress.walkedToEnd.add(stream);
            }
        });
        return wave;
    }

    /** Sends every event of the wave without waiting; a commit that does not translate skips its stream. */
    private List<InFlight> send(Map<String, Commit> wave, Progress progress) {
        List<InFlight> sent = new ArrayList<>(wave.size());
        for (Commit commit : wave.values()) {
            List<OutgoingEvent> outgoing;
            try {
                outgoing = translate(commit);
            } catch (RuntimeException e) {
                skip(commit.aggregateId(), "commit " + commit.id() + " does not translate: " + e, progress);
                continue;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(outgoing.size());
            RuntimeException refused = null;
            try {
                for (OutgoingEvent out : outgoing) {
                    acks.add(producer.send(new ProducerRecord<>(out.topic(), out.envelope().key(),
                            codec.encode(out.envelope()))));
                }
            } catch (RuntimeException e) {
                refused = e; // e.g. no broker metadata within max.block.ms: this commit is not published
            }
            sent.add(new InFlight(commit, acks, refused));
            if (refused != null) {
                break;
            }
        }
        return sent;
    }

    private List<OutgoingEvent> translate(Commit commit) {
        List<OutgoingEvent> outgoing = new ArrayList<>();
        commit.events().forEach(event -> outgoing.addAll(translator.translate(event)));
        return outgoing;
    }

    /**
     * Waits for the whole wave; a stream's cursor moves past a commit only if every event of it was acknowledged.
     * Throws after the wave if anything failed, so the round stops and its streams are resent from their cursors.
     */
    private void awaitAcknowledgements(List<InFlight> sent, Map<String, Long> moved, Progress progress) {
        long deadline = System.nanoTime() + settings.publishTimeout().toNanos();
        RuntimeException failure = null;
        for (InFlight inFlight : sent) {
            RuntimeException error = inFlight.refused();
            for (Future<RecordMetadata> ack : inFlight.acks()) {
                if (error != null) {
                    break;
                }
                error = awaitAck(ack, deadline, inFlight.commit());
            }
            if (error == null) {
                moved.put(inFlight.commit().aggregateId(), inFlight.commit().nextSequence());
                progress.publishedCommits.add(inFlight.commit().id());
                recentlyPublished.add(inFlight.commit().id());
                progress.published += inFlight.acks().size();
                published.addAndGet(inFlight.acks().size());
                metrics.published(inFlight.acks().size());
            } else if (failure == null) {
                failure = error;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private RuntimeException awaitAck(Future<RecordMetadata> ack, long deadline, Commit commit) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("Interrupted while publishing", e);
        } catch (Exception e) {
            return new IllegalStateException("Kafka did not acknowledge commit " + commit.id(), e);
        }
    }

    /** One bad stream must not hold the others back; it stays queued and is reported each round. */
    private void skip(String stream, String reason, Progress progress) {
        progress.skipped.add(stream);
        LOG.errorf("Stream %s cannot be relayed and is skipped: %s", stream, reason);
        skippedStreams.incrementAndGet();
        metrics.streamSkipped();
    }

    /** One commit's events handed to the producer, with their pending acknowledgements. */
    private record InFlight(Commit commit, List<Future<RecordMetadata>> acks, RuntimeException refused) {
    }

    /**
     * What a round did so far: the commits it published, the cursors of the legacy streams it looked at, streams
     * walked to their end or skipped.
     */
    private static final class Progress {
        final Set<String> publishedCommits = new HashSet<>();
        final Map<String, Long> cursors = new HashMap<>();
        final Set<String> walkedToEnd = new HashSet<>();
        final Set<String> skipped = new HashSet<>();
        int published;
    }

    @Override
    public void close() {
        running = false;
        wakeUp.release();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            LOG.debugf("Could not release the relay lease: %s", e.toString());
        }
    }
}
