package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convergence.contracts.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.convergence.localstack.StackCalls.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 8 end to end, every server in its own process as the launcher runs them, through the real broker: pathways
 * enrolled over REST, contracted hours decided at the hours service, weekly timesheets sent by chantier software over
 * Kafka (one of them bad: dead-lettered with its rule's code and listed for the chantier that sent it) and over
 * REST, then reporting's hours figures for the territory and each chantier and the hours service's ready-to-step-up
 * list, each asserted with the value the facts sent give.
 *
 * <p>The facts, territory {@code hours-e2e}, all entered on 2020-01-06:
 * <ul>
 *   <li>chantier {@code hours-e2e-ph} (Premières Heures and Convergence). <b>A</b>, Premières Heures: 4 hours, then 6
 *   (ladder step) from 2020-03-02; over Kafka 4 h in W09, then 6 h in W10–W13: four weeks in a row at 100 % of the
 *   contract in force, so on the list with 8 suggested; after the step to 8 on 2020-03-30, off it. <b>B</b>,
 *   Premières Heures at 4 hours; through REST 3 h in W02–W05 (75 %) and 4 h in W06: one week in a row, not listed.
 *   Worked: 28 + 16 = 44 hours of Premières Heures.</li>
 *   <li>chantier {@code hours-e2e-cv} (Convergence only). <b>C</b>, Convergence at 26 hours; over Kafka 26 h in W02
 *   and W03, and 50 h worked with 11 h of sick leave in W04 (61 h: refused
 *   {@code HOURS_ABOVE_MAXIMUM}); through REST 20 h in W04. Worked: 72 hours of
 *   Convergence.</li>
 * </ul>
 * 2020 figures: territory 44 h Premières Heures and 72 h Convergence, chantiers 44 + 0 and 0 + 72; Premières Heures
 * contracts at the year's end: B at 4 hours, A at 8; step-ups decided: A's two.
 */
class HoursEndToEndIT {

    private static final String TERRITORY = "hours-e2e";
    private static final String PH_CHANTIER = "hours-e2e-ph";
    private static final String CV_CHANTIER = "hours-e2e-cv";
    private static final LocalDate ENTRY = LocalDate.parse("2020-01-06");

    private static StackLayout layout;
    private static LocalStack stack;
    private static StackCalls national;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startStack() throws Exception {
        layout = StackLayout.forTestRun("deploy/local-stack", "hours-");
        stack = new LocalStack(layout);
        stack.start();
        national = new StackCalls(stack, stack.token("national", Map.of()));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, layout.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
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
    void enrolmentContractedHoursAndTimesheetsOverKafkaAndRestGiveTheHoursFiguresAndTheStepUpList()
            throws Exception {
        national.post("enrolment", "/territories", """
                {"territoryId":"%s","name":"Hours end to end","densityKind":"URBAN"}""".formatted(TERRITORY), 201);
        national.post("enrolment", "/territories/" + TERRITORY + "/chantiers", """
                {"chantierId":"%s","name":"Hours PH","programs":[{"program":"PREMIERES_HEURES","since":"2018-01-01"},
                 {"program":"CONVERGENCE","since":"2018-01-01"}]}""".formatted(PH_CHANTIER), 201);
        national.post("enrolment", "/territories/" + TERRITORY + "/chantiers", """
                {"chantierId":"%s","name":"Hours CV","programs":[{"program":"CONVERGENCE","since":"2018-01-01"}]}"""
                .formatted(CV_CHANTIER), 201);
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        national.enrol(a, "PREMIERES_HEURES", PH_CHANTIER, ENTRY.toString());
        national.enrol(b, "PREMIERES_HEURES", PH_CHANTIER, ENTRY.toString());
        national.enrol(c, "CONVERGENCE", CV_CHANTIER, ENTRY.toString());

        decide(a, "2020-01-06", 4, "CONTRACT_START");
        decide(a, "2020-03-02", 6, "LADDER_STEP");
        decide(b, "2020-01-06", 4, "CONTRACT_START");
        decide(c, "2020-01-06", 26, "CONTRACT_START");

        publishTimesheet(PH_CHANTIER, a, "2020-W09", 4 * 60, 0);
        for (String week : List.of("2020-W10", "2020-W11", "2020-W12", "2020-W13")) {
            publishTimesheet(PH_CHANTIER, a, week, 6 * 60, 0);
        }
        publishTimesheet(CV_CHANTIER, c, "2020-W02", 26 * 60, 0);
        publishTimesheet(CV_CHANTIER, c, "2020-W03", 26 * 60, 0);
        String bad = publishTimesheet(CV_CHANTIER, c, "2020-W04", 50 * 60, 11 * 60);

        StackCalls phStaff = staffOf(PH_CHANTIER);
        JsonNode report = phStaff.post("hours", "/chantiers/" + PH_CHANTIER + "/timesheets", """
                {"lines":[%s,%s,%s,%s,%s]}""".formatted(line(b, "2020-W02", 180), line(b, "2020-W03", 180),
                line(b, "2020-W04", 180), line(b, "2020-W05", 180), line(b, "2020-W06", 240)), 200);
        assertEquals(5, report.get("recorded").asInt(), report.toString());
        JsonNode cvReport = staffOf(CV_CHANTIER).post("hours", "/chantiers/" + CV_CHANTIER + "/timesheets",
                "{\"lines\":[" + line(c, "2020-W04", 20 * 60) + "]}", 200);
        assertEquals(1, cvReport.get("recorded").asInt(), cvReport.toString());

        // The timesheets over Kafka are recorded, the bad one is not: C's W04 is what REST sent.
        awaitWeeks(a, "2020-W09", "2020-W13", Map.of("2020-W09", 240, "2020-W10", 360, "2020-W11", 360,
                "2020-W12", 360, "2020-W13", 360));
        awaitWeeks(c, "2020-W02", "2020-W04", Map.of("2020-W02", 1560, "2020-W03", 1560, "2020-W04", 1200));

        // The bad record: dead-lettered with its rule's code, and listed for the chantier that sent it.
        List<String> deadLetters = await("the bad timesheet's dead letter", () -> {
            List<String> codes = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> dead : StackCalls.deadLetters(layout.kafkaBootstrap(),
                    timesheetTopic(CV_CHANTIER))) {
                if (c.equals(dead.key())) {
                    codes.add(StackCalls.header(dead, "dlq.code") + " "
                            + StackCalls.JSON.readTree(dead.value()).path("eventId").asText());
                }
            }
            return codes;
        }, codes -> !codes.isEmpty());
        assertEquals(List.of("HOURS_ABOVE_MAXIMUM " + bad), deadLetters);
        JsonNode rejections = staffOf(CV_CHANTIER).get("hours", "/chantiers/" + CV_CHANTIER + "/inbound-rejections");
        assertEquals(1, rejections.path("rejections").size(), rejections.toString());
        assertEquals("HOURS_ABOVE_MAXIMUM", rejections.at("/rejections/0/code").asText());
        assertEquals(c, rejections.at("/rejections/0/key").asText());
        assertEquals(0, phStaff.get("hours", "/chantiers/" + PH_CHANTIER + "/inbound-rejections")
                .path("rejections").size(), "the other chantier sent nothing bad");

        // Ready to step up: A alone (four weeks at 6 h under the 6-hour contract), the ladder's 8 suggested.
        JsonNode list = await("A on the step-up list", () -> phStaff.get("hours", "/chantiers/" + PH_CHANTIER
                + "/step-up-candidates"), l -> l.path("candidates").size() > 0);
        assertEquals(1, list.path("candidates").size(), list.toString());
        JsonNode candidate = list.at("/candidates/0");
        assertEquals(a, candidate.get("pathwayId").asText());
        assertEquals(6, candidate.get("weeklyHours").asInt());
        assertEquals(8, candidate.get("suggestedWeeklyHours").asInt());
        assertEquals(4, candidate.get("weeksInARow").asInt());
        assertEquals("2020-W13", candidate.get("lastWeek").asText());
        JsonNode territoryList = national.get("hours", "/territories/" + TERRITORY + "/step-up-candidates");
        assertEquals(List.of(a), pathwaysOf(territoryList));

        // The step taken from the list takes A off it.
        decide(a, "2020-03-30", 8, "LADDER_STEP");
        await("A off the step-up list", () -> national.get("hours", "/territories/" + TERRITORY
                + "/step-up-candidates"), l -> l.has("candidates") && l.path("candidates").isEmpty());

        JsonNode territory = await("the territory's 2020 hours figures", () -> national.get("reporting",
                "/figures/territories/" + TERRITORY + "/2020"), f -> f.at("/hours/workedConvergence").asLong() == 72
                && f.at("/hours/workedPremieresHeures").asLong() == 44 && f.at("/hours/stepUpsDecided").asInt() == 2);
        assertHours(territory, 44, 72, 1, 1, 2);
        JsonNode ph = await("chantier " + PH_CHANTIER, () -> national.get("reporting", "/figures/chantiers/"
                + PH_CHANTIER + "/2020").path("figures"), f -> f.at("/hours/workedPremieresHeures").asLong() == 44
                && f.at("/hours/stepUpsDecided").asInt() == 2);
        assertHours(ph, 44, 0, 1, 1, 2);
        JsonNode cv = await("chantier " + CV_CHANTIER, () -> national.get("reporting", "/figures/chantiers/"
                + CV_CHANTIER + "/2020").path("figures"), f -> f.at("/hours/workedConvergence").asLong() == 72);
        assertHours(cv, 0, 72, 0, 0, 0);
    }

    /** Hours worked by program, Premières Heures contracts at 4 and at 7–8 hours, step-ups decided. */
    private static void assertHours(JsonNode figures, long premieresHeures, long convergence, int atFour,
                                    int atSevenToEight, int stepUps) {
        JsonNode hours = figures.get("hours");
        assertEquals(premieresHeures, hours.get("workedPremieresHeures").asLong(), hours.toString());
        assertEquals(convergence, hours.get("workedConvergence").asLong(), hours.toString());
        assertEquals(0, hours.get("workedOtherPrograms").asLong(), hours.toString());
        assertEquals(atFour, hours.at("/premieresHeuresContracts/fourHours").asInt(), hours.toString());
        assertEquals(0, hours.at("/premieresHeuresContracts/fiveToSixHours").asInt(), hours.toString());
        assertEquals(atSevenToEight, hours.at("/premieresHeuresContracts/sevenToEightHours").asInt(),
                hours.toString());
        assertEquals(0, hours.at("/premieresHeuresContracts/moreThanEightHours").asInt(), hours.toString());
        assertEquals(stepUps, hours.get("stepUpsDecided").asInt(), hours.toString());
    }

    /** The inbound topic a chantier's software writes its timesheets to: its own (ADR 0021, 0026). */
    private static String timesheetTopic(String chantierId) {
        return Topics.timesheetsOf(chantierId);
    }

    /**
     * One week of a pathway sent by its chantier's software over Kafka, as that software writes it: the contract's
     * envelope, key = pathway, its event id returned.
     */
    private static String publishTimesheet(String chantierId, String pathway, String week, int minutesWorked,
                                           int minutesSick) throws Exception {
        String eventId = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>(timesheetTopic(chantierId), pathway, TimesheetFeed.timesheet(TERRITORY,
                chantierId, pathway, week, minutesWorked, minutesSick, eventId))).get(30, TimeUnit.SECONDS);
        return eventId;
    }

    private static String line(String pathway, String week, int minutesWorked) {
        return "{\"pathwayId\":\"%s\",\"week\":\"%s\",\"minutesWorked\":%d}".formatted(pathway, week, minutesWorked);
    }

    /** A decision at the hours service, once its view of enrolment knows the pathway. */
    private static void decide(String pathway, String on, int hours, String reason) throws Exception {
        String body = "{\"effectiveOn\":\"%s\",\"weeklyHours\":%d,\"reason\":\"%s\"}".formatted(on, hours, reason);
        await("a " + hours + "-hour decision for " + pathway, () -> national.status("hours", "POST",
                "/pathways/" + pathway + "/contracted-hours", body), status -> status == 200);
        assertEquals(200, national.status("hours", "POST", "/pathways/" + pathway + "/contracted-hours", body),
                "a decision sent again changes nothing");
    }

    private static StackCalls staffOf(String chantierId) {
        return national.as(stack.token("chantier-staff", Map.of("territory", TERRITORY, "chantier", chantierId)));
    }

    private static void awaitWeeks(String pathway, String from, String to, Map<String, Integer> expected)
            throws Exception {
        await("the weeks of " + pathway, () -> {
            Map<String, Integer> recorded = new java.util.TreeMap<>();
            national.get("hours", "/pathways/" + pathway + "/weeks?from=" + from + "&to=" + to).forEach(week -> {
                if (week.path("reported").asBoolean()) {
                    recorded.put(week.get("week").asText(), week.get("minutesWorked").asInt());
                }
            });
            return recorded;
        }, expected::equals);
    }

    private static List<String> pathwaysOf(JsonNode list) {
        List<String> pathways = new ArrayList<>();
        list.path("candidates").forEach(candidate -> pathways.add(candidate.get("pathwayId").asText()));
        return pathways;
    }
}
