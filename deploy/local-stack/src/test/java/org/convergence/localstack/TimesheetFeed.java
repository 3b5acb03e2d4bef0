package org.convergence.localstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convergence.contracts.Topics;
import org.convergence.contracts.timesheets.TimesheetEvents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One Convergence chantier of a test stack fed with weekly timesheets as chantier software writes them: its
 * territory, chantier and timesheet topic, pathways imported in bulk through enrolment, and weeks of hours produced
 * to the chantier's inbound topic (key = pathway, acks from all).
 */
final class TimesheetFeed {

    static final LocalDate ENTRY = LocalDate.parse("2020-01-06");
    private static final int IMPORT_BATCH = 2_500;

    private final StackCalls national;
    private final String bootstrap;
    private final String territory;
    private final String chantier;
    private List<String> pathways = List.of();

    private TimesheetFeed(StackCalls national, String bootstrap, String territory, String chantier) {
        this.national = national;
        this.bootstrap = bootstrap;
        this.territory = territory;
        this.chantier = chantier;
    }

    /**
     * A feed on a started stack, ready to send: the chantier's topic created, then {@code count} pathways imported
     * and known to the hours service.
     */
    static TimesheetFeed ready(LocalStack stack, StackLayout layout, String territory, String chantier, int count)
            throws Exception {
        StackCalls national = new StackCalls(stack, stack.token("national", Map.of()));
        TimesheetFeed feed = new TimesheetFeed(national, layout.kafkaBootstrap(), territory, chantier);
        feed.createTopic();
        feed.pathways = feed.enrolPathways(count);
        feed.awaitKnownToHours(feed.pathways);
        return feed;
    }

    /** The national team's calls on the stack. */
    StackCalls national() {
        return national;
    }

    List<String> pathways() {
        return pathways;
    }

    String topic() {
        return Topics.timesheetsOf(chantier);
    }

    /**
     * The chantier's timesheet topic, created before the pathways are imported (wave 8, ADR 0043): the door reads
     * every chantier's topic by pattern and finds a new topic at its next metadata refresh (up to 30 s, then a
     * rebalance). Created here, that discovery, once per chantier ever, happens while the pathways are imported.
     */
    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic(), 3, (short) 1))).all().get(1, TimeUnit.MINUTES);
        }
    }

    /** The territory, its Convergence chantier and {@code count} pathways imported in bulk, all entered on W02. */
    private List<String> enrolPathways(int count) throws Exception {
        national.post("enrolment", "/territories", """
                {"territoryId":"%s","name":"Timesheet feed","densityKind":"URBAN"}""".formatted(territory), 201);
        national.post("enrolment", "/territories/" + territory + "/chantiers", """
                {"chantierId":"%s","name":"Timesheet feed ACI","programs":[{"program":"CONVERGENCE","since":"2018-01-01"}]}"""
                .formatted(chantier), 201);
        List<String> pathways = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pathways.add(UUID.randomUUID().toString());
        }
        for (int from = 0; from < count; from += IMPORT_BATCH) {
            StringBuilder lines = new StringBuilder();
            for (String pathway : pathways.subList(from, Math.min(count, from + IMPORT_BATCH))) {
                lines.append("{\"pathwayId\":\"%s\",\"program\":\"CONVERGENCE\",\"chantierId\":\"%s\",\"entryDate\":\"%s\"}\n"
                        .formatted(pathway, chantier, ENTRY));
            }
            var response = national.send("enrolment", "POST", "/imports/pathways", "application/x-ndjson",
                    lines.toString());
            assertEquals(200, response.statusCode(), response.body());
        }
        return pathways;
    }

    /** Until the hours service's view of enrolment knows every pathway: a week sent earlier would be refused. */
    private void awaitKnownToHours(List<String> pathways) throws Exception {
        for (String pathway : pathways) {
            StackCalls.await("hours knowing " + pathway, () -> national.status("hours", "GET", "/pathways/" + pathway
                    + "/weeks?from=2020-W02&to=2020-W02", null), status -> status == 200);
        }
    }

    /** A producer as chantier software runs one: acks from all, small batches lingering a few milliseconds. */
    KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one week of {@code minutesWorked} for the pathway, each a new fact with its own event id. */
    Future<?> send(KafkaProducer<String, byte[]> producer, String pathway, String isoWeek, int minutesWorked) {
        return producer.send(new ProducerRecord<>(topic(), pathway, timesheet(territory, chantier, pathway, isoWeek,
                minutesWorked, 0, UUID.randomUUID().toString())));
    }

    /** Waits for every send to be acknowledged by the broker. */
    static void acknowledged(List<Future<?>> sent) throws Exception {
        for (Future<?> each : sent) {
            each.get(2, TimeUnit.MINUTES);
        }
    }

    /** A week's timesheet as chantier software writes it: the contract's envelope, key = pathway. */
    static byte[] timesheet(String territory, String chantier, String pathway, String week, int minutesWorked,
                            int minutesSick, String eventId) {
        ObjectNode envelope = StackCalls.JSON.createObjectNode().put("eventId", eventId)
                .put("type", TimesheetEvents.WEEK_TIMESHEET_REPORTED.name())
                .put("schemaVersion", TimesheetEvents.WEEK_TIMESHEET_REPORTED.version())
                .put("occurredOn", LocalDate.now().toString()).put("recordedAt", Instant.now().toString())
                .put("key", pathway).put("territoryId", territory).put("chantierId", chantier);
        ObjectNode payload = envelope.putObject("payload").put("pathwayId", pathway).put("week", week)
                .put("minutesWorked", minutesWorked);
        payload.putObject("absences").put("sickLeave", minutesSick).put("authorised", 0).put("unjustified", 0)
                .put("training", 0);
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The number of records ever written to a topic (the sum of its partitions' end offsets), read once. */
    static long endOffsets(String bootstrap, String topic) {
        try (TopicEnds ends = new TopicEnds(bootstrap)) {
            return ends.of(topic);
        }
    }
}
