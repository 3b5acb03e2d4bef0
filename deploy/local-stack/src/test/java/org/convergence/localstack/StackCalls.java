package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How the local-stack end-to-end tests call the running services: REST with one caller's token, polling until an
 * eventually consistent read shows what the test waits for, and the dead letters of a topic.
 */
final class StackCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalStack stack;
    private final String token;

    StackCalls(LocalStack stack, String token) {
        this.stack = stack;
        this.token = token;
    }

    /** The same calls with another caller's token. */
    StackCalls as(String otherToken) {
        return new StackCalls(stack, otherToken);
    }

    HttpResponse<String> send(String service, String method, String path, String body) throws Exception {
        return send(service, method, path, "application/json", body);
    }

    /** A request whose body is of another media type than JSON (an NDJSON import...). */
    HttpResponse<String> send(String service, String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The answer's body, or an empty object when it is not a 200 (not there yet, for a poll). */
    JsonNode get(String service, String path) throws Exception {
        HttpResponse<String> response = send(service, "GET", path, null);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    int status(String service, String method, String path, String body) throws Exception {
        return send(service, method, path, body).statusCode();
    }

    JsonNode post(String service, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = send(service, "POST", path, body);
        assertEquals(expected, response.statusCode(), path + ": " + response.body());
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** Enrols a new pathway through enrolment's REST door; its participant id. */
    String enrol(String pathway, String program, String chantier, String entryDate) throws Exception {
        HttpResponse<String> response = send("enrolment", "POST", "/pathways", """
                {"pathwayId":"%s","program":"%s","chantierId":"%s","entryDate":"%s"}"""
                .formatted(pathway, program, chantier, entryDate));
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("participantId").asText();
    }

    /** Polls until {@code done} holds: every read here answers before the consumers caught up. */
    static <T> T await(String what, Callable<T> read, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = read.call();
            if (done.test(last)) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(what + " never came; last seen " + last);
    }

    /** Every dead letter of {@code topic} written so far, read from the start of its dead-letter topic. */
    static List<ConsumerRecord<String, byte[]>> deadLetters(String bootstrap, String topic) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            String dlq = topic + ".dlq";
            List<TopicPartition> partitions = consumer.partitionsFor(dlq).stream()
                    .map(p -> new TopicPartition(dlq, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
        }
        return found;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
