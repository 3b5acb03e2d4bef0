package org.convergence.platform.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.testsupport.TopicReader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fresh topics for a test, and their dead letters. */
public final class Topics {

    private Topics() {
    }

    /** A new topic with its dead-letter twin; {@code deadLetterMaxBytes} limits the twin's record size (0: default). */
    public static String create(String prefix, int partitions, int deadLetterMaxBytes) {
        String topic = prefix + "." + UUID.randomUUID();
        NewTopic deadLetters = new NewTopic(org.convergence.contracts.Topics.deadLetterOf(topic), 1, (short) 1);
        if (deadLetterMaxBytes > 0) {
            deadLetters.configs(Map.of("max.message.bytes", Integer.toString(deadLetterMaxBytes)));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConvergenceStack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1), deadLetters)).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create " + topic, e);
        }
        return topic;
    }

    public static String create(String prefix, int partitions) {
        return create(prefix, partitions, 0);
    }

    /** Reads at least {@code count} dead letters of the topic (or fails after the timeout with those found). */
    public static List<ConsumerRecord<String, byte[]>> deadLetters(String topic, int count, Duration timeout) {
        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(),
                org.convergence.contracts.Topics.deadLetterOf(topic))) {
            return new ArrayList<>(reader.readAtLeast(count, timeout));
        }
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
