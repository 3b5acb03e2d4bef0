package org.convergence.localstack;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The number of records ever written to a topic (the sum of its partitions' end offsets), read again and again by
 * one client. A benchmark waiting for a topic to fill reads it every 100 ms: with a new consumer each time (wave
 * 9), every read cost the benchmark's JVM a client's construction (and its code's compilation) and the broker an
 * ApiVersions, a Metadata and a ListOffsets request, half of the benchmark JVM's CPU in the timed window, taken from
 * the same two cores as the stack (ADR 0047). One consumer, its topic's partitions looked up once: each read is a
 * single ListOffsets request.
 */
final class TopicEnds implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

    TopicEnds(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Records ever written to {@code topic}, now. */
    long of(String topic) {
        List<TopicPartition> ofTopic = partitions.computeIfAbsent(topic, t -> consumer
                .partitionsFor(t, Duration.ofSeconds(30)).stream()
                .map(partition -> new TopicPartition(t, partition.partition())).toList());
        return consumer.endOffsets(ofTopic, Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue)
                .sum();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
