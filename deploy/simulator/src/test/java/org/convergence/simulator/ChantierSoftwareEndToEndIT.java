package org.convergence.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.Topics;
import org.convergence.localstack.LocalStack;
import org.convergence.localstack.StackLayout;
import org.convergence.testsupport.TopicReader;
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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 14's end-to-end test: one generated history of two chantiers' software (pathway facts and weekly
 * timesheets, a tenth of them bad) is sent over Kafka for territory {@code sim-kafka} and through the REST API for
 * territory {@code sim-rest}, against the whole stack as {@code ./deploy/run-local} runs it (real broker, every
 * service in its own process). Both doors must give the same figures; every valid fact must be applied, every bad
 * record dead-lettered with its code and listed for the chantier that sent it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChantierSoftwareEndToEndIT {

    private static final long SEED = 20_261_130L;
    private static final LocalDate AS_OF = LocalDate.now(ZoneOffset.UTC);
    private static final List<Integer> YEARS = java.util.stream.IntStream.rangeClosed(AS_OF.getYear() - 4,
            AS_OF.getYear()).boxed().toList();
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final IntegrationEventCodec CODEC = new IntegrationEventCodec(IntegrationEvents.all());

    private static StackLayout layout;
    private static LocalStack stack;
    private static History overKafka;
    private static History overRest;
    private static List<RestSender.Outcome> restOutcomes;

    @BeforeAll
    static void sendTheSameHistoryThroughBothDoors() throws Exception {
        layout = StackLayout.forTestRun("deploy/simulator", "stack-");
        stack = new LocalStack(layout);
        stack.start();
        overKafka = HistoryGenerator.generate(new HistoryGenerator.Plan(SEED, "sim-kafka", 2, 10, 0.1, 6, AS_OF));
        overRest = HistoryGenerator.generate(new HistoryGenerator.Plan(SEED, "sim-rest", 2, 10, 0.1, 6, AS_OF));
        RestSender rest = new RestSender(stack.baseUrl("enrolment"), stack.baseUrl("hours"), stack::token, CODEC);
        rest.register(overKafka);
        rest.register(overRest);
        try (KafkaSender kafka = new KafkaSender("127.0.0.1:" + layout.kafkaPort(), CODEC, Clock.systemUTC())) {
            kafka.send(overKafka.records());
        }
        restOutcomes = rest.send(overRest.records());
        System.out.printf("simulator e2e: %d records over Kafka, %d through REST, bad ones %s%n",
                overKafka.records().size(), restOutcomes.size(), overKafka.badByCode());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theRestApiAcceptsEveryValidRecordAndRefusesEveryBadOne() {
        for (RestSender.Outcome outcome : restOutcomes) {
            assertEquals(outcome.record().valid(), outcome.accepted(), outcome.toString());
        }
    }

    @Test
    @Order(2)
    void everyValidPathwayFactIsAppliedThroughEitherDoor() throws Exception {
        for (History history : List.of(overKafka, overRest)) {
            Map<String, Map<String, String>> expected = ExpectedState.pathways(history, CODEC);
            await("the pathways of " + history.territoryId(), () -> {
                for (Map.Entry<String, Map<String, String>> pathway : expected.entrySet()) {
                    JsonNode view = get("enrolment", "/pathways/" + pathway.getKey(), national());
                    if (view == null || !ExpectedState.matches(view, pathway.getValue())) {
                        return "pathway " + pathway.getKey() + " is " + view + ", expected " + pathway.getValue();
                    }
                }
                return null;
            });
        }
    }

    @Test
    @Order(3)
    void everyValidWeekIsRecordedThroughEitherDoor() throws Exception {
        for (History history : List.of(overKafka, overRest)) {
            Map<String, Map<String, Integer>> expected = ExpectedState.weeks(history, CODEC);
            await("the weeks of " + history.territoryId(), () -> {
                for (Map.Entry<String, Map<String, Integer>> pathway : expected.entrySet()) {
                    List<String> weeks = new ArrayList<>(pathway.getValue().keySet());
                    JsonNode view = get("hours", "/pathways/" + pathway.getKey() + "/weeks?from=" + weeks.get(0)
                            + "&to=" + weeks.get(weeks.size() - 1), national());
                    Map<String, Integer> recorded = new TreeMap<>();
                    if (view != null) {
                        view.forEach(week -> {
                            if (week.path("reported").asBoolean()) {
                                recorded.put(week.get("week").asText(), week.get("minutesWorked").asInt());
                            }
                        });
                    }
                    if (!recorded.equals(pathway.getValue())) {
                        return "pathway " + pathway.getKey() + " has weeks " + recorded + ", expected "
                                + pathway.getValue();
                    }
                }
                return null;
            });
        }
    }

    @Test
    @Order(4)
    void bothDoorsGiveTheSameFigures() throws Exception {
        Map<String, JsonNode> lastKafka = new LinkedHashMap<>();
        Map<String, JsonNode> lastRest = new LinkedHashMap<>();
        // Equal twice, a few seconds apart: the projection has caught up on both territories, not just met midway.
        int[] agreements = {0};
        await("the same figures for sim-kafka and sim-rest", () -> {
            lastKafka.putAll(figures("sim-kafka"));
            lastRest.putAll(figures("sim-rest"));
            agreements[0] = lastKafka.equals(lastRest) ? agreements[0] + 1 : 0;
            if (agreements[0] >= 3) {
                return null;
            }
            Thread.sleep(2_000);
            return "kafka " + lastKafka + "\n  rest " + lastRest;
        });
        int accompanied = 0;
        int exits = 0;
        for (int year : YEARS) {
            accompanied += lastKafka.get("territory " + year).path("accompanied").asInt();
            exits += lastKafka.get("territory " + year).path("exits").asInt();
        }
        assertTrue(accompanied > 0 && exits > 0, "figures of something: " + lastKafka);
    }

    @Test
    @Order(5)
    void badRecordsAreDeadLetteredWithTheirCodeAndValidOnesAreNot() {
        // Each chantier's software writes to its own topics (ADR 0021); a bad record's dead letter is on its own.
        for (String topic : overKafka.topics()) {
            Map<String, SimulatedRecord> bad = overKafka.bad().stream().filter(r -> r.topic().equals(topic))
                    .collect(Collectors.toMap(SimulatedRecord::eventId, r -> r));
            Set<String> ours = overKafka.records().stream().filter(r -> r.topic().equals(topic))
                    .map(SimulatedRecord::eventId).collect(Collectors.toSet());
            Map<String, ConsumerRecord<String, byte[]>> deadLetters = new HashMap<>();
            try (TopicReader reader = new TopicReader("127.0.0.1:" + layout.kafkaPort(), Topics.deadLetterOf(topic))) {
                List<ConsumerRecord<String, byte[]>> found = bad.isEmpty()
                        ? reader.readAtLeast(1, Duration.ofSeconds(5)) : reader.readAtLeast(bad.size(), PATIENCE);
                for (ConsumerRecord<String, byte[]> record : found) {
                    String eventId = eventIdOf(record.value());
                    if (ours.contains(eventId)) {
                        deadLetters.put(eventId, record);
                    }
                }
            }
            assertEquals(bad.keySet(), deadLetters.keySet(), "dead letters of " + topic);
            bad.forEach((eventId, record) -> {
                String code = header(deadLetters.get(eventId), "dlq.code");
                String reason = header(deadLetters.get(eventId), "dlq.reason");
                assertTrue(record.flaw().code().equals(code) || reason.startsWith(record.flaw().code() + ":"),
                        record.flaw() + " dead-lettered with code " + code + ", reason " + reason);
            });
        }
    }

    @Test
    @Order(6)
    void eachChantierListsTheBadPathwayFactsItSent() throws Exception {
        for (ChantierSetup chantier : overKafka.chantiers()) {
            Map<String, Long> expected = new TreeMap<>();
            overKafka.bad().stream().filter(SimulatedRecord::pathwayFact)
                    .filter(r -> r.chantierId().equals(chantier.chantierId()))
                    .forEach(r -> expected.merge(r.flaw().code(), 1L, Long::sum));
            String staff = stack.token("chantier-staff", Map.of("territory", chantier.territoryId(), "chantier",
                    chantier.chantierId()));
            Map<String, Long> listed = new TreeMap<>();
            await("the rejections of " + chantier.chantierId(), () -> {
                listed.clear();
                JsonNode list = get("enrolment", "/chantiers/" + chantier.chantierId() + "/inbound-rejections", staff);
                list.path("rejections").forEach(entry -> listed.merge(entry.get("code").asText(), 1L, Long::sum));
                return listed.equals(expected) ? null : "listed " + listed + ", expected " + expected;
            });
            assertTrue(!expected.isEmpty() || overKafka.chantiers().indexOf(chantier) > 0,
                    "the first chantier sent bad pathway facts: the test shows something");
        }
    }

    /** Territory and chantier figures of every year, and the sizes of the territory's work lists. */
    private static Map<String, JsonNode> figures(String territory) throws Exception {
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        for (int year : YEARS) {
            figures.put("territory " + year, normalised(get("reporting", "/figures/territories/" + territory + "/"
                    + year, national()), territory));
            for (int c = 1; c <= 2; c++) {
                figures.put("chantier " + c + " " + year, normalised(get("reporting", "/figures/chantiers/"
                        + territory + "-chantier-" + c + "/" + year, national()), territory));
            }
        }
        JsonNode lists = get("reporting", "/work-lists/territories/" + territory + "?asOf=" + AS_OF, national());
        ObjectNode sizes = JSON.createObjectNode();
        if (lists != null) {
            lists.fields().forEachRemaining(list -> sizes.put(list.getKey(), list.getValue().size()));
        }
        figures.put("work lists", sizes);
        return figures;
    }

    /** The figures without what differs by design: the territory's name in ids, the instants they were computed. */
    private static JsonNode normalised(JsonNode figures, String territory) throws Exception {
        if (figures == null) {
            return JSON.nullNode();
        }
        JsonNode copy = JSON.readTree(figures.toString().replace(territory, "T"));
        withoutComputingInstants(copy);
        return copy;
    }

    private static void withoutComputingInstants(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("asOf").asText().contains("T")) {
            object.remove("asOf");
        }
        node.forEach(ChantierSoftwareEndToEndIT::withoutComputingInstants);
    }

    private static String eventIdOf(byte[] value) {
        try {
            return JSON.readTree(new String(value, StandardCharsets.UTF_8)).path("eventId").asText();
        } catch (Exception unreadable) {
            return "";
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String national() {
        return stack.token("national", Map.of());
    }

    private static JsonNode get(String service, String path, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** Polls {@code check} (null when satisfied, else what is still wrong) until it holds or patience runs out. */
    private static void await(String what, java.util.concurrent.Callable<String> check) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String wrong = check.call();
        while (wrong != null && System.nanoTime() < deadline) {
            Thread.sleep(500);
            wrong = check.call();
        }
        if (wrong != null) {
            fail(what + " never came: " + wrong);
        }
    }
}
