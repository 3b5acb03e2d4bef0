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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes every stored event to Kafka, at least once and in stream order.
 *
 * <p>A round: hold the lease, read the relay queue, and for each stream follow its commits from the relay
 * cursor by {@code _id}, publish their integration events, wait for the broker's acknowledgement, move the
 * cursor, then drop the queue entry if no writer touched it meanwhile. If Kafka is down the round stops
 * where it is and the next one starts from the cursor: nothing is lost, at worst an event is sent twice
 * (consumers deduplicate by event id).
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
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong skippedStreams = new AtomicLong();
    private volatile boolean running;
    private volatile boolean healthy = true;
    private Thread thread;

    /**
     * @param pollInterval   how often the queue is read when no local commit wakes the relay
     * @param publishTimeout how long to wait for the broker before giving up the round
     */
    public record Settings(Duration pollInterval, Duration publishTimeout) {
    }

    public EventRelay(MongoEventStore store, MongoDatabase database, RelayLease lease,
                      IntegrationEventTranslator translator, IntegrationEventCodec codec,
                      Producer<String, byte[]> producer, Settings settings) {
        this.store = store;
        this.queue = store.relayQueue();
        this.cursors = new RelayCursors(database.getCollection("relay_cursors"));
        this.lease = lease;
        this.translator = translator;
        this.codec = codec;
        this.producer = producer;
        this.settings = settings;
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
                    LOG.warnf("Relay round failed, will retry from the stored cursor: %s", e.toString());
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
        if (!lease.acquireOrRenew()) {
            return 0;
        }
        int count = 0;
        for (RelayQueue.Entry entry : queue.entries()) {
            if (!lease.isSafelyHeld() && !lease.acquireOrRenew()) {
                break;
            }
            try {
                count += relayStream(entry.aggregateId());
            } catch (UnreadableCommitException e) {
                // One bad stream must not hold the others back; it stays queued and is reported each round.
                LOG.errorf("Stream %s cannot be relayed and is skipped: %s", entry.aggregateId(), e.getMessage());
                skippedStreams.incrementAndGet();
                continue;
            }
            queue.removeIfUnchanged(entry);
        }
        return count;
    }

    /** Rounds in which a stream had to be skipped because a stored commit could not be read or translated. */
    public long skippedStreamCount() {
        return skippedStreams.get();
    }

    private int relayStream(String aggregateId) {
        int count = 0;
        long next = cursors.next(aggregateId);
        Optional<Commit> commit;
        while ((commit = readCommit(aggregateId, next)).isPresent()) {
            count += publish(commit.get(), translate(commit.get()));
            next = commit.get().nextSequence();
            cursors.advance(aggregateId, next);
        }
        return count;
    }

    private Optional<Commit> readCommit(String aggregateId, long sequence) {
        try {
            return store.commitAt(aggregateId, sequence);
        } catch (IllegalStateException e) {
            throw new UnreadableCommitException("commit " + aggregateId + ":" + sequence + " " + e.getMessage());
        }
    }

    private List<OutgoingEvent> translate(Commit commit) {
        try {
            List<OutgoingEvent> outgoing = new ArrayList<>();
            commit.events().forEach(event -> outgoing.addAll(translator.translate(event)));
            return outgoing;
        } catch (RuntimeException e) {
            throw new UnreadableCommitException("commit " + commit.aggregateId() + ":" + commit.firstSequence()
                    + " does not translate: " + e);
        }
    }

    private int publish(Commit commit, List<OutgoingEvent> outgoing) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (OutgoingEvent out : outgoing) {
            acks.add(producer.send(new ProducerRecord<>(out.topic(), out.envelope().key(),
                    codec.encode(out.envelope()))));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing", e);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge commit " + commit.aggregateId() + ":"
                        + commit.firstSequence(), e);
            }
        }
        published.addAndGet(acks.size());
        return acks.size();
    }

    /** A stored commit that cannot be read or translated: its stream is skipped, never the whole relay. */
    private static final class UnreadableCommitException extends RuntimeException {
        UnreadableCommitException(String message) {
            super(message);
        }
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
