package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 end to end with every server in its own process as the launcher runs them, through the real broker:
 * an employer transition's completion ends the Convergence pathway in durable employment with no manual step
 * (ADR 0025), the figures follow, and a SIGKILL of the enrolment service between the completed facts and their
 * exits leaves each exit recorded exactly once, with no refusal.
 *
 * <p>The transition is driven through the transitions service's REST API when the stack runs that service
 * ({@code deploy/services.conf} lists it); on a branch without it, its facts are published on
 * {@code convergence.transitions.v1} exactly as it publishes them (same contract, key and envelope), and everything
 * from the topic on is the real path. The kill test publishes its completions directly: it is about enrolment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmployerTransitionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOPIC = "convergence.transitions.v1";
    private static final String EXIT_GROUP = "enrolment-transition-exits";
    private static final String TERRITORY = "transit";
    private static final String CHANTIER = "transit-aci";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static StackLayout layout;
    private static LocalStack stack;
    private static String national;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void startStack() throws Exception {
        Path repository = Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory(repository.resolve("deploy/local-stack/target"), "transitions-");
        layout = StackLayout.onFreePorts(repository, dataDir);
        stack = new LocalStack(layout);
        stack.start();
        national = stack.token("national", Map.of());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, layout.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        post("enrolment", "/territories", """
                {"territoryId":"%s","name":"Transitions","densityKind":"URBAN"}""".formatted(TERRITORY), 201);
        post("enrolment", "/territories/" + TERRITORY + "/chantiers", """
                {"chantierId":"%s","name":"Transitions ACI",
                 "programs":[{"program":"CONVERGENCE","since":"2018-01-01"}]}""".formatted(CHANTIER), 201);
    }

    @AfterAll
    static void stopStack() {
        if (producer != null) {
            producer.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aTransitionFromContractedHoursToAFullTimeCdiEndsThePathwayAsADynamicExitAndTheFiguresFollow()
            throws Exception {
        String pathway = UUID.randomUUID().toString();
        String participant = enrol(pathway, "2020-01-06");
        // The chantier's contracted hours, decided in the hours service once it knows the pathway (its view).
        await("the hours service knows the pathway", () -> status("hours", "POST",
                "/pathways/" + pathway + "/contracted-hours",
                "{\"effectiveOn\":\"2020-01-06\",\"weeklyHours\":26,\"reason\":\"CONTRACT_START\"}"), s -> s == 200);

        String transition = UUID.randomUUID().toString();
        TransitionDriver employer = stack.services().contains("transitions") ? new TransitionsService()
                : new PublishedFacts(participant);
        employer.start(transition, pathway, "2020-03-02", 8, 18);
        employer.meeting(transition, pathway, "2020-03-23");
        employer.step(transition, pathway, "2020-05-04", 20, 6);
        employer.meeting(transition, pathway, "2020-05-25");
        employer.step(transition, pathway, "2020-08-03", 35, 0);
        employer.meeting(transition, pathway, "2020-08-31");
        employer.complete(transition, pathway, "2020-10-01");

        JsonNode exited = await("the automatic exit", () -> get("enrolment", "/pathways/" + pathway),
                p -> p.hasNonNull("exitDate"));
        assertEquals("2020-10-01", exited.get("exitDate").asText());
        assertEquals("DURABLE_EMPLOYMENT", exited.get("exitCategory").asText());
        assertEquals(transition, exited.get("exitTransitionId").asText(), "the exit says it came from the transition");

        JsonNode figures = await("the 2020 figures", () -> get("reporting", "/figures/territories/" + TERRITORY
                + "/2020"), f -> f.path("exits").asInt() == 1 && f.at("/transitions/completed").asInt() == 1);
        assertEquals(1, figures.at("/dynamicExits/numerator").asInt(), "a dynamic exit");
        assertEquals(1, figures.at("/dynamicExits/denominator").asInt());
        assertEquals(1, figures.at("/transitions/started").asInt());
        assertEquals(35.0, figures.at("/transitions/storeHoursReached/value").asDouble(), "full time in the store");
        assertEquals(0, figures.at("/transitions/meetingAlerts").asInt(), "ended: on no alert list");
        JsonNode alerts = get("reporting", "/transition-alerts/chantiers/" + CHANTIER + "?asOf=2020-07-01");
        assertEquals(1, alerts.get("count").asInt(), "no meeting from 25 May to 1 July: more than 4 weeks");
        assertEquals(transition, alerts.at("/alerts/0/transitionId").asText());
    }

    @Test
    @Order(2)
    void killingTheEnrolmentServiceBetweenCompletedTransitionsAndTheirExitsRecordsEachExitExactlyOnce()
            throws Exception {
        int count = Integer.getInteger("transitions.kill.count", 100);
        Map<String, String> participants = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String pathway = UUID.randomUUID().toString();
            participants.put(pathway, enrol(pathway, "2020-01-06"));
        }
        Map<String, String> transitions = new HashMap<>();
        for (Map.Entry<String, String> p : participants.entrySet()) {
            String transition = UUID.randomUUID().toString();
            transitions.put(p.getKey(), transition);
            producer.send(record("transition.completed", p.getKey(), "2021-06-30", payload(transition, p.getKey())
                    .put("participantId", p.getValue()).put("employerId", "franprix").put("storeId", "franprix-lyon-3")
                    .put("completedOn", "2021-06-30")));
        }
        producer.flush();

        // SIGKILL as soon as the first exit is stored: the others are being applied, none of the batch committed.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, Integer> atKill = exitsByTransition(participants.keySet());
        while (atKill.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
            atKill = exitsByTransition(participants.keySet());
        }
        long killed = stack.kill("enrolment");
        int storedAtKill = exitsByTransition(participants.keySet()).size();
        System.out.printf("transitions: enrolment killed with %d of %d exits stored%n", storedAtKill, count);
        assertTrue(storedAtKill > 0 && storedAtKill < count, "the kill must fall between the facts and their exits: "
                + storedAtKill + " of " + count + " stored");
        stack.awaitBack("enrolment", killed, PATIENCE);

        awaitCaughtUp(EXIT_GROUP);
        Map<String, Integer> exits = exitsByTransition(participants.keySet());
        assertEquals(participants.keySet(), exits.keySet(), "every completed transition ended its pathway");
        assertEquals(Set.of(1), Set.copyOf(exits.values()), "each exit recorded exactly once");
        assertEquals(List.of(), deadLettersOf(EXIT_GROUP), "a redelivered completion is no refusal");
        String any = participants.keySet().iterator().next();
        JsonNode pathway = get("enrolment", "/pathways/" + any);
        assertEquals("DURABLE_EMPLOYMENT", pathway.get("exitCategory").asText());
        assertEquals(transitions.get(any), pathway.get("exitTransitionId").asText());
    }

    /** What the employer (or the national team) does to a transition, and how the test makes it happen. */
    private interface TransitionDriver {
        void start(String transition, String pathway, String on, int storeHours, int chantierHours) throws Exception;

        void step(String transition, String pathway, String on, int storeHours, int chantierHours) throws Exception;

        void meeting(String transition, String pathway, String on) throws Exception;

        void complete(String transition, String pathway, String on) throws Exception;
    }

    /** Through the transitions service's REST API, when the stack runs it (deploy/services.conf lists it). */
    private static final class TransitionsService implements TransitionDriver {

        TransitionsService() throws Exception {
            post("transitions", "/employers", "{\"employerId\":\"franprix\",\"name\":\"Franprix\"}", 201);
            post("transitions", "/employers/franprix/stores", """
                    {"storeId":"franprix-lyon-3","name":"Franprix Lyon 3","territoryId":"%s"}""".formatted(TERRITORY),
                    201);
        }

        @Override
        public void start(String transition, String pathway, String on, int storeHours, int chantierHours)
                throws Exception {
            String body = """
                    {"transitionId":"%s","pathwayId":"%s","employerId":"franprix","storeId":"franprix-lyon-3",
                     "startedOn":"%s","storeHours":%d,"chantierHours":%d}"""
                    .formatted(transition, pathway, on, storeHours, chantierHours);
            // The transitions service learns the pathway from enrolment's topic: it may not know it yet.
            await("the transitions service knows the pathway", () -> send("transitions", "POST", "/transitions", body),
                    r -> r.statusCode() == 201);
        }

        @Override
        public void step(String transition, String pathway, String on, int storeHours, int chantierHours)
                throws Exception {
            post("transitions", "/transitions/" + transition + "/steps", """
                    {"steppedOn":"%s","storeHours":%d,"chantierHours":%d}""".formatted(on, storeHours, chantierHours),
                    200);
        }

        @Override
        public void meeting(String transition, String pathway, String on) throws Exception {
            HttpResponse<String> response = send("transitions", "POST", "/transitions/" + transition + "/meetings",
                    "{\"heldOn\":\"" + on + "\"}");
            assertTrue(response.statusCode() / 100 == 2, "meeting: " + response.statusCode() + " " + response.body());
        }

        @Override
        public void complete(String transition, String pathway, String on) throws Exception {
            post("transitions", "/transitions/" + transition + "/completion", "{\"completedOn\":\"" + on + "\"}",
                    200);
        }
    }

    /**
     * The transitions service's facts published as it publishes them (same contract, key and envelope), for a stack
     * without the service: everything from the topic on is the real path.
     */
    private record PublishedFacts(String participant) implements TransitionDriver {

        @Override
        public void start(String transition, String pathway, String on, int storeHours, int chantierHours)
                throws Exception {
            transitionFact("transition.started", pathway, on, payload(transition, pathway)
                    .put("participantId", participant).put("employerId", "franprix").put("storeId", "franprix-lyon-3")
                    .put("startedOn", on).put("storeHours", storeHours).put("chantierHours", chantierHours));
        }

        @Override
        public void step(String transition, String pathway, String on, int storeHours, int chantierHours)
                throws Exception {
            transitionFact("transition.stepped", pathway, on, payload(transition, pathway)
                    .put("participantId", participant).put("steppedOn", on).put("storeHours", storeHours)
                    .put("chantierHours", chantierHours));
        }

        @Override
        public void meeting(String transition, String pathway, String on) throws Exception {
            transitionFact("transition.meeting-held", pathway, on, payload(transition, pathway).put("heldOn", on));
        }

        @Override
        public void complete(String transition, String pathway, String on) throws Exception {
            transitionFact("transition.completed", pathway, on, payload(transition, pathway)
                    .put("participantId", participant).put("employerId", "franprix").put("storeId", "franprix-lyon-3")
                    .put("completedOn", on));
        }
    }

    /** The transitions service's fact, as it publishes it: keyed by pathway, the pathway's chantier in the envelope. */
    private static void transitionFact(String type, String pathway, String occurredOn, ObjectNode payload)
            throws Exception {
        producer.send(record(type, pathway, occurredOn, payload)).get(30, TimeUnit.SECONDS);
    }

    private static ProducerRecord<String, String> record(String type, String pathway, String occurredOn,
                                                         ObjectNode payload) {
        ObjectNode envelope = JSON.createObjectNode().put("eventId", UUID.randomUUID().toString()).put("type", type)
                .put("schemaVersion", 1).put("occurredOn", occurredOn).put("recordedAt", Instant.now().toString())
                .put("key", pathway).put("territoryId", TERRITORY).put("chantierId", CHANTIER);
        envelope.set("payload", payload);
        return new ProducerRecord<>(TOPIC, pathway, envelope.toString());
    }

    private static ObjectNode payload(String transition, String pathway) {
        return JSON.createObjectNode().put("transitionId", transition).put("pathwayId", pathway);
    }

    /** Per pathway of {@code pathways}, the exits in enrolment's event store recorded by a transition. */
    private static Map<String, Integer> exitsByTransition(Set<String> pathways) {
        Map<String, Integer> exits = new HashMap<>();
        try (MongoClient client = MongoClients.create(layout.mongoUri() + "/?serverSelectionTimeoutMS=10000")) {
            for (Document commit : client.getDatabase("enrolment").getCollection("event_commits").find()) {
                for (Document event : commit.getList("events", Document.class)) {
                    String pathwayId = event.get("payload", Document.class).getString("pathwayId");
                    Document meta = event.get("meta", Document.class);
                    if (event.getString("type").endsWith("$PathwayExitRecordedEvent") && pathways.contains(pathwayId)
                            && meta != null && String.valueOf(meta.get("recordedBy")).startsWith("transition:")) {
                        exits.merge(pathwayId, 1, Integer::sum);
                    }
                }
            }
        }
        return exits;
    }

    /** Until the group has committed the end of every partition of the topic: every record handled. */
    private static void awaitCaughtUp(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, layout.kafkaBootstrap()))) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()
                        .forEach(p -> latest.put(new TopicPartition(TOPIC, p.partition()), OffsetSpec.latest()));
                Map<TopicPartition, Long> ends = new HashMap<>();
                admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
                if (ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue()))) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
            throw new AssertionError(group + " did not catch up with " + TOPIC + " within " + PATIENCE);
        }
    }

    /** The dead letters of the transitions topic written by {@code group}: "code: key" each. */
    private static List<String> deadLettersOf(String group) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, layout.kafkaBootstrap(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            String dlq = TOPIC + ".dlq";
            List<TopicPartition> partitions = consumer.partitionsFor(dlq).stream()
                    .map(p -> new TopicPartition(dlq, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (group.equals(header(record, "dlq.consumer.group"))) {
                        found.add(header(record, "dlq.code") + ": " + record.key());
                    }
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String enrol(String pathway, String entryDate) throws Exception {
        HttpResponse<String> response = send("enrolment", "POST", "/pathways", """
                {"pathwayId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"%s"}"""
                .formatted(pathway, CHANTIER, entryDate));
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("participantId").asText();
    }

    private static JsonNode get(String service, String path) throws Exception {
        HttpResponse<String> response = send(service, "GET", path, null);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    private static int status(String service, String method, String path, String body) throws Exception {
        return send(service, method, path, body).statusCode();
    }

    private static void post(String service, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = send(service, "POST", path, body);
        assertEquals(expected, response.statusCode(), path + ": " + response.body());
    }

    private static HttpResponse<String> send(String service, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + national).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Polls until {@code done} holds: every read here answers before the consumers caught up. */
    private static <T> T await(String what, java.util.concurrent.Callable<T> read, Predicate<T> done)
            throws Exception {
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
}
