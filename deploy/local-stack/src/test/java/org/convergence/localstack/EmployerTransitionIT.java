package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.convergence.testsupport.AtOnce;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.convergence.localstack.StackCalls.await;
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
    private static final String TOPIC = "convergence.transitions.v1";
    private static final String EXIT_GROUP = "enrolment-transition-exits";
    private static final String TERRITORY = "transit";
    private static final String CHANTIER = "transit-aci";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static StackLayout layout;
    private static LocalStack stack;
    private static StackCalls calls;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void startStack() throws Exception {
        layout = StackLayout.forTestRun("deploy/local-stack", "transitions-");
        stack = new LocalStack(layout);
        stack.start();
        calls = new StackCalls(stack, stack.token("national", Map.of()));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, layout.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        calls.post("enrolment", "/territories", """
                {"territoryId":"%s","name":"Transitions","densityKind":"URBAN"}""".formatted(TERRITORY), 201);
        calls.post("enrolment", "/territories/" + TERRITORY + "/chantiers", """
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
        String participant = calls.enrol(pathway, "CONVERGENCE", CHANTIER, "2020-01-06");
        // The chantier's contracted hours, decided in the hours service once it knows the pathway (its view).
        await("the hours service knows the pathway", () -> calls.status("hours", "POST",
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

        JsonNode exited = await("the automatic exit", () -> calls.get("enrolment", "/pathways/" + pathway),
                p -> p.hasNonNull("exitDate"));
        assertEquals("2020-10-01", exited.get("exitDate").asText());
        assertEquals("DURABLE_EMPLOYMENT", exited.get("exitCategory").asText());
        assertEquals(transition, exited.get("exitTransitionId").asText(), "the exit says it came from the transition");

        JsonNode figures = await("the 2020 figures", () -> calls.get("reporting", "/figures/territories/" + TERRITORY
                + "/2020"), f -> f.path("exits").asInt() == 1 && f.at("/transitions/completed").asInt() == 1);
        assertEquals(1, figures.at("/dynamicExits/numerator").asInt(), "a dynamic exit");
        assertEquals(1, figures.at("/dynamicExits/denominator").asInt());
        assertEquals(1, figures.at("/transitions/started").asInt());
        assertEquals(35.0, figures.at("/transitions/storeHoursReached/value").asDouble(), "full time in the store");
        assertEquals(0, figures.at("/transitions/meetingAlerts").asInt(), "ended: on no alert list");
        JsonNode alerts = calls.get("reporting", "/transition-alerts/chantiers/" + CHANTIER + "?asOf=2020-07-01");
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
            participants.put(pathway, calls.enrol(pathway, "CONVERGENCE", CHANTIER, "2020-01-06"));
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
        JsonNode pathway = calls.get("enrolment", "/pathways/" + any);
        assertEquals("DURABLE_EMPLOYMENT", pathway.get("exitCategory").asText());
        assertEquals(transitions.get(any), pathway.get("exitTransitionId").asText());
    }

    /**
     * Issue 10's concurrency test across the two services (ADR 0020). One pathway, many rounds; in each, a step sent
     * to the transitions process (which asks hours' store-schedule door) and a chantier-hours decision sent to the
     * hours process start at the same moment. Each alone fits under 35 hours on the state before the round; together
     * they would make 36 in the decision's week (the step raises the store by one hour, the decision gives the
     * chantier everything the old store hours left), so exactly one passes and the other is refused
     * {@code WEEKLY_LIMIT_35} by whichever service received it. After each round the schedule that the two services
     * report, combined day by day, has no week above 35, and each service reports exactly what was accepted.
     */
    @Test
    @Order(3)
    void aStepAndAChantierDecisionSentToBothServicesAtOnceNeverBothPassAndNoWeekExceeds35Hours() throws Exception {
        int rounds = Integer.getInteger("transitions.race.rounds", 30);
        calls.post("enrolment", "/territories", """
                {"territoryId":"race","name":"Race","densityKind":"URBAN"}""", 201);
        // A chantier that also carries Premieres Heures: a Convergence contract may go down to 4 hours there.
        calls.post("enrolment", "/territories/race/chantiers", """
                {"chantierId":"race-aci","name":"Race ACI","programs":[{"program":"PREMIERES_HEURES",
                 "since":"2018-01-01"},{"program":"CONVERGENCE","since":"2018-01-01"}]}""", 201);
        calls.post("transitions", "/employers", "{\"employerId\":\"race-grocer\",\"name\":\"Race grocer\"}", 201);
        calls.post("transitions", "/employers/race-grocer/stores",
                "{\"storeId\":\"race-grocer-1\",\"name\":\"Race grocer 1\",\"territoryId\":\"race\"}", 201);
        String pathway = UUID.randomUUID().toString();
        calls.enrol(pathway, "CONVERGENCE", "race-aci", "2020-01-06");
        ScheduleModel model = new ScheduleModel();
        await("the hours service knows the pathway", () -> calls.status("hours", "POST",
                "/pathways/" + pathway + "/contracted-hours",
                "{\"effectiveOn\":\"2020-01-06\",\"weeklyHours\":26,\"reason\":\"CONTRACT_START\"}"), s -> s == 200);
        model.decided(LocalDate.parse("2020-01-06"), 26, "CONTRACT_START");
        String transition = UUID.randomUUID().toString();
        String start = """
                {"transitionId":"%s","pathwayId":"%s","employerId":"race-grocer","storeId":"race-grocer-1",
                 "startedOn":"2020-01-13","storeHours":2,"chantierHours":26}""".formatted(transition, pathway);
        await("the transitions service knows the pathway", () -> calls.send("transitions", "POST",
                "/transitions", start), r -> r.statusCode() == 201);
        model.scheduled(LocalDate.parse("2020-01-13"), 2, 26);

        int stepsWon = 0;
        int decisionsWon = 0;
        // The step goes through two processes, the decision through one: the decision leaves later by an offset
        // that follows the race (longer after a decision won, shorter after a step won), so both reach the hours
        // stream at about the same moment and either may win.
        long offset = 0;
        for (int round = 0; round < rounds; round++) {
            LocalDate stepOn = LocalDate.parse("2020-01-20").plusWeeks(2L * round);
            LocalDate decidedOn = stepOn.plusWeeks(1);
            int store = model.storeHours();
            int stepStore = store + 1;
            int stepChantier = Math.min(model.transitionChantierHours(), 34 - store);
            int decision = 35 - store;
            long delay = offset;
            List<HttpResponse<String>> answers = AtOnce.run(List.of(
                    () -> calls.send("transitions", "POST", "/transitions/" + transition + "/steps", """
                            {"steppedOn":"%s","storeHours":%d,"chantierHours":%d}"""
                            .formatted(stepOn, stepStore, stepChantier)),
                    () -> {
                        TimeUnit.MILLISECONDS.sleep(delay);
                        return calls.send("hours", "POST", "/pathways/" + pathway + "/contracted-hours", """
                                {"effectiveOn":"%s","weeklyHours":%d,"reason":"PARTICIPANT_WISH"}"""
                                .formatted(decidedOn, decision));
                    }));
            HttpResponse<String> step = answers.get(0);
            HttpResponse<String> decided = answers.get(1);
            String seen = "round " + round + ": step " + step.statusCode() + " " + step.body() + "; decision "
                    + decided.statusCode() + " " + decided.body();
            assertEquals(1, (step.statusCode() == 200 ? 1 : 0) + (decided.statusCode() == 200 ? 1 : 0),
                    "exactly one of the two passes: " + seen);
            HttpResponse<String> refused = step.statusCode() == 200 ? decided : step;
            assertEquals(422, refused.statusCode(), seen);
            assertEquals("WEEKLY_LIMIT_35", StackCalls.JSON.readTree(refused.body()).path("code").asText(), seen);
            if (step.statusCode() == 200) {
                stepsWon++;
                offset = Math.max(0, offset - 10);
                model.scheduled(stepOn, stepStore, stepChantier);
            } else {
                decisionsWon++;
                offset += 10;
                model.decided(decidedOn, decision, "PARTICIPANT_WISH");
            }

            JsonNode transitionView = calls.get("transitions", "/transitions/" + transition);
            List<String> reportedSchedule = new ArrayList<>();
            transitionView.path("schedule").forEach(s -> reportedSchedule.add(s.get("on").asText() + " store "
                    + s.get("storeHours").asInt() + " chantier " + s.get("chantierHours").asInt()));
            assertEquals(model.schedule(), reportedSchedule, "the transitions service reports what was accepted, "
                    + seen);
            JsonNode contract = calls.get("hours", "/pathways/" + pathway + "/contracted-hours");
            List<String> reportedDecisions = new ArrayList<>();
            contract.path("decisions").forEach(d -> reportedDecisions.add(d.get("effectiveOn").asText() + " "
                    + d.get("weeklyHours").asInt() + " " + d.get("reason").asText()));
            assertEquals(model.decisions(), reportedDecisions, "the hours service reports what was accepted, "
                    + seen);
            ScheduleModel reported = ScheduleModel.of(contract, transitionView);
            assertEquals(List.of(), reported.weeksAbove35(LocalDate.parse("2020-01-06"), decidedOn.plusWeeks(2)),
                    "the combined schedule the two services report, " + seen);
        }
        System.out.printf("transitions: %d rounds of a step and a decision at once: step won %d, decision won %d "
                + "(decision offset at the end %d ms)%n", rounds, stepsWon, decisionsWon, offset);
        assertTrue(stepsWon > 0 && decisionsWon > 0, "both orders happened: step won " + stepsWon + ", decision "
                + decisionsWon);
    }

    /**
     * A pathway's combined weekly schedule as the test knows it: the chantier-hours decisions at hours (each in
     * force from its date) and the transition's schedule changes (store and chantier hours from the Monday of their
     * week), in the words the two services report them.
     */
    private static final class ScheduleModel {

        private final TreeMap<LocalDate, Integer> chantier = new TreeMap<>();
        private final TreeMap<LocalDate, Integer> store = new TreeMap<>();
        private final List<String> decisions = new ArrayList<>();
        private final List<String> schedule = new ArrayList<>();
        private int transitionChantier;

        static ScheduleModel of(JsonNode contract, JsonNode transition) {
            ScheduleModel model = new ScheduleModel();
            contract.path("decisions").forEach(d -> model.chantier.put(LocalDate.parse(d.get("effectiveOn").asText()),
                    d.get("weeklyHours").asInt()));
            transition.path("schedule").forEach(s -> model.store.put(monday(LocalDate.parse(s.get("on").asText())),
                    s.get("storeHours").asInt()));
            return model;
        }

        void decided(LocalDate on, int hours, String reason) {
            chantier.put(on, hours);
            decisions.add(on + " " + hours + " " + reason);
        }

        /** A change of the transition's schedule accepted by hours, which decides the chantier side if it moves. */
        void scheduled(LocalDate on, int storeHours, int chantierHours) {
            LocalDate from = monday(on);
            if (chantierOn(from) != chantierHours) {
                decided(from, chantierHours, "EMPLOYER_TRANSITION");
            }
            store.put(from, storeHours);
            transitionChantier = chantierHours;
            schedule.add(on + " store " + storeHours + " chantier " + chantierHours);
        }

        int storeHours() {
            return store.isEmpty() ? 0 : store.lastEntry().getValue();
        }

        int transitionChantierHours() {
            return transitionChantier;
        }

        List<String> decisions() {
            return decisions.stream().sorted().toList();
        }

        List<String> schedule() {
            return schedule;
        }

        /** Each ISO week from {@code from} to {@code to} whose highest chantier and store hours add up above 35. */
        List<String> weeksAbove35(LocalDate from, LocalDate to) {
            List<String> above = new ArrayList<>();
            for (LocalDate monday = monday(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
                int chantierMax = 0;
                int storeMax = 0;
                for (LocalDate day = monday; day.isBefore(monday.plusWeeks(1)); day = day.plusDays(1)) {
                    chantierMax = Math.max(chantierMax, chantierOn(day));
                    storeMax = Math.max(storeMax, Optional.ofNullable(store.floorEntry(day)).map(Map.Entry::getValue)
                            .orElse(0));
                }
                if (chantierMax + storeMax > 35) {
                    above.add(monday + ": chantier " + chantierMax + " + store " + storeMax);
                }
            }
            return above;
        }

        private int chantierOn(LocalDate day) {
            return Optional.ofNullable(chantier.floorEntry(day)).map(Map.Entry::getValue).orElse(26);
        }

        private static LocalDate monday(LocalDate day) {
            return day.with(DayOfWeek.MONDAY);
        }
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
            calls.post("transitions", "/employers", "{\"employerId\":\"franprix\",\"name\":\"Franprix\"}", 201);
            calls.post("transitions", "/employers/franprix/stores", """
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
            await("the transitions service knows the pathway",
                    () -> calls.send("transitions", "POST", "/transitions", body),
                    r -> r.statusCode() == 201);
        }

        @Override
        public void step(String transition, String pathway, String on, int storeHours, int chantierHours)
                throws Exception {
            calls.post("transitions", "/transitions/" + transition + "/steps", """
                    {"steppedOn":"%s","storeHours":%d,"chantierHours":%d}""".formatted(on, storeHours, chantierHours),
                    200);
        }

        @Override
        public void meeting(String transition, String pathway, String on) throws Exception {
            HttpResponse<String> response = calls.send("transitions", "POST",
                    "/transitions/" + transition + "/meetings", "{\"heldOn\":\"" + on + "\"}");
            assertTrue(response.statusCode() / 100 == 2, "meeting: " + response.statusCode() + " " + response.body());
        }

        @Override
        public void complete(String transition, String pathway, String on) throws Exception {
            calls.post("transitions", "/transitions/" + transition + "/completion", "{\"completedOn\":\"" + on + "\"}",
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
        return StackCalls.deadLetters(layout.kafkaBootstrap(), TOPIC).stream()
                .filter(record -> group.equals(StackCalls.header(record, "dlq.consumer.group")))
                .map(record -> StackCalls.header(record, "dlq.code") + ": " + record.key()).toList();
    }

}
