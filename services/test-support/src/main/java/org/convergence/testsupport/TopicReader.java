package org.convergence.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a topic from its beginning with a fresh consumer group, as a test observer. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "observer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until at least {@code count} records were read or the timeout passed; returns all read so far. */
    public List<ConsumerRecord<String, byte[]>> readAtLeast(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    /** Polls until {@code count} records under {@code key} were read or the timeout passed; returns those read. */
    public List<ConsumerRecord<String, byte[]>> readKey(String key, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (key.equals(record.key())) {
                found.add(record);
            }
        }
        while (found.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                records.add(record);
                if (key.equals(record.key())) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    /**
     * Polls until {@code count} distinct keys starting with {@code keyPrefix} were read or the timeout passed;
     * returns the first record of each such key (a test's own records, on a topic others write to as well).
     */
    public Map<String, ConsumerRecord<String, byte[]>> readKeysStartingWith(String keyPrefix, int count,
                                                                        Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, ConsumerRecord<String, byte[]>> found = new LinkedHashMap<>();
        records.forEach(record -> keep(record, keyPrefix, found));
        while (found.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                records.add(record);
                keep(record, keyPrefix, found);
            }
        }
        return found;
    }

    private static void keep(ConsumerRecord<String, byte[]> record, String keyPrefix,
                             Map<String, ConsumerRecord<String, byte[]>> found) {
        if (record.key() != null && record.key().startsWith(keyPrefix)) {
            found.putIfAbsent(record.key(), record);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
