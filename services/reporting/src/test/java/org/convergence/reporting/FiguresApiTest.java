package org.convergence.reporting;

import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.EventPublisher;
import org.convergence.testsupport.Ids;
import org.convergence.testsupport.Tokens;
import org.convergence.testsupport.TopicReader;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import jakarta.inject.Inject;
import org.convergence.platform.kafka.KafkaClients;
import org.convergence.platform.messaging.EventConsumerLoop;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.TerritoryFigures;
import org.convergence.reporting.projection.PathwayProjection;
import org.convergence.reporting.projection.ReadModel;
import java.time.Year;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    private final IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all());
    private EventPublisher publisher;
    private String territory;
    private String chantier;

    @BeforeEach
    void setUp() {
        publisher = new EventPublisher();
        territory = Ids.fresh("t");
        chantier = Ids.fresh("c");
        publish(EnrolmentEvents.TERRITORY_REGISTERED, new TerritoryRegisteredV1(territory, "Paris", "URBAN"),
                LocalDate.of(2020, 1, 1), territory, null);
        publish(EnrolmentEvents.CHANTIER_REGISTERED, new ChantierRegisteredV1(chantier, territory, "Emmaüs Défi",
                List.of(new ChantierRegisteredV1.ProgramCarried("CONVERGENCE", LocalDate.of(2019, 1, 1)))),
                LocalDate.of(2020, 1, 1), territory, chantier);
    }

    @AfterEach
    void tearDown() {
        publisher.close();
    }

    @Test
    void aTerritorysYearCountsAccompaniedParticipantsAndExitsAndTheNationAgrees() {
        enrol("p1", "pw1", "2019-04-01");
        enrol("p2", "pw2", "2020-02-01");
        enrol("p3", "pw3", "2020-09-01");
        exit("p1", "pw1", "2020-05-31");

        awaitTerritoryFigures(2020, 3, 1);
        awaitTerritoryFigures(2019, 1, 0);
        RestAssured.given().auth().oauth2(Tokens.of("national", Map.of())).get("/figures/national/2020").then()
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
        String key = "p-bad-" + UUID.randomUUID();
        publisher.raw(Topics.ENROLMENT, key, "{not json");
        publisher.raw(Topics.ENROLMENT, key, """
                {"eventId":"%s","type":"pathway.enrolled","schemaVersion":1,"occurredOn":"2020-01-01",
                 "recordedAt":"2026-11-27T10:00:00Z","key":"%s","payload":{"pathwayId":"x"}}"""
                .formatted(UUID.randomUUID(), key));
        enrol(key, "pw-good", "2020-03-01");

        awaitTerritoryFigures(2020, 1, 0);
        List<ConsumerRecord<String, byte[]>> dead = deadLettersFor(key, 2);
        assertEquals(2, dead.size());
        assertTrue(header(dead.get(0), DeadLetterHeaders.REASON).contains("not a valid event envelope"));
        assertTrue(header(dead.get(1), DeadLetterHeaders.REASON).contains("entryDate"));
        assertEquals(Topics.ENROLMENT, header(dead.get(1), DeadLetterHeaders.SOURCE_TOPIC));
    }

    @Test
    void aReadModelRebuiltFromTheTopicGivesTheSameFigures() {
        enrol("p1", "pw1", "2019-04-01");
        enrol("p2", "pw2", "2020-02-01");
        exit("p1", "pw1", "2020-05-31");
        awaitTerritoryFigures(2020, 2, 1);

        String generation = "rebuild" + UUID.randomUUID().toString().substring(0, 8);
        ReadModel rebuilt = new ReadModel(database, generation);
        try (EventConsumerLoop loop = new EventConsumerLoop(kafka.consumer(generation), kafka.producer(generation),
                codec, new PathwayProjection(rebuilt, codec), List.of(Topics.ENROLMENT), generation,
                Duration.ofMillis(200))) {
            loop.start();
            FiguresService rebuiltFigures = new FiguresService(rebuilt);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                TerritoryFigures figures = rebuiltFigures.territory(territory, Year.of(2020)).orElse(null);
                assertTrue(figures != null, "territory rebuilt");
                assertEquals(2, figures.accompanied());
                assertEquals(1, figures.exits());
            });
        } finally {
            rebuilt.drop();
        }
    }

    @Test
    void livenessReportsTheConsumerLoop() {
        RestAssured.given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'projection-consumer' }.status", equalTo("UP"));
    }

    @Test
    void workListsShowOverdueCheckInsToTheTerritoryOnly() {
        enrol("p1", "pw1", "2019-04-01");
        exit("p1", "pw1", "2020-05-31");
        publish(EnrolmentEvents.CHECK_IN_RECORDED, new CheckInRecordedV1(id("pw1"), id("p1"), 1,
                LocalDate.of(2020, 7, 1), "OTHER", "STREET"), LocalDate.of(2020, 7, 1), id("p1"), chantier);
        String coordinator = Tokens.of("territory-coordinator", Map.of("territory", territory));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> RestAssured.given().auth().oauth2(coordinator)
                .get("/work-lists/territories/" + territory + "?asOf=2020-10-15").then().statusCode(200)
                .body("overdueCheckIns.milestoneMonths", equalTo(List.of(3))));
        RestAssured.given().auth().oauth2(Tokens.of("territory-coordinator", Map.of("territory", "lyon")))
                .get("/work-lists/territories/" + territory).then().statusCode(403);
        RestAssured.given().auth().oauth2(Tokens.of("evaluator", Map.of()))
                .get("/work-lists/territories/" + territory).then().statusCode(403);
    }

    @Test
    void aChantiersFiguresCountItsOwnPathwaysAndItsStaffMayReadThem() {
        enrol("p1", "pw1", "2020-03-02");
        enrol("p2", "pw2", "2020-04-06");
        awaitTerritoryFigures(2020, 2, 0);

        RestAssured.given().auth().oauth2(Tokens.of("chantier-staff", Map.of("territory", territory, "chantier", chantier)))
                .get("/figures/chantiers/" + chantier + "/2020").then().statusCode(200)
                .body("territoryId", equalTo(territory))
                .body("figures.accompanied", equalTo(2));
        RestAssured.given().auth().oauth2(Tokens.of("chantier-staff", Map.of("territory", territory, "chantier", "other")))
                .get("/figures/chantiers/" + chantier + "/2020").then().statusCode(403);
        RestAssured.given().auth().oauth2(Tokens.of("chantier-staff", Map.of("territory", territory, "chantier", "other")))
                .get("/figures/chantiers/no-such-chantier/2020").then().statusCode(403);
        RestAssured.given().auth().oauth2(Tokens.of("national", Map.of()))
                .get("/figures/chantiers/no-such-chantier/2020").then().statusCode(404);
    }

    @Test
    void figuresAreScopedToTheCallersTerritory() {
        enrol("p1", "pw1", "2020-04-01");
        awaitTerritoryFigures(2020, 1, 0);

        RestAssured.given().auth().oauth2(Tokens.of("territory-coordinator", Map.of("territory", territory)))
                .get("/figures/territories/" + territory + "/2020").then().statusCode(200);
        RestAssured.given().auth().oauth2(Tokens.of("evaluator", Map.of()))
                .get("/figures/territories/" + territory + "/2020").then().statusCode(200);
        RestAssured.given().auth().oauth2(Tokens.of("territory-coordinator", Map.of("territory", "lyon")))
                .get("/figures/territories/" + territory + "/2020").then().statusCode(403)
                .contentType("application/problem+json");
        RestAssured.given().auth().oauth2(Tokens.of("territory-coordinator", Map.of("territory", "lyon")))
                .get("/figures/national/2020").then().statusCode(403);
        RestAssured.given().auth().oauth2(Tokens.of("chantier-staff", Map.of("territory", territory, "chantier", chantier)))
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
        String evaluator = Tokens.of("evaluator", Map.of());
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
        RestAssured.given().auth().oauth2(Tokens.of("territory-coordinator", Map.of("territory", territory)))
                .get("/figures/national/territories").then().statusCode(403);
    }

    @Test
    void aChantierJoiningConvergenceLaterCountsItsPeopleOnlyFromThatDate() {
        String joining = Ids.fresh("c");
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
        RestAssured.given().auth().oauth2(Tokens.of("territory-coordinator", Map.of("territory", territory)))
                .get("/work-lists/territories/" + territory).then().statusCode(200)
                .body("exitsWithoutCategory.pathwayId", hasItem(id("pw1")))
                .body("exitsWithoutCategory[0].dueOn", equalTo("2020-05-31"));
    }

    @Test
    void fromPremieresHeuresFindsAPremieresHeuresPathwayInAnotherTerritoryAndFollowsItsCorrection() {
        String elsewhere = Ids.fresh("t");
        String participant = id("p1");
        try (EnrolmentFacts lyon = new EnrolmentFacts(elsewhere)) {
            lyon.chantier(elsewhere + "-ph", "PREMIERES_HEURES", LocalDate.of(2018, 1, 1));
            lyon.enrol(participant, id(elsewhere + "-ph1"), "PREMIERES_HEURES", elsewhere + "-ph", LocalDate.of(2019, 5, 6));
            lyon.exit(participant, id(elsewhere + "-ph1"), "PREMIERES_HEURES", elsewhere + "-ph", LocalDate.of(2019, 12, 20));
        }
        enrol("p1", "pw1", "2020-01-06");
        enrol("p2", "pw2", "2020-02-03");
        String national = Tokens.of("national", Map.of());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                RestAssured.given().auth().oauth2(national).get("/figures/territories/" + territory + "/2020")
                        .then().statusCode(200)
                        .body("fromPremieresHeures.numerator", equalTo(1))
                        .body("fromPremieresHeures.denominator", equalTo(2)));

        // The Premières Heures entry was in fact after the CDDI started: it no longer counts.
        try (EnrolmentFacts lyon = new EnrolmentFacts(elsewhere)) {
            lyon.publish(EnrolmentEvents.ENTRY_DATE_CORRECTED, new EntryDateCorrectedV1(id(elsewhere + "-ph1"),
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
        String national = Tokens.of("national", Map.of());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                RestAssured.given().auth().oauth2(national).get("/figures/territories/" + territory + "/" + year)
                        .then().statusCode(200)
                        .body("accompanied", equalTo(accompanied))
                        .body("exits", equalTo(exits)));
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

    private <P extends IntegrationPayload> EventEnvelope publish(IntegrationEventType<P> type, P payload,
                                                               LocalDate occurredOn, String key, String chantierId) {
        return publisher.publish(Topics.ENROLMENT, type, payload, occurredOn, key, territory, chantierId);
    }

    private void send(EventEnvelope envelope) {
        publisher.publish(Topics.ENROLMENT, envelope);
    }

    /** A pathway or participant id (a lowercase UUID, as the contracts require) for a label of this test. */
    private String id(String label) {
        return UUID.nameUUIDFromBytes((territory + "/" + label).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersFor(String key, int expected) {
        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(),
                Topics.deadLetterOf(Topics.ENROLMENT))) {
            return reader.readKey(key, expected, Duration.ofSeconds(30));
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
