package org.convergence.reporting;

import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.Tokens;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import jakarta.inject.Inject;
import org.convergence.platform.kafka.KafkaClients;
import org.convergence.platform.messaging.EventConsumerLoop;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.TerritoryFigures;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.PathwayRecord;
import org.convergence.reporting.projection.ReportingModel;
import org.convergence.reporting.projection.ReportingRuntime;
import org.convergence.testsupport.EventPublisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import java.time.Year;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.enrolment.ChantierProgramStartedV1;
import org.convergence.contracts.enrolment.ChantierRegisteredV1;
import org.convergence.contracts.enrolment.CoordinationDesignatedV1;
import org.convergence.contracts.enrolment.ProgramStatusChangedV1;
import org.convergence.contracts.enrolment.SteeringCommitteeHeldV1;
import org.convergence.contracts.enrolment.CheckInRecordedV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.EntryDateCorrectedV1;
import org.convergence.contracts.enrolment.ExitCorrectedV1;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.platform.messaging.DeadLetterHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class FiguresApiTest {

    @Inject
    MongoDatabase database;

    @Inject
    KafkaClients kafka;

    @Inject
    ReportingModel liveModel;

    @Inject
    FiguresService figures;

    private final IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all());
    private KafkaProducer<String, byte[]> producer;
    private String territory;
    private String chantier;

    @BeforeEach
    void setUp() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConvergenceStack.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
        territory = "t-" + UUID.randomUUID().toString().substring(0, 8);
        chantier = "c-" + UUID.randomUUID().toString().substring(0, 8);
        publish(EnrolmentEvents.TERRITORY_REGISTERED, new TerritoryRegisteredV1(territory, "Paris", "URBAN"),
                LocalDate.of(2020, 1, 1), territory, null);
        publish(EnrolmentEvents.CHANTIER_REGISTERED, new ChantierRegisteredV1(chantier, territory, "Emmaüs Défi",
                List.of(new ChantierRegisteredV1.ProgramCarried("CONVERGENCE", LocalDate.of(2019, 1, 1)))),
                LocalDate.of(2020, 1, 1), territory, chantier);
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void aTerritorysYearCountsAccompaniedParticipantsAndExitsAndTheNationAgrees() {
        enrol("p1", "pw1", "2019-04-01");
        enrol("p2", "pw2", "2020-02-01");
        enrol("p3", "pw3", "2020-09-01");
        exit("p1", "pw1", "2020-05-31");

        awaitTerritoryFigures(2020, 3, 1);
        awaitTerritoryFigures(2019, 1, 0);
        RestAssured.given().auth().oauth2(token("national", Map.of())).get("/figures/national/2020").then()
                .statusCode(200)
                .body("territories.territoryId", hasItem(territory))
                .body("territories.find { it.territoryId == '%s' }.accompanied".formatted(territory), equalTo(3));
    }

    @Test
    void aRedeliveredEventChangesTheFiguresOnce() {
        EventEnvelope enrolment = enrol("p1", "pw1", "2019-04-01");
        EventEnvelope exit = exit("p1", "pw1", "2020-05-31");
        send(enrolment);
        send(exit);
        send(enrolment);
        enrol("p2", "pw2", "2020-01-06");

        awaitTerritoryFigures(2020, 2, 1);
    }

    @Test
    void correctionsMoveThePastYearsFigures() {
        enrol("p1", "pw1", "2019-04-01");
        exit("p1", "pw1", "2020-05-31");
        awaitTerritoryFigures(2020, 1, 1);

        publish(EnrolmentEvents.EXIT_CORRECTED, new ExitCorrectedV1(id("pw1"), id("p1"),
                "CONVERGENCE", LocalDate.of(2021, 2, 1), "DURABLE_EMPLOYMENT", null),
                LocalDate.of(2021, 2, 1), id("p1"), chantier);
        awaitTerritoryFigures(2020, 1, 0);
        awaitTerritoryFigures(2021, 1, 1);

        publish(EnrolmentEvents.ENTRY_DATE_CORRECTED, new EntryDateCorrectedV1(id("pw1"), id("p1"),
                LocalDate.of(2019, 4, 1), LocalDate.of(2021, 1, 4)), LocalDate.of(2021, 1, 4), id("p1"),
                chantier);
        awaitTerritoryFigures(2020, 0, 0);
    }

    @Test
    void eventsOfAParticipantMayArriveInAnyOrder() {
        exit("p1", "pw1", "2020-05-31");
        enrol("p1", "pw1", "2019-04-01");

        awaitTerritoryFigures(2020, 1, 1);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneIsApplied() {
        String key = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>(Topics.ENROLMENT, key, "{not json".getBytes(StandardCharsets.UTF_8)));
        producer.send(new ProducerRecord<>(Topics.ENROLMENT, key, """
                {"eventId":"%s","type":"pathway.enrolled","schemaVersion":1,"occurredOn":"2020-01-01",
                 "recordedAt":"2026-11-27T10:00:00Z","key":"%s","payload":{"pathwayId":"x"}}"""
                .formatted(UUID.randomUUID(), key).getBytes(StandardCharsets.UTF_8)));
        enrol(key, "pw-good", "2020-03-01");

        awaitTerritoryFigures(2020, 1, 0);
        List<ConsumerRecord<String, byte[]>> dead = deadLettersFor(key, 2);
        assertEquals(2, dead.size());
        assertTrue(header(dead.get(0), DeadLetterHeaders.REASON).contains("not a valid event envelope"));
        assertTrue(header(dead.get(1), DeadLetterHeaders.REASON).contains("entryDate"));
        assertEquals(Topics.ENROLMENT, header(dead.get(1), DeadLetterHeaders.SOURCE_TOPIC));
    }

    /** Issue 12, item 1: no record can stop the consumer; each is dead-lettered with its reason, the partition moves on. */
    @Test
    void hostileRecordsBetweenValidOnesAreDeadLetteredAndTheValidOnesApplied() {
        String key = id("p1");
        String pathway = History.uuid();
        Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
        hostile.put("no value", null);
        hostile.put("empty", new byte[0]);
        hostile.put("json null", "null".getBytes(StandardCharsets.UTF_8));
        hostile.put("binary", new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
        hostile.put("array", "[]".getBytes(StandardCharsets.UTF_8));
        hostile.put("huge", ("\"" + "x".repeat(500_000) + "\"").getBytes(StandardCharsets.UTF_8));
        hostile.put("territory $set", codec.encode(envelope(EnrolmentEvents.PARTICIPANT_ENROLLED,
                new ParticipantEnrolledV1(History.uuid(), key, "CONVERGENCE", "$set", chantier,
                        LocalDate.of(2020, 2, 3), null), key, "$set", chantier)));
        hostile.put("territory not the envelope's", codec.encode(envelope(EnrolmentEvents.PARTICIPANT_ENROLLED,
                new ParticipantEnrolledV1(History.uuid(), key, "CONVERGENCE", "elsewhere", chantier,
                        LocalDate.of(2020, 2, 3), null), key, territory, chantier)));
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.publish(Topics.ENROLMENT, envelope(EnrolmentEvents.PARTICIPANT_ENROLLED,
                    new ParticipantEnrolledV1(pathway, key, "CONVERGENCE", territory, chantier,
                            LocalDate.of(2019, 4, 1), null), key, territory, chantier));
            hostile.values().forEach(value -> publisher.raw(Topics.ENROLMENT, key, value));
            publisher.publish(Topics.ENROLMENT, envelope(EnrolmentEvents.PATHWAY_EXIT_RECORDED,
                    new PathwayExitRecordedV1(pathway, key, "CONVERGENCE", LocalDate.of(2020, 5, 31), "OTHER", null),
                    key, territory, chantier));
        }

        awaitTerritoryFigures(2020, 1, 1);
        List<ConsumerRecord<String, byte[]>> dead = deadLettersFor(key, hostile.size());
        assertEquals(hostile.size(), dead.size());
        dead.forEach(record -> assertTrue(header(record, DeadLetterHeaders.REASON).length() > 5));
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'consumer figures' }.data.restarts", equalTo(0));
    }

    /**
     * Issue 7, item 10: a rebuild gives the live figures figure by figure, rates included, over a history with
     * corrections, promotions, every exit category and people accompanied in two territories.
     */
    @Test
    void aReadModelRebuiltFromTheTopicGivesTheLiveFiguresFigureByFigure() {
        History history = History.sample(territory, 80, 11);
        try (EventPublisher publisher = new EventPublisher()) {
            history.envelopes().forEach(envelope -> publisher.publish(Topics.ENROLMENT, envelope));
        }
        awaitCaughtUp("reporting-figures-" + liveModel.generation());
        Map<String, Object> live = allFigures(figures);

        String generation = "r" + UUID.randomUUID().toString().substring(0, 8);
        ReportingModel rebuilt = new ReportingModel(new ReadModel(database, generation));
        String group = "reporting-figures-" + generation;
        try (EventConsumerLoop loop = new EventConsumerLoop(group, List.of(Topics.ENROLMENT),
                () -> kafka.consumer(group), () -> kafka.producer(group + "-dlq"), codec,
                ReportingRuntime.projection(rebuilt, codec),
                EventConsumerLoop.Settings.withRetryBackoff(Duration.ofMillis(200)))) {
            loop.start();
            awaitCaughtUp(group);
            Map<String, Object> again = allFigures(figures.over(rebuilt));
            assertEquals(live.keySet(), again.keySet());
            live.forEach((name, figure) -> assertEquals(figure, again.get(name), name));
            assertTrue(live.keySet().stream().anyMatch(name -> name.startsWith(territory + "-north-b ")),
                    "chantiers compared too: " + live.keySet());
        } finally {
            rebuilt.drop();
        }
    }

    /** Every figure of every territory and chantier reporting knows, and of the nation, for 2017 to 2023. */
    private static Map<String, Object> allFigures(FiguresService service) {
        Map<String, Object> all = new java.util.TreeMap<>();
        for (int year = 2017; year <= 2023; year++) {
            Year y = Year.of(year);
            NationalFigures nation = service.national(y);
            all.put("nation " + year, new NationalFigures(nation.year(), nation.accompanied(), nation.exits(),
                    nation.fromPremieresHeures(), nation.averagePathwayMonths(), nation.dynamicExits(),
                    nation.premieresHeures(), nation.housingResolved(), nation.healthRightsOpened(),
                    nation.accompanimentActivity(), nation.transitions(), nation.hours(),
                    nation.territories().stream().map(FiguresApiTest::withoutAsOf).toList(),
                    null));
            for (TerritoryFigures territory : nation.territories()) {
                all.put(territory.territoryId() + " " + year,
                        withoutAsOf(service.territory(territory.territoryId(), y).orElseThrow()));
                for (PathwayRecord pathway : service.pathwaysOfTerritory(territory.territoryId()).orElseThrow()) {
                    all.computeIfAbsent(pathway.chantierId() + " " + year, name -> service.chantier(pathway.chantierId(),
                            y).map(c -> withoutAsOf(c.figures())).orElse(null));
                }
            }
        }
        return all;
    }

    private static TerritoryFigures withoutAsOf(TerritoryFigures f) {
        return new TerritoryFigures(f.territoryId(), f.year(), f.accompanied(), f.exits(), f.fromPremieresHeures(),
                f.averagePathwayMonths(), f.dynamicExits(), f.premieresHeures(), f.housingResolved(),
                f.healthRightsOpened(), f.accompanimentActivity(), f.transitions(), f.hours(), null);
    }

    /** Until the group has committed the end of every partition of the topic: everything applied and stored. */
    private static void awaitCaughtUp(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConvergenceStack.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                admin.describeTopics(List.of(Topics.ENROLMENT)).allTopicNames().get().get(Topics.ENROLMENT)
                        .partitions().forEach(p -> latest.put(new TopicPartition(Topics.ENROLMENT, p.partition()),
                                OffsetSpec.latest()));
                return admin.listOffsets(latest).all().get().entrySet().stream()
                        .allMatch(end -> end.getValue().offset() == 0 || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() == end.getValue().offset()));
            });
        }
    }

    @Test
    void readinessLivenessAndMetricsShowTheConsumer() {
        enrol("p1", "pw1", "2020-03-02");
        awaitTerritoryFigures(2020, 1, 0);

        RestAssured.given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'consumer figures' }.status", equalTo("UP"));
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'consumer figures' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'consumer figures' }.data.state", equalTo("RUNNING"))
                .body("checks.find { it.name == 'consumer figures' }.data.group",
                        equalTo("reporting-figures-" + liveModel.generation()));
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("convergence_consumer_events_applied_total{consumer=\"figures\""), metrics);
        assertTrue(metrics.contains("convergence_consumer_events_dead_lettered_total{consumer=\"figures\""));
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("convergence_consumer_lag{")
                && line.contains("topic=\"" + Topics.ENROLMENT + "\"")), "a lag per partition");
    }

    @Test
    void workListsShowOverdueCheckInsToTheTerritoryOnly() {
        enrol("p1", "pw1", "2019-04-01");
        exit("p1", "pw1", "2020-05-31");
        publish(EnrolmentEvents.CHECK_IN_RECORDED, new CheckInRecordedV1(id("pw1"), id("p1"), 1,
                LocalDate.of(2020, 7, 1), "OTHER", "STREET"), LocalDate.of(2020, 7, 1), id("p1"), chantier);
        String coordinator = token("territory-coordinator", Map.of("territory", territory));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> RestAssured.given().auth().oauth2(coordinator)
                .get("/work-lists/territories/" + territory + "?asOf=2020-10-15").then().statusCode(200)
                .body("overdueCheckIns.milestoneMonths", equalTo(List.of(3))));
        RestAssured.given().auth().oauth2(token("territory-coordinator", Map.of("territory", "lyon")))
                .get("/work-lists/territories/" + territory).then().statusCode(403);
        RestAssured.given().auth().oauth2(token("evaluator", Map.of()))
                .get("/work-lists/territories/" + territory).then().statusCode(403);
    }

    @Test
    void aChantiersFiguresCountItsOwnPathwaysAndItsStaffMayReadThem() {
        enrol("p1", "pw1", "2020-03-02");
        enrol("p2", "pw2", "2020-04-06");
        awaitTerritoryFigures(2020, 2, 0);

        RestAssured.given().auth().oauth2(token("chantier-staff", Map.of("territory", territory, "chantier", chantier)))
                .get("/figures/chantiers/" + chantier + "/2020").then().statusCode(200)
                .body("territoryId", equalTo(territory))
                .body("figures.accompanied", equalTo(2));
        RestAssured.given().auth().oauth2(token("chantier-staff", Map.of("territory", territory, "chantier", "other")))
                .get("/figures/chantiers/" + chantier + "/2020").then().statusCode(403);
        RestAssured.given().auth().oauth2(token("chantier-staff", Map.of("territory", territory, "chantier", "other")))
                .get("/figures/chantiers/no-such-chantier/2020").then().statusCode(403);
        RestAssured.given().auth().oauth2(token("national", Map.of()))
                .get("/figures/chantiers/no-such-chantier/2020").then().statusCode(404);
    }

    @Test
    void figuresAreScopedToTheCallersTerritory() {
        enrol("p1", "pw1", "2020-04-01");
        awaitTerritoryFigures(2020, 1, 0);

        RestAssured.given().auth().oauth2(token("territory-coordinator", Map.of("territory", territory)))
                .get("/figures/territories/" + territory + "/2020").then().statusCode(200);
        RestAssured.given().auth().oauth2(token("evaluator", Map.of()))
                .get("/figures/territories/" + territory + "/2020").then().statusCode(200);
        RestAssured.given().auth().oauth2(token("territory-coordinator", Map.of("territory", "lyon")))
                .get("/figures/territories/" + territory + "/2020").then().statusCode(403)
                .contentType("application/problem+json");
        RestAssured.given().auth().oauth2(token("territory-coordinator", Map.of("territory", "lyon")))
                .get("/figures/national/2020").then().statusCode(403);
        RestAssured.given().auth().oauth2(token("chantier-staff", Map.of("territory", territory, "chantier", chantier)))
                .get("/figures/territories/" + territory + "/2020").then().statusCode(403);
        RestAssured.given().get("/figures/national/2020").then().statusCode(401);
    }

    @Test
    void theNationalTeamSeesTheTerritoriesByProgramAndStatusAsOfADay() {
        publish(EnrolmentEvents.PROGRAM_STATUS_CHANGED, new ProgramStatusChangedV1(territory, "CONVERGENCE",
                "ENGAGED", LocalDate.of(2019, 9, 1)), LocalDate.of(2019, 9, 1), territory, null);
        publish(EnrolmentEvents.PROGRAM_STATUS_CHANGED, new ProgramStatusChangedV1(territory, "CONVERGENCE",
                "OPERATIONAL", LocalDate.of(2020, 1, 6)), LocalDate.of(2020, 1, 6), territory, null);
        publish(EnrolmentEvents.PROGRAM_STATUS_CHANGED, new ProgramStatusChangedV1(territory, "PREMIERES_HEURES",
                "ENGAGED", LocalDate.of(2021, 1, 4)), LocalDate.of(2021, 1, 4), territory, null);
        publish(EnrolmentEvents.COORDINATION_DESIGNATED, new CoordinationDesignatedV1(territory, "FNDSA",
                LocalDate.of(2019, 9, 1)), LocalDate.of(2019, 9, 1), territory, null);
        publish(EnrolmentEvents.STEERING_COMMITTEE_HELD, new SteeringCommitteeHeldV1(territory,
                LocalDate.of(2019, 11, 20)), LocalDate.of(2019, 11, 20), territory, null);
        String evaluator = token("evaluator", Map.of());
        String mine = "territories.find { it.territoryId == '%s' }".formatted(territory);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                RestAssured.given().auth().oauth2(evaluator).get("/figures/national/territories?asOf=2020-06-30")
                        .then().statusCode(200)
                        .body(mine + ".programs.CONVERGENCE.status", equalTo("OPERATIONAL"))
                        .body(mine + ".programs.CONVERGENCE.operationalSince", equalTo("2020-01-06"))
                        .body(mine + ".programs.PREMIERES_HEURES", nullValue())
                        .body(mine + ".coordinationStructure", equalTo("FNDSA"))
                        .body(mine + ".firstSteeringCommittee", equalTo("2019-11-20")));
        io.restassured.path.json.JsonPath before = RestAssured.given().auth().oauth2(evaluator)
                .get("/figures/national/territories?asOf=2019-12-31").then().statusCode(200).extract().jsonPath();
        assertEquals("ENGAGED", before.getString(mine + ".programs.CONVERGENCE.status"));
        List<String> engaged = before.getList(
                "territories.findAll { it.programs.CONVERGENCE?.status == 'ENGAGED' }.territoryId");
        assertEquals(engaged.size(), before.getInt("countsByProgram.CONVERGENCE.ENGAGED"));
        RestAssured.given().auth().oauth2(token("territory-coordinator", Map.of("territory", territory)))
                .get("/figures/national/territories").then().statusCode(403);
    }

    @Test
    void aChantierJoiningConvergenceLaterCountsItsPeopleOnlyFromThatDate() {
        String joining = "c-" + UUID.randomUUID().toString().substring(0, 8);
        publish(EnrolmentEvents.CHANTIER_REGISTERED, new ChantierRegisteredV1(joining, territory, "Armée du Salut",
                List.of(new ChantierRegisteredV1.ProgramCarried("PREMIERES_HEURES", LocalDate.of(2018, 1, 1)))),
                LocalDate.of(2018, 1, 1), territory, joining);
        publish(EnrolmentEvents.CHANTIER_PROGRAM_STARTED, new ChantierProgramStartedV1(joining, territory,
                "CONVERGENCE", LocalDate.of(2020, 6, 1)), LocalDate.of(2020, 6, 1), territory, joining);
        publish(EnrolmentEvents.PARTICIPANT_ENROLLED, new ParticipantEnrolledV1(id("pw-old"),
                id("p-old"), "CONVERGENCE", territory, joining, LocalDate.of(2019, 3, 1), null),
                LocalDate.of(2019, 3, 1), id("p-old"), joining);
        publish(EnrolmentEvents.PATHWAY_EXIT_RECORDED, new PathwayExitRecordedV1(id("pw-old"),
                id("p-old"), "CONVERGENCE", LocalDate.of(2020, 3, 31), "OTHER", null),
                LocalDate.of(2020, 3, 31), id("p-old"), joining);
        enrol("p1", "pw1", "2019-03-01");

        // Only pw1 counts: pw-old ended before its chantier joined Convergence.
        awaitTerritoryFigures(2020, 1, 0);
    }

    @Test
    void aHistoricExitWithoutCategoryIsCountedAndListedForCompletion() {
        enrol("p1", "pw1", "2019-03-04");
        publish(EnrolmentEvents.PATHWAY_EXIT_RECORDED, new PathwayExitRecordedV1(id("pw1"),
                id("p1"), "CONVERGENCE", LocalDate.of(2020, 5, 31), null, null),
                LocalDate.of(2020, 5, 31), id("p1"), chantier);

        awaitTerritoryFigures(2020, 1, 1);
        RestAssured.given().auth().oauth2(token("territory-coordinator", Map.of("territory", territory)))
                .get("/work-lists/territories/" + territory).then().statusCode(200)
                .body("exitsWithoutCategory.pathwayId", hasItem(id("pw1")))
                .body("exitsWithoutCategory[0].dueOn", equalTo("2020-05-31"));
    }

    @Test
    void fromPremieresHeuresFindsAPremieresHeuresPathwayInAnotherTerritoryAndFollowsItsCorrection() {
        String elsewhere = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String participant = id("p1");
        try (EnrolmentFacts lyon = new EnrolmentFacts(elsewhere)) {
            lyon.chantier(elsewhere + "-ph", "PREMIERES_HEURES", LocalDate.of(2018, 1, 1));
            lyon.enrol(participant, named(elsewhere + "-ph1"), "PREMIERES_HEURES", elsewhere + "-ph", LocalDate.of(2019, 5, 6));
            lyon.exit(participant, named(elsewhere + "-ph1"), "PREMIERES_HEURES", elsewhere + "-ph", LocalDate.of(2019, 12, 20));
        }
        enrol("p1", "pw1", "2020-01-06");
        enrol("p2", "pw2", "2020-02-03");
        String national = token("national", Map.of());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                RestAssured.given().auth().oauth2(national).get("/figures/territories/" + territory + "/2020")
                        .then().statusCode(200)
                        .body("fromPremieresHeures.numerator", equalTo(1))
                        .body("fromPremieresHeures.denominator", equalTo(2)));

        // The Premières Heures entry was in fact after the CDDI started: it no longer counts.
        try (EnrolmentFacts lyon = new EnrolmentFacts(elsewhere)) {
            lyon.publish(EnrolmentEvents.ENTRY_DATE_CORRECTED, new EntryDateCorrectedV1(named(elsewhere + "-ph1"),
                    participant, LocalDate.of(2019, 5, 6), LocalDate.of(2020, 3, 2)), LocalDate.of(2020, 3, 2),
                    participant, elsewhere + "-ph");
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                RestAssured.given().auth().oauth2(national).get("/figures/territories/" + territory + "/2020")
                        .then().statusCode(200)
                        .body("fromPremieresHeures.numerator", equalTo(0))
                        .body("fromPremieresHeures.denominator", equalTo(2)));
    }

    private void awaitTerritoryFigures(int year, int accompanied, int exits) {
        String national = token("national", Map.of());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                RestAssured.given().auth().oauth2(national).get("/figures/territories/" + territory + "/" + year)
                        .then().statusCode(200)
                        .body("accompanied", equalTo(accompanied))
                        .body("exits", equalTo(exits)));
    }

    /** The canonical UUID this test names {@code name}, distinct per territory. */
    private String id(String name) {
        return named(territory + "/" + name);
    }

    private static String named(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private EventEnvelope enrol(String participant, String pathway, String entryDate) {
        return publish(EnrolmentEvents.PARTICIPANT_ENROLLED, new ParticipantEnrolledV1(id(pathway),
                id(participant), "CONVERGENCE", territory, chantier, LocalDate.parse(entryDate), null),
                LocalDate.parse(entryDate), id(participant), chantier);
    }

    private EventEnvelope exit(String participant, String pathway, String exitDate) {
        return publish(EnrolmentEvents.PATHWAY_EXIT_RECORDED, new PathwayExitRecordedV1(id(pathway),
                id(participant), "CONVERGENCE", LocalDate.parse(exitDate), "OTHER", null),
                LocalDate.parse(exitDate), id(participant), chantier);
    }

    private <P extends IntegrationPayload> EventEnvelope envelope(IntegrationEventType<P> type, P payload, String key,
                                                                 String territoryId, String chantierId) {
        return new EventEnvelope(UUID.randomUUID().toString(), type.name(), type.version(), LocalDate.of(2020, 1, 1),
                Instant.now(), key, territoryId, chantierId, codec.toJson(payload));
    }

    private <P extends IntegrationPayload> EventEnvelope publish(IntegrationEventType<P> type, P payload,
                                                               LocalDate occurredOn, String key, String chantierId) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), type.name(), type.version(),
                occurredOn, Instant.now(), key, territory, chantierId, codec.toJson(payload));
        send(envelope);
        return envelope;
    }

    private void send(EventEnvelope envelope) {
        producer.send(new ProducerRecord<>(Topics.ENROLMENT, envelope.key(), codec.encode(envelope)));
        producer.flush();
    }

    private static String token(String role, Map<String, String> claims) {
        return Tokens.forRole(role + "-user", role, claims);
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersFor(String key, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConvergenceStack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "observer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.ENROLMENT)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
