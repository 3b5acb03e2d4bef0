package org.convergence.platform.messaging;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.WakeupException;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.InvalidIntegrationEventException;
import org.convergence.contracts.Topics;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Consumes integration events with at-least-once delivery, and no record can stop it.
 * <ul>
 *   <li>Each poll is handed to the handler as one batch; offsets are committed only after the handler returned,
 *   that is after the batch's effects are stored.</li>
 *   <li>A record that cannot be read (whatever its bytes) or that the handler refuses goes to {@code <topic>.dlq}
 *   with the reason in its headers ({@link DeadLetterHeaders}) and the partition moves on.</li>
 *   <li>A transient failure ({@link TransientFailures}: database or broker away) retries the batch after
 *   {@code retryBackoff}; nothing is dead-lettered for it.</li>
 *   <li>Any other failure of a batch (a handler's unexpected exception) retries it record by record: the record at
 *   fault fails alone, is retried {@code poisonAttempts} times with its partition paused in between, then
 *   dead-lettered with the failure as reason, while its neighbours are applied.</li>
 *   <li>A record whose handler needs a fact not known yet ({@link RetryLaterException}) holds its partition,
 *   retried every {@code retryBackoff}, for at most {@code retryLaterPatience}; then it is dead-lettered.</li>
 *   <li>If the loop itself stops (broker fencing, a bug, an error), a supervisor closes the Kafka clients, logs it,
 *   shows {@link State#RESTARTING} and starts again with fresh clients after a growing back-off.</li>
 *   <li>Decoding looks one poll ahead (ADR 0035): once a poll's records are handed over, the next poll is taken and
 *   its records decoded and validated on a decoder thread while the loop thread applies and stores the batch before
 *   them. What was read ahead is only ever applied after that batch, in partition order; a partition revoked, lost
 *   or rewound (a retry's {@code seek}) in the meantime has its read-ahead records dropped, to be read again from
 *   its committed or rewound offset.</li>
 * </ul>
 */
public final class EventConsumerLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);
    private static final int MAX_REASON_LENGTH = 1_000;

    /** Where the loop stands, for readiness. */
    public enum State {
        /** Not polled yet. */
        STARTING,
        /** Polling and applying. */
        RUNNING,
        /** A transient failure: the same records are retried after a back-off. */
        RETRYING,
        /** The loop stopped on an unexpected failure and starts again after a back-off. */
        RESTARTING,
        /** Closed. */
        STOPPED
    }

    /**
     * @param pollTimeout        longest wait for records in one poll
     * @param retryBackoff       pause before retrying after a transient failure, and between retries of one record
     * @param maxRestartBackoff  the restart back-off doubles from {@code retryBackoff} up to this
     * @param poisonAttempts     times a record failing on its own is tried before it is dead-lettered
     * @param retryLaterPatience how long a record may wait for a fact not known yet
     */
    public record Settings(Duration pollTimeout, Duration retryBackoff, Duration maxRestartBackoff,
                           int poisonAttempts, Duration retryLaterPatience) {

        public Settings {
            Objects.requireNonNull(pollTimeout, "pollTimeout");
            Objects.requireNonNull(retryBackoff, "retryBackoff");
            Objects.requireNonNull(maxRestartBackoff, "maxRestartBackoff");
            Objects.requireNonNull(retryLaterPatience, "retryLaterPatience");
            if (poisonAttempts < 1) {
                throw new IllegalArgumentException("poisonAttempts must be at least 1");
            }
        }

        public static Settings withRetryBackoff(Duration retryBackoff) {
            return new Settings(Duration.ofMillis(500), retryBackoff, Duration.ofSeconds(30), 3, Duration.ofMinutes(10));
        }

        public Settings withPoisonAttempts(int attempts) {
            return new Settings(pollTimeout, retryBackoff, maxRestartBackoff, attempts, retryLaterPatience);
        }

        public Settings withRetryLaterPatience(Duration patience) {
            return new Settings(pollTimeout, retryBackoff, maxRestartBackoff, poisonAttempts, patience);
        }
    }

    /** Told when partitions come and go, e.g. to keep one lag gauge per partition. */
    public interface PartitionListener {
        PartitionListener NONE = new PartitionListener() {
        };

        default void assigned(Collection<TopicPartition> partitions) {
        }

        default void revoked(Collection<TopicPartition> partitions) {
        }
    }

    private final String groupId;
    private final List<String> topics;
    /** Null, or the pattern whose matching topics it reads instead of {@link #topics}, new ones included. */
    private final Pattern topicPattern;
    private final Supplier<? extends Consumer<String, byte[]>> consumers;
    private final Supplier<? extends Producer<String, byte[]>> deadLetterProducers;
    /** Decodes a record (key, value) into its envelope, or null when it is not one: the codec, unless a test watches. */
    /** Runs on the decoder thread: the envelope, with its payload's record when the codec read it (ADR 0044). */
    private final BiFunction<String, byte[], IntegrationEventCodec.Decoded> decoding;
    private final BatchEventHandler handler;
    private final Settings settings;
    private final Clock clock;
    private volatile PartitionListener partitionListener = PartitionListener.NONE;
    private volatile CoPartitioning coPartitioned = CoPartitioning.NONE;
    private volatile DeadLetterListener deadLetterListener = DeadLetterListener.NONE;
    private volatile RecordInterest interest = RecordInterest.EVERY_RECORD;
    private final AtomicLong passedOver = new AtomicLong();

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    /** Per record (topic/partition/offset): failures on its own, and since when it waits for a fact. */
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, Instant> waitingSince = new HashMap<>();

    private volatile State state = State.STARTING;
    private volatile String lastFailure;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> current;
    private Thread thread;

    /**
     * @param consumers           makes a new consumer of the group (each start and restart takes a fresh one)
     * @param deadLetterProducers makes the producer that writes dead letters
     */
    public EventConsumerLoop(String groupId, List<String> topics, Supplier<? extends Consumer<String, byte[]>> consumers,
                             Supplier<? extends Producer<String, byte[]>> deadLetterProducers,
                             IntegrationEventCodec codec, BatchEventHandler handler, Settings settings) {
        this(groupId, topics, consumers, deadLetterProducers, codec, handler, settings, Clock.systemUTC());
    }

    EventConsumerLoop(String groupId, List<String> topics, Supplier<? extends Consumer<String, byte[]>> consumers,
                      Supplier<? extends Producer<String, byte[]>> deadLetterProducers, IntegrationEventCodec codec,
                      BatchEventHandler handler, Settings settings, Clock clock) {
        this(groupId, topics, null, consumers, deadLetterProducers, codec, handler, settings, clock);
    }

    /**
     * A loop reading every topic whose whole name matches {@code topicPattern}, those created while it runs
     * included (seen within the consumer's {@code metadata.max.age.ms}); each record is dead-lettered to its own
     * topic's {@code .dlq}.
     */
    public EventConsumerLoop(String groupId, Pattern topicPattern,
                             Supplier<? extends Consumer<String, byte[]>> consumers,
                             Supplier<? extends Producer<String, byte[]>> deadLetterProducers,
                             IntegrationEventCodec codec, BatchEventHandler handler, Settings settings) {
        this(groupId, List.of(), Objects.requireNonNull(topicPattern, "topicPattern"), consumers,
                deadLetterProducers, codec, handler, settings, Clock.systemUTC());
    }

    EventConsumerLoop(String groupId, List<String> topics, Pattern topicPattern,
                      Supplier<? extends Consumer<String, byte[]>> consumers,
                      Supplier<? extends Producer<String, byte[]>> deadLetterProducers, IntegrationEventCodec codec,
                      BatchEventHandler handler, Settings settings, Clock clock) {
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
        this.topicPattern = topicPattern;
        this.consumers = consumers;
        this.deadLetterProducers = deadLetterProducers;
        this.decoding = codec::decodeWithPayload;
        this.handler = handler;
        this.settings = settings;
        this.clock = clock;
    }

    /** A loop whose records are decoded by {@code decoding} instead of the codec: for tests watching the decoder. */
    EventConsumerLoop(String groupId, List<String> topics, Supplier<? extends Consumer<String, byte[]>> consumers,
                      Supplier<? extends Producer<String, byte[]>> deadLetterProducers,
                      BiFunction<String, byte[], EventEnvelope> decoding, BatchEventHandler handler,
                      Settings settings) {
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
        this.topicPattern = null;
        this.consumers = consumers;
        this.deadLetterProducers = deadLetterProducers;
        this.decoding = (key, value) -> {
            EventEnvelope envelope = decoding.apply(key, value);
            return envelope == null ? null : new IntegrationEventCodec.Decoded(envelope, null);
        };
        this.handler = handler;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    public void onPartitions(PartitionListener listener) {
        this.partitionListener = listener;
    }

    /**
     * These topics must be co-partitioned (ADR 0034: same partition count, same key, so that one consumer owns
     * partition n of each): each session checks their partition counts before it subscribes, and each assignment
     * gives it the same partition numbers of each. If not, the session refuses to run ({@link CoPartitioning}): a
     * clear error, readiness DOWN ({@link State#RESTARTING} with the reason), and the check again after a back-off.
     */
    public void requireCoPartitioned(Set<String> coPartitioned) {
        this.coPartitioned = CoPartitioning.of(topics, coPartitioned);
    }

    /** Told of each record before it is dead-lettered. */
    public void onDeadLetter(DeadLetterListener listener) {
        this.deadLetterListener = Objects.requireNonNull(listener, "listener");
    }

    /** Records {@code interest} says cannot concern this consumer are passed over undecoded (ADR 0038). */
    public void decodeOnly(RecordInterest interest) {
        this.interest = Objects.requireNonNull(interest, "interest");
    }

    /** Records passed over undecoded since the start ({@link #decodeOnly}); they count as applied too. */
    public long passedOver() {
        return passedOver.get();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::supervise, "consumer-" + groupId);
        thread.setDaemon(true);
        thread.start();
    }

    public String groupId() {
        return groupId;
    }

    /** The topics it reads by name; empty when it reads by {@link #topicPattern()}. */
    public List<String> topics() {
        return topics;
    }

    public Optional<Pattern> topicPattern() {
        return Optional.ofNullable(topicPattern);
    }

    public long appliedCount() {
        return applied.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    public long restartCount() {
        return restarts.get();
    }

    public State state() {
        return state;
    }

    /** The last failure that made the loop retry or restart, for readiness; null if none. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Records not consumed yet, per assigned partition, as of the last poll. */
    public Map<TopicPartition, Long> lag() {
        return Map.copyOf(lag);
    }

    /** Records not consumed yet in one partition as of the last poll; -1 if not assigned or not known yet. */
    public long lagOf(TopicPartition partition) {
        return lag.getOrDefault(partition, -1L);
    }

    /** Whether the supervisor runs: false only before start, after close, or if the supervisor itself died. */
    public boolean isAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    // ---------------------------------------------------------------- supervision

    private void supervise() {
        int failures = 0;
        while (running) {
            Consumer<String, byte[]> consumer = null;
            Producer<String, byte[]> producer = null;
            Session session = null;
            try {
                consumer = consumers.get();
                producer = deadLetterProducers.get();
                current = consumer;
                session = new Session(consumer, producer);
                session.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                if (!running) {
                    break;
                }
                // Back-offs grow only while restarts follow each other without a good poll in between.
                failures = session != null && session.reachedRunning ? 1 : failures + 1;
                restartAfter(e, failures);
            } finally {
                current = null;
                closeQuietly(consumer);
                closeQuietly(producer);
            }
        }
        state = State.STOPPED;
    }

    private void restartAfter(Throwable failure, int failures) {
        restarts.incrementAndGet();
        lastFailure = describe(failure);
        state = State.RESTARTING;
        lag.clear();
        long backoff = Math.min(settings.maxRestartBackoff().toMillis(),
                settings.retryBackoff().toMillis() << Math.min(failures - 1, 16));
        if (failure instanceof FencedInstanceIdException) {
            LOG.errorf("Consumer %s was fenced: another process uses the same group.instance.id; give each replica "
                    + "its own convergence.consumer.instance-id. Restarting in %d ms", groupId, backoff);
        } else {
            LOG.errorf(failure, "Consumer %s stopped; restarting in %d ms (restart %d)", groupId, backoff,
                    restarts.get());
        }
        try {
            TimeUnit.MILLISECONDS.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debugf("Closing %s: %s", closeable.getClass().getSimpleName(), e.toString());
        }
    }

    // ---------------------------------------------------------------- one consumer's run

    /** One record of a poll and what became of it. */
    private static final class Item {
        final ConsumerRecord<String, byte[]> record;
        ConsumedEvent event;
        RuntimeException reason;

        Item(ConsumerRecord<String, byte[]> record) {
            this.record = record;
        }

        String key() {
            return record.topic() + "/" + record.partition() + "@" + record.offset();
        }
    }

    /** The state of one consumer instance, from subscription to close. */
    private final class Session implements ConsumerRebalanceListener {

        private final Consumer<String, byte[]> consumer;
        private final Producer<String, byte[]> producer;
        private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
        private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
        private boolean commitFailing;
        private boolean reachedRunning;
        /** Decodes polls on a thread of its own, one at a time, while this session's thread applies the previous. */
        private final ExecutorService decoder;
        /** The poll being applied, and the one read ahead of it (null when none): both pre-decoded, not applied. */
        private DecodedPoll current;
        private DecodedPoll ahead;

        Session(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer) {
            this.consumer = consumer;
            this.producer = producer;
            this.decoder = Executors.newSingleThreadExecutor(task -> {
                Thread decoding = new Thread(task, "consumer-" + groupId + "-decoder");
                decoding.setDaemon(true);
                return decoding;
            });
        }

        void run() throws InterruptedException {
            try {
                coPartitioned.requirePartitionCounts(consumer);
                if (topicPattern == null) {
                    consumer.subscribe(topics, this);
                } else {
                    consumer.subscribe(topicPattern, this);
                }
                while (running) {
                    resumeDuePartitions();
                    current = ahead != null ? ahead : poll(settings.pollTimeout(), false);
                    ahead = null;
                    if (current != null) {
                        // Without waiting: a poll that has nothing buffered yet must not delay the batch in hand.
                        ahead = poll(Duration.ZERO, true);
                    }
                    boolean backOff = current != null && process(current.take());
                    current = null;
                    backOff |= !commit();
                    if (backOff) {
                        TimeUnit.MILLISECONDS.sleep(settings.retryBackoff().toMillis());
                    } else if (state != State.RUNNING) {
                        if (state == State.RESTARTING || state == State.RETRYING) {
                            LOG.infof("Consumer %s is running again", groupId);
                        }
                        state = State.RUNNING;
                    }
                    reachedRunning |= !backOff;
                }
                commit();
            } finally {
                // What was read ahead is neither applied nor committed: the next owner reads it again.
                current = null;
                ahead = null;
                decoder.shutdownNow();
            }
        }

        /** Polls and hands the records to the decoder; null when there were none. */
        private DecodedPoll poll(Duration timeout, boolean readAhead) {
            ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
            DecodedPoll polled = records.isEmpty() ? null : new DecodedPoll(records, decoder);
            recordLag(readAhead ? polled : null);
            return polled;
        }

        /** Applies one poll's records; true when the loop must pause before polling again. */
        private boolean process(Map<TopicPartition, List<Item>> byPartition) {
            if (byPartition.isEmpty()) {
                return false;
            }
            List<Item> decoded = new ArrayList<>();
            int count = 0;
            for (List<Item> items : byPartition.values()) {
                count += items.size();
                for (Item item : items) {
                    if (item.event != null) {
                        decoded.add(item);
                    }
                }
            }
            int records = count;
            try {
                Map<Integer, RuntimeException> rejected = decoded.isEmpty() ? Map.of()
                        : handler.handleAll(decoded.stream().map(i -> i.event).toList());
                if (rejected != null) {
                    rejected.forEach((index, reason) -> decoded.get(index).reason = reason == null
                            ? new RejectedEventException("refused by the handler") : reason);
                }
            } catch (Throwable failure) {
                requireRecordFailure(failure);
                if (TransientFailures.isTransient(failure)) {
                    retrying(failure, records);
                    byPartition.forEach((partition, items) -> rewind(partition, items.get(0).record.offset()));
                    return true;
                }
                if (failure instanceof RetryLaterException) {
                    LOG.debugf("Consumer %s: a batch waits for a fact not known yet (%s); applying it record by "
                            + "record", groupId, failure.getMessage());
                } else {
                    LOG.warnf("Consumer %s: a batch of %d records failed (%s); applying them one by one to find "
                            + "the record at fault", groupId, records, describe(failure));
                }
                return isolate(byPartition);
            }
            return settle(byPartition);
        }

        /**
         * Rewinds a partition to a record of the batch in hand, and drops what was read ahead of it there: those
         * records come after the rewind point and are read again, in order, by a later poll.
         */
        private void rewind(TopicPartition partition, long offset) {
            consumer.seek(partition, offset);
            if (ahead != null) {
                ahead.drop(List.of(partition));
            }
        }

        /** Dead-letters what must be, and marks offsets to commit, partition by partition, in order. */
        private boolean settle(Map<TopicPartition, List<Item>> byPartition) {
            boolean backOff = false;
            for (Map.Entry<TopicPartition, List<Item>> partition : byPartition.entrySet()) {
                for (Item item : partition.getValue()) {
                    if (!done(partition.getKey(), item)) {
                        backOff = true;
                        break;
                    }
                }
            }
            return backOff;
        }

        /**
         * Applies each record on its own, in order within its partition, to tell the record at fault from the
         * others. A partition stops at a record that must wait (paused, retried later) and the whole poll stops at
         * a transient failure.
         */
        private boolean isolate(Map<TopicPartition, List<Item>> byPartition) {
            List<TopicPartition> partitions = new ArrayList<>(byPartition.keySet());
            for (int p = 0; p < partitions.size(); p++) {
                TopicPartition partition = partitions.get(p);
                for (Item item : byPartition.get(partition)) {
                    if (item.event != null) {
                        item.reason = null;
                        try {
                            Map<Integer, RuntimeException> rejected = handler.handleAll(List.of(item.event));
                            if (rejected != null && !rejected.isEmpty()) {
                                RuntimeException reason = rejected.values().iterator().next();
                                item.reason = reason == null ? new RejectedEventException("refused by the handler")
                                        : reason;
                            }
                        } catch (Throwable failure) {
                            requireRecordFailure(failure);
                            if (TransientFailures.isTransient(failure)) {
                                retrying(failure, 1);
                                rewind(partition, item.record.offset());
                                rewindLater(partitions, p, byPartition);
                                return true;
                            }
                            item.reason = giveUpOrWait(partition, item, failure);
                            if (item.reason == null) {
                                break;
                            }
                        }
                    }
                    if (!done(partition, item)) {
                        // done() rewound this partition; those after it in the batch were not tried: read again.
                        rewindLater(partitions, p, byPartition);
                        return true;
                    }
                }
            }
            return false;
        }

        /** Rewinds the partitions after the {@code p}-th of a batch to their first record: none of them was tried. */
        private void rewindLater(List<TopicPartition> partitions, int p, Map<TopicPartition, List<Item>> byPartition) {
            for (TopicPartition later : partitions.subList(p + 1, partitions.size())) {
                rewind(later, byPartition.get(later).get(0).record.offset());
            }
        }

        /**
         * A record failed on its own: the reason to dead-letter it now, or null when its partition was paused to
         * try it again later.
         */
        private RuntimeException giveUpOrWait(TopicPartition partition, Item item, Throwable failure) {
            if (failure instanceof RetryLaterException waiting) {
                Instant since = waitingSince.computeIfAbsent(item.key(), k -> {
                    LOG.infof("Consumer %s: %s-%d@%d waits for a fact not known yet, for at most %s: %s", groupId,
                            item.record.topic(), item.record.partition(), item.record.offset(),
                            settings.retryLaterPatience(), waiting.getMessage());
                    return clock.instant();
                });
                Duration waited = Duration.between(since, clock.instant());
                if (waited.compareTo(settings.retryLaterPatience()) < 0) {
                    waitAndRetry(partition, item);
                    return null;
                }
                return new RejectedEventException(DeadLetterCodes.NOT_KNOWN, "gave up after waiting "
                        + waited.toSeconds() + " s: " + waiting.getMessage());
            }
            int tried = attempts.merge(item.key(), 1, Integer::sum);
            if (tried < settings.poisonAttempts()) {
                LOG.warnf("Consumer %s: %s-%d@%d failed on its own (attempt %d of %d): %s", groupId,
                        item.record.topic(), item.record.partition(), item.record.offset(), tried,
                        settings.poisonAttempts(), describe(failure));
                waitAndRetry(partition, item);
                return null;
            }
            LOG.errorf(failure, "Consumer %s: %s-%d@%d failed on its own %d times; dead-lettering it", groupId,
                    item.record.topic(), item.record.partition(), item.record.offset(), tried);
            return new RejectedEventException(DeadLetterCodes.HANDLER_FAILED, "the handler failed on this record "
                    + "alone, " + tried + " times: " + describe(failure));
        }

        private void waitAndRetry(TopicPartition partition, Item item) {
            rewind(partition, item.record.offset());
            consumer.pause(List.of(partition));
            pausedUntil.put(partition, clock.instant().plus(settings.retryBackoff()));
        }

        /**
         * Finishes one record: dead-letters it if it has a reason, then marks its offset for commit. False if the
         * dead letter could not be written: the partition is rewound to the record, to try again.
         */
        private boolean done(TopicPartition partition, Item item) {
            if (item.reason != null) {
                if (!deadLetter(item)) {
                    rewind(partition, item.record.offset());
                    return false;
                }
            } else {
                applied.incrementAndGet();
            }
            attempts.remove(item.key());
            waitingSince.remove(item.key());
            pending.put(partition, new OffsetAndMetadata(item.record.offset() + 1));
            return true;
        }

        private void retrying(Throwable failure, int records) {
            if (state != State.RETRYING) {
                LOG.warnf("Consumer %s could not apply %d records, retrying in %d ms: %s", groupId, records,
                        settings.retryBackoff().toMillis(), describe(failure));
            }
            lastFailure = describe(failure);
            state = State.RETRYING;
        }

        private boolean deadLetter(Item item) {
            ConsumerRecord<String, byte[]> record = item.record;
            String reason = bounded(item.reason.getMessage() == null ? item.reason.getClass().getSimpleName()
                    : item.reason.getMessage());
            try {
                deadLetterListener.deadLettered(new DeadLetter(record.topic(), record.partition(), record.offset(),
                        record.key(), record.value(), item.event == null ? null : item.event.envelope(),
                        DeadLetterCodes.of(item.reason), reason, clock.instant()));
            } catch (RuntimeException e) {
                return cannotDeadLetter(record, e);
            }
            try {
                send(deadLetterOf(record, reason, item.reason, record.value()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RecordTooLargeException)) {
                    return cannotDeadLetter(record, e.getCause());
                }
                // The record plus our headers exceeds what the broker takes: keep the reason, drop the value.
                ProducerRecord<String, byte[]> withoutValue = deadLetterOf(record, reason, item.reason, null);
                header(withoutValue, DeadLetterHeaders.VALUE_DROPPED, "value of " + record.serializedValueSize()
                        + " bytes too large for the dead-letter topic");
                try {
                    send(withoutValue);
                } catch (Exception again) {
                    return cannotDeadLetter(record, again);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                return cannotDeadLetter(record, e);
            }
            deadLettered.incrementAndGet();
            LOG.warnf("Consumer %s dead-lettered %s-%d@%d: %s", groupId, record.topic(), record.partition(),
                    record.offset(), reason);
            return true;
        }

        private void send(ProducerRecord<String, byte[]> record) throws Exception {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }

        private boolean cannotDeadLetter(ConsumerRecord<String, byte[]> record, Throwable e) {
            LOG.warnf("Consumer %s could not dead-letter %s-%d@%d, will retry: %s", groupId, record.topic(),
                    record.partition(), record.offset(), String.valueOf(e));
            return false;
        }

        private ProducerRecord<String, byte[]> deadLetterOf(ConsumerRecord<String, byte[]> record, String reason,
                                                            RuntimeException failure, byte[] value) {
            ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.deadLetterOf(record.topic()), null,
                    record.key(), value);
            header(dead, DeadLetterHeaders.REASON, reason);
            header(dead, DeadLetterHeaders.CODE, DeadLetterCodes.of(failure));
            header(dead, DeadLetterHeaders.EXCEPTION, failure.getClass().getName());
            header(dead, DeadLetterHeaders.SOURCE_TOPIC, record.topic());
            header(dead, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(record.partition()));
            header(dead, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(record.offset()));
            header(dead, DeadLetterHeaders.CONSUMER_GROUP, groupId);
            return dead;
        }

        /**
         * Commits what was applied. A failed commit (broker away) is kept and retried with the next one: until
         * then a restart would only redeliver events, which the handler recognises.
         */
        private boolean commit() {
            if (pending.isEmpty()) {
                return true;
            }
            try {
                consumer.commitSync(pending, Duration.ofSeconds(5));
                pending.clear();
                commitFailing = false;
                return true;
            } catch (WakeupException | FencedInstanceIdException e) {
                throw e;
            } catch (CommitFailedException e) {
                // The group moved on without us: the partitions' next owner resumes from the last commit and the
                // handler recognises what was applied since.
                LOG.warnf("Consumer %s: offsets not committed, the group rebalanced: %s", groupId, e.getMessage());
                pending.clear();
                return true;
            } catch (RuntimeException e) {
                if (!commitFailing) {
                    LOG.warnf("Consumer %s could not commit offsets, will retry: %s", groupId, e.toString());
                }
                commitFailing = true;
                return false;
            }
        }

        private void resumeDuePartitions() {
            if (pausedUntil.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            List<TopicPartition> due = new ArrayList<>(pausedUntil.entrySet().stream()
                    .filter(e -> !e.getValue().isAfter(now)).map(Map.Entry::getKey).toList());
            if (!due.isEmpty()) {
                due.forEach(pausedUntil::remove);
                due.retainAll(consumer.assignment());
                consumer.resume(due);
            }
        }

        /** Records not applied yet: those the consumer has not fetched, plus those read ahead ({@code ahead}). */
        private void recordLag(DecodedPoll ahead) {
            for (TopicPartition partition : consumer.assignment()) {
                consumer.currentLag(partition).ifPresent(value -> lag.put(partition,
                        value + (ahead == null ? 0 : ahead.count(partition))));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> theirs = new HashMap<>();
            partitions.forEach(p -> {
                OffsetAndMetadata offset = pending.remove(p);
                if (offset != null) {
                    theirs.put(p, offset);
                }
            });
            if (!theirs.isEmpty()) {
                try {
                    consumer.commitSync(theirs, Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    LOG.warnf("Consumer %s could not commit revoked partitions' offsets: %s", groupId, e.toString());
                }
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(pending::remove);
            forget(partitions);
        }

        /**
         * Called inside a poll, so possibly while a batch decoded before it waits to be applied: nothing of a
         * partition this consumer no longer owns may be applied, since its next owner starts from the last commit.
         */
        private void dropDecoded(Collection<TopicPartition> partitions) {
            if (current != null) {
                current.drop(partitions);
            }
            if (ahead != null) {
                ahead.drop(partitions);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitionListener.assigned(partitions);
            // Thrown from here, poll() throws it: the session stops before applying a record of this assignment.
            coPartitioned.requireSamePartitionNumbers(consumer.assignment());
        }

        private void forget(Collection<TopicPartition> partitions) {
            dropDecoded(partitions);
            partitions.forEach(p -> {
                pausedUntil.remove(p);
                lag.remove(p);
            });
            partitionListener.revoked(partitions);
        }
    }

    /** Runs on the decoder thread: touches nothing but the records it is given. */
    private Item decode(ConsumerRecord<String, byte[]> record) {
        Item item = new Item(record);
        try {
            if (!interest.mayConcern(record)) {
                // Neither an event nor a reason: committed as done, as a record no handler takes (ADR 0038).
                passedOver.incrementAndGet();
                return item;
            }
            // The Kafka key must be the envelope's: it is what keeps one subject's facts in order.
            IntegrationEventCodec.Decoded decoded = decoding.apply(record.key(), record.value());
            if (decoded == null || decoded.envelope() == null) {
                item.reason = new InvalidIntegrationEventException("record is not an event envelope");
            } else {
                // The payload's record travels with the event: a handler binding it does not read it again on the
                // loop thread (ADR 0044).
                item.event = new ConsumedEvent(record.topic(), record.partition(), record.offset(),
                        decoded.envelope(), decoded.payload());
            }
        } catch (Throwable failure) {
            requireRecordFailure(failure);
            item.reason = failure instanceof InvalidIntegrationEventException invalid ? invalid
                    : new InvalidIntegrationEventException("record could not be read: " + describe(failure),
                    failure);
        }
        return item;
    }

    /**
     * One poll's records, decoded on a session's decoder thread while its loop thread applies the poll before. The
     * loop thread alone drops partitions from it (revoked, lost, rewound); {@link #take()} leaves them out.
     */
    private final class DecodedPoll {
        private final Map<TopicPartition, Integer> counts = new HashMap<>();
        private final Set<TopicPartition> dropped = new HashSet<>();
        private final Future<Map<TopicPartition, List<Item>>> decoded;

        DecodedPoll(ConsumerRecords<String, byte[]> records, ExecutorService decoder) {
            Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<String, byte[]>> ofPartition = records.records(partition);
                byPartition.put(partition, ofPartition);
                counts.put(partition, ofPartition.size());
            }
            decoded = decoder.submit(() -> decodeAll(byPartition));
        }

        private Map<TopicPartition, List<Item>> decodeAll(
                Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition) {
            Map<TopicPartition, List<Item>> items = new LinkedHashMap<>();
            byPartition.forEach((partition, records) -> {
                List<Item> ofPartition = new ArrayList<>(records.size());
                records.forEach(record -> ofPartition.add(decode(record)));
                items.put(partition, ofPartition);
            });
            return items;
        }

        void drop(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                if (counts.containsKey(partition)) {
                    dropped.add(partition);
                }
            }
        }

        /** Records of the partition read and not dropped. */
        int count(TopicPartition partition) {
            return dropped.contains(partition) ? 0 : counts.getOrDefault(partition, 0);
        }

        /** The decoded records, partition by partition in poll order, without the dropped partitions. */
        Map<TopicPartition, List<Item>> take() throws InterruptedException {
            Map<TopicPartition, List<Item>> items;
            try {
                items = decoded.get();
            } catch (ExecutionException e) {
                // decode() turns any record's failure into a reason: what reaches here is the JVM's (out of memory).
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("decoding a poll failed", e.getCause());
            }
            if (!dropped.isEmpty()) {
                items = new LinkedHashMap<>(items);
                items.keySet().removeAll(dropped);
            }
            return items;
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A record's failure is anything an exception or a deep recursion can be; the JVM running out of memory or a
     * thread being killed are not a record's fault and stop the loop (the supervisor restarts it).
     */
    private static void requireRecordFailure(Throwable failure) {
        if (failure instanceof Exception || failure instanceof StackOverflowError) {
            return;
        }
        if (failure instanceof Error error && (error instanceof VirtualMachineError)) {
            throw error;
        }
        if (failure instanceof Error || failure instanceof RuntimeException) {
            return;
        }
        throw new IllegalStateException(failure);
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return bounded(text);
    }

    private static String bounded(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_REASON_LENGTH ? oneLine : oneLine.substring(0, MAX_REASON_LENGTH) + "…";
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        running = false;
        Consumer<String, byte[]> consumer = current;
        if (consumer != null) {
            consumer.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(TimeUnit.SECONDS.toMillis(5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state = State.STOPPED;
    }
}
