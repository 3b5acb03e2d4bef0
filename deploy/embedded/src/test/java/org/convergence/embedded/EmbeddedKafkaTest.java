package org.convergence.embedded;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedKafkaTest {

    private static final String TOPIC = "kept-events";

    @Test
    void recordsWrittenBeforeAStopAreReadAfterARestartAndAfterANewStartOnTheSameData() throws Exception {
        Path dataDir = Path.of("target", "kafka-test-" + UUID.randomUUID());
        String address;
        long begin = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            System.out.printf("embedded kafka: ready in %d ms%n", millisSince(begin));
            assertTrue(kafka.isRunning());
            address = kafka.bootstrapServers();
            assertTrue(address.matches("127\\.0\\.0\\.1:\\d+"), address);
            assertTrue(Files.exists(dataDir.resolve("logs").resolve("meta.properties")), "storage formatted");
            // The broker's INFO chatter is off for whatever slf4j is bound to (JBoss LogManager here).
            assertFalse(LoggerFactory.getLogger("kafka.server.BrokerServer").isInfoEnabled());
            assertTrue(LoggerFactory.getLogger("kafka.server.BrokerServer").isWarnEnabled());
            assertTrue(LoggerFactory.getLogger("org.apache.kafka.clients.producer.KafkaProducer").isInfoEnabled(),
                    "client categories untouched");

            produce(address, "v0", "v1", "v2");
            kafka.stop();
            assertFalse(kafka.isRunning());

            long restart = System.nanoTime();
            kafka.restart();
            System.out.printf("embedded kafka: restarted in %d ms%n", millisSince(restart));
            assertTrue(kafka.isRunning());
            assertEquals(address, kafka.bootstrapServers(), "same port after a restart");
            assertEquals(List.of("v0", "v1", "v2"), consumeFromEarliest(address, 3));
        }

        // As when the local stack starts again: a new broker on the same folder keeps the data, no reformat.
        long again = System.nanoTime();
        int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, port)) {
            System.out.printf("embedded kafka: new broker on existing data ready in %d ms%n", millisSince(again));
            assertEquals(List.of("v0", "v1", "v2"), consumeFromEarliest(kafka.bootstrapServers(), 3));
        }
    }

    private static void produce(String bootstrap, String... values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                // One key, so one partition, so the order read back is the order written.
                producer.send(new ProducerRecord<>(TOPIC, "one-key", value)).get();
            }
        }
    }

    /** A fresh consumer group from the earliest offset: everything the topic holds. */
    private static List<String> consumeFromEarliest(String bootstrap, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            // A short extra poll: more records than written would mean duplicates.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
        }
        return values;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
