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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes integration events with at-least-once delivery: an offset is committed only after the handler
 * stored its effect; a record that can never be applied goes to {@code <topic>.dlq} with the reason in its
 * headers and the partition moves on; a transient failure (database down) retries the same record.
 */
public final class EventConsumerLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> deadLetterProducer;
    private final IntegrationEventCodec codec;
    private final IntegrationEventHandler handler;
    private final List<String> topics;
    private final String groupId;
    private final Duration retryBackoff;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean running;
    private volatile boolean healthy = true;
    private Thread thread;

    public EventConsumerLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> deadLetterProducer,
                             IntegrationEventCodec codec, IntegrationEventHandler handler, List<String> topics,
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

    public boolean isHealthy() {
        return healthy;
    }

    private void loop() {
        try {
            consumer.subscribe(topics);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                boolean mustBackOff = false;
                for (TopicPartition partition : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                        if (!process(record)) {
                            consumer.seek(partition, record.offset());
                            mustBackOff = true;
                            break;
                        }
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
                if (mustBackOff) {
                    TimeUnit.MILLISECONDS.sleep(retryBackoff.toMillis());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
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

    /** Returns false when the record must be retried. */
    private boolean process(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = codec.decode(record.value());
            handler.handle(event);
            applied.incrementAndGet();
            healthy = true;
            return true;
        } catch (InvalidIntegrationEventException | RejectedEventException e) {
            return deadLetter(record, e);
        } catch (RuntimeException e) {
            if (healthy) {
                LOG.warnf("Could not apply %s-%d@%d, retrying: %s", record.topic(), record.partition(),
                        record.offset(), e.toString());
            }
            healthy = false;
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
