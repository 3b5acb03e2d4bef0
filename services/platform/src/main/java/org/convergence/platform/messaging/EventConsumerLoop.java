package org.convergence.platform.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.InvalidIntegrationEventException;
import org.convergence.contracts.Topics;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes integration events with at-least-once delivery: each poll is handed to the handler as one batch and
 * its offsets are committed only after the handler stored the effects; a record that can never be applied goes
 * to {@code <topic>.dlq} with the reason in its headers and the partition moves on; a transient failure
 * (database down) retries the same records.
 */
public final class EventConsumerLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> deadLetterProducer;
    private final IntegrationEventCodec codec;
    private final BatchEventHandler handler;
    private final List<String> topics;
    private final String groupId;
    private final Duration retryBackoff;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean running;
    private volatile boolean healthy = true;
    private Thread thread;

    public EventConsumerLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> deadLetterProducer,
                             IntegrationEventCodec codec, BatchEventHandler handler, List<String> topics,
                             String groupId, Duration retryBackoff) {
        this.consumer = consumer;
        this.deadLetterProducer = deadLetterProducer;
        this.codec = codec;
        this.handler = handler;
        this.topics = topics;
        this.groupId = groupId;
        this.retryBackoff = retryBackoff;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "consumer-" + groupId);
        thread.setDaemon(true);
        thread.start();
    }

    public long appliedCount() {
        return applied.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    /** False while the last record could not be applied (it is being retried). */
    public boolean isHealthy() {
        return healthy;
    }

    /** False once the loop stopped for good: the service must be restarted. */
    public boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    private void loop() {
        Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
        try {
            consumer.subscribe(topics);
            while (running) {
                boolean mustBackOff = processBatch(consumer.poll(Duration.ofMillis(500)), uncommitted);
                mustBackOff |= !commit(uncommitted);
                if (mustBackOff) {
                    TimeUnit.MILLISECONDS.sleep(retryBackoff.toMillis());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.errorf(e, "Consumer %s woken up unexpectedly", groupId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            healthy = false;
            LOG.errorf(e, "Consumer %s stopped", groupId);
        } finally {
            consumer.close();
        }
    }

    /**
     * Applies a poll's records as one batch (in order within each partition); returns true when some must be
     * retried after a pause. Records that cannot be read or applied go to the dead-letter topic; their offsets
     * are committed with the others'. A transient failure of the handler rewinds every partition of the batch.
     */
    private boolean processBatch(ConsumerRecords<String, byte[]> records,
                                 Map<TopicPartition, OffsetAndMetadata> uncommitted) {
        if (records.isEmpty()) {
            return false;
        }
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        Map<ConsumerRecord<String, byte[]>, RuntimeException> unusable = new HashMap<>();
        List<EventEnvelope> events = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> decoded = new ArrayList<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                all.add(record);
                try {
                    events.add(codec.decode(record.value()));
                    decoded.add(record);
                } catch (InvalidIntegrationEventException e) {
                    unusable.put(record, e);
                }
            }
        }
        Map<Integer, RuntimeException> rejected;
        try {
            rejected = events.isEmpty() ? Map.of() : handler.handleAll(events);
        } catch (RuntimeException e) {
            if (healthy) {
                LOG.warnf("Could not apply a batch of %d records, retrying: %s", all.size(), e.toString());
            }
            healthy = false;
            for (TopicPartition partition : records.partitions()) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
            return true;
        }
        healthy = true;
        rejected.forEach((index, reason) -> unusable.put(decoded.get(index), reason));
        applied.addAndGet(events.size() - rejected.size());
        return !settle(all, unusable, uncommitted);
    }

    /**
     * Dead-letters the unusable records and marks the batch's offsets for commit, partition by partition. If a
     * dead letter cannot be sent, its partition is rewound to it (the records after it are redelivered and
     * recognised) and false is returned.
     */
    private boolean settle(List<ConsumerRecord<String, byte[]>> batch,
                           Map<ConsumerRecord<String, byte[]>, RuntimeException> unusable,
                           Map<TopicPartition, OffsetAndMetadata> uncommitted) {
        boolean settled = true;
        java.util.Set<TopicPartition> rewound = new java.util.HashSet<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (rewound.contains(partition)) {
                continue;
            }
            RuntimeException reason = unusable.get(record);
            if (reason != null && !deadLetter(record, reason)) {
                consumer.seek(partition, record.offset());
                rewound.add(partition);
                settled = false;
                continue;
            }
            uncommitted.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        return settled;
    }

    /**
     * Commits what was applied. A failed commit (broker away) is kept and retried with the next one: until
     * then a restart would only redeliver events, which the handler ignores.
     */
    private boolean commit(Map<TopicPartition, OffsetAndMetadata> uncommitted) {
        if (uncommitted.isEmpty()) {
            return true;
        }
        try {
            consumer.commitSync(uncommitted, Duration.ofSeconds(5));
            uncommitted.clear();
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("Consumer %s could not commit offsets, will retry: %s", groupId, e.toString());
            return false;
        }
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.deadLetterOf(record.topic()), null,
                record.key(), record.value());
        header(dead, DeadLetterHeaders.REASON, String.valueOf(reason.getMessage()));
        header(dead, DeadLetterHeaders.EXCEPTION, reason.getClass().getName());
        header(dead, DeadLetterHeaders.SOURCE_TOPIC, record.topic());
        header(dead, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(record.partition()));
        header(dead, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(record.offset()));
        header(dead, DeadLetterHeaders.CONSUMER_GROUP, groupId);
        try {
            deadLetterProducer.send(dead).get(30, TimeUnit.SECONDS);
            deadLettered.incrementAndGet();
            LOG.warnf("Dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    reason.getMessage());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("Could not dead-letter %s-%d@%d, retrying: %s", record.topic(), record.partition(),
                    record.offset(), e.toString());
            return false;
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
