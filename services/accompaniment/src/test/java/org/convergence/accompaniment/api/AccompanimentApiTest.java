package org.convergence.accompaniment.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.Topics;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.Ids;
import org.convergence.testsupport.Rest;
import org.convergence.testsupport.TestEnvelopes;
import org.convergence.testsupport.Tokens;
import org.convergence.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The accompaniment API against the real stack: a pathway enrolled on enrolment's topic, then its accompaniment. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class AccompanimentApiTest {

    private static final LocalDate ENTRY = LocalDate.of(2020, 1, 6);

    @Inject
    EnrolmentView view;

    private String territory;
    private String chantier;
    private String participantId;
    private String pathwayId;

    @BeforeEach
    void enrolAPathway() {
        EnrolledPathway enrolled = EnrolledPathway.enrolledOn(ENTRY, view);
        territory = enrolled.territory();
        chantier = enrolled.chantier();
        participantId = enrolled.participantId();
        pathwayId = enrolled.pathwayId();
    }

    private String staff() {
        return Tokens.staff(territory, chantier);
    }

    private ValidatableResponse assess(String token, String body) {
        return Rest.as(token).body(body).post("/pathways/" + pathwayId + "/assessment").then();
    }

    private ValidatableResponse change(String token, String category, String status, String on) {
        return Rest.as(token).body(Map.of("category", category, "status", status, "changedOn", on))
                .post("/pathways/" + pathwayId + "/barrier-changes").then();
    }

    private static String assessment(String on, String housing, String barriers) {
        return "{\"assessedOn\":\"" + on + "\",\"housingAtEntry\":\"" + housing + "\",\"barriers\":" + barriers + "}";
    }

    @Test
    void theChantiersStaffRecordsTheAssessmentAndEachBarrierChangeWithItsDateAndWhoRecordedIt() {
        assess(staff(), assessment("2020-01-20", "STREET", "[\"HOUSING\",\"HEALTH\"]")).statusCode(201)
                .body("assessment.housingAtEntry", equalTo("STREET"))
                .body("assessment.barriers", contains("HOUSING", "HEALTH"));
        change(staff(), "HOUSING", "IN_PROGRESS", "2020-03-02").statusCode(201);
        change(Tokens.coordinator(territory), "HOUSING", "RESOLVED", "2020-09-14").statusCode(201);

        Rest.as(staff()).get("/pathways/" + pathwayId + "/accompaniment").then().statusCode(200)
                .body("participantId", equalTo(participantId))
                .body("barriers.find { it.category == 'HOUSING' }.status", equalTo("RESOLVED"))
                .body("barriers.find { it.category == 'HOUSING' }.since", equalTo("2020-09-14"))
                .body("barriers.find { it.category == 'HOUSING' }.history.status",
                        contains("IDENTIFIED", "IN_PROGRESS", "RESOLVED"))
                .body("barriers.find { it.category == 'HOUSING' }.history.on",
                        contains("2020-01-20", "2020-03-02", "2020-09-14"))
                .body("barriers.find { it.category == 'HOUSING' }.history.recordedBy",
                        contains("staff-" + chantier, "staff-" + chantier, "coord-" + territory))
                .body("barriers.find { it.category == 'HEALTH' }.status", equalTo("IDENTIFIED"));
    }

    @Test
    void aRuleRefusalIsAProblemWithTheRulesCode() {
        assess(staff(), assessment("2019-12-31", "STREET", "[]")).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("BEFORE_PATHWAY_ENTRY"));
        assess(staff(), assessment("2020-01-06", "STREET", "[\"HOUSING\"]")).statusCode(201);
        assess(staff(), assessment("2020-01-07", "STREET", "[]")).statusCode(422)
                .body("code", equalTo("ASSESSMENT_ALREADY_RECORDED"));
        change(staff(), "HOUSING", "RESOLVED", "2020-02-03").statusCode(422)
                .body("code", equalTo("BARRIER_STEP_NOT_ALLOWED"));
        change(staff(), "MOBILITY", "IN_PROGRESS", "2020-02-03").statusCode(422)
                .body("code", equalTo("BARRIER_NOT_IDENTIFIED"));
    }

    @Test
    void aBarrierChangeBeforeTheAssessmentIsRefused() {
        change(staff(), "HOUSING", "IDENTIFIED", "2020-02-03").statusCode(422)
                .body("code", equalTo("ASSESSMENT_REQUIRED"));
    }

    @Test
    void aDateAheadOfTodayIsBadInputNamingTheField() {
        String tomorrow = LocalDate.now().plusDays(2).toString();
        assess(staff(), assessment(tomorrow, "STREET", "[]")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("assessedOn"));
        Rest.as(staff()).body(Map.of("kind", "CSS", "openedOn", tomorrow))
                .post("/pathways/" + pathwayId + "/health-rights").then().statusCode(400)
                .body("errors.field", hasItem("openedOn"));
    }

    @Test
    void noFreeTextIsAcceptedAboutHealth() {
        assess(staff(), "{\"assessedOn\":\"2020-01-20\",\"housingAtEntry\":\"STREET\",\"barriers\":[\"HEALTH\"],"
                + "\"notes\":\"diabetic\"}").statusCode(400).body("errors.field", hasItem("notes"));
        Rest.as(staff()).body("{\"kind\":\"CSS\",\"openedOn\":\"2020-02-03\",\"diagnosis\":\"x\"}")
                .post("/pathways/" + pathwayId + "/health-rights").then().statusCode(400);
        Rest.as(staff()).get("/pathways/" + pathwayId + "/accompaniment").then().statusCode(200)
                .body("assessment", nullValue());
    }

    @Test
    void aCategoryListedTwiceInAnAssessmentIsBadInput() {
        assess(staff(), assessment("2020-01-20", "STREET", "[\"HOUSING\",\"HOUSING\"]")).statusCode(400)
                .body("errors.field", hasItem("barriers"));
    }

    @Test
    void healthRightsOpeningsAreRecordedWithKindAndDateOnly() {
        Rest.as(staff()).body(Map.of("kind", "PUMA", "openedOn", "2020-04-01"))
                .post("/pathways/" + pathwayId + "/health-rights").then().statusCode(201)
                .body("healthRights.kind", contains("PUMA"))
                .body("healthRights.openedOn", contains("2020-04-01"));
        Rest.as(staff()).body(Map.of("kind", "PUMA", "openedOn", "2020-04-01"))
                .post("/pathways/" + pathwayId + "/health-rights").then().statusCode(422)
                .body("code", equalTo("HEALTH_RIGHTS_ALREADY_RECORDED"));
    }

    @Test
    void callersOutsideThePathwaysChantierGetTheSame403AsForAPathwayThatDoesNotExist() {
        String otherChantier = Tokens.staff(territory, Ids.fresh("c"));
        String otherTerritory = Tokens.coordinator(Ids.fresh("t"));
        for (String token : List.of(otherChantier, otherTerritory, Tokens.evaluator(),
                Tokens.forRole("cpam-paris", "partner", Map.of("partner", "cpam-paris")))) {
            assess(token, assessment("2020-01-20", "STREET", "[]")).statusCode(403)
                    .contentType("application/problem+json");
            Rest.as(token).get("/pathways/" + pathwayId + "/accompaniment").then().statusCode(403);
        }
        String unknown = UUID.randomUUID().toString();
        Rest.as(staff()).get("/pathways/" + unknown + "/accompaniment").then().statusCode(403);
        Rest.asNational().get("/pathways/" + unknown + "/accompaniment").then().statusCode(404);
        Rest.asNational().get("/pathways/" + pathwayId + "/accompaniment").then().statusCode(200);
    }

    @Test
    void aChantierRecordsItsSupportSessionsAsCountsOnceEachAndOthersCannot() {
        String sessionId = UUID.randomUUID().toString();
        Map<String, Object> session = Map.of("sessionId", sessionId, "kind", "SPEECH_GROUP", "heldOn", "2020-05-12",
                "participants", 9);
        String sessions = "/chantiers/" + chantier + "/support-sessions";
        Rest.as(staff()).body(session).post(sessions).then().statusCode(201)
                .body("participants", equalTo(9)).body("recordedBy", equalTo("staff-" + chantier));
        Rest.as(staff()).body(session).post(sessions).then().statusCode(422)
                .body("code", equalTo("SESSION_ALREADY_RECORDED"));
        Rest.as(staff()).body(Map.of("sessionId", UUID.randomUUID().toString(), "kind", "SPEECH_GROUP",
                "heldOn", "2020-05-12", "participants", -1)).post(sessions).then().statusCode(400)
                .body("errors.field", hasItem("participants"));
        Rest.as(Tokens.staff(territory, Ids.fresh("c"))).body(Map.of("sessionId", UUID.randomUUID().toString(),
                "kind", "MUSIC_THERAPY", "heldOn", "2020-05-12", "participants", 3)).post(sessions).then()
                .statusCode(403);
        Rest.as(Tokens.evaluator()).get(sessions).then().statusCode(403);
        Rest.as(Tokens.coordinator(territory)).get(sessions).then().statusCode(200)
                .body("sessionId", contains(sessionId)).body("[0].kind", equalTo("SPEECH_GROUP"));

        List<ConsumerRecord<String, byte[]>> records;
        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(), Topics.ACCOMPANIMENT)) {
            records = reader.readKey(chantier, 1, Duration.ofSeconds(30));
        }
        assertEquals(1, records.size());
        assertEquals("support-session.held", TestEnvelopes.CODEC.decode(records.get(0).value()).type());
    }

    @Test
    void twoConcurrentAssessmentsOfOnePathwayStoreOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                String on = "2020-01-2" + i;
                Callable<Integer> call = () -> assess(staff(), assessment(on, "STREET", "[\"HOUSING\"]"))
                        .extract().statusCode();
                answers.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409 || s == 422).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        Rest.as(staff()).get("/pathways/" + pathwayId + "/accompaniment").then()
                .body("barriers.find { it.category == 'HOUSING' }.history.size()", equalTo(1));
    }

    @Test
    void eachFactIsPublishedOnTheAccompanimentTopicKeyedByTheParticipant() throws Exception {
        assess(staff(), assessment("2020-01-20", "STREET", "[\"HOUSING\"]")).statusCode(201);
        change(staff(), "HOUSING", "IN_PROGRESS", "2020-03-02").statusCode(201);
        Rest.as(staff()).body(Map.of("kind", "CSS", "openedOn", "2020-04-01"))
                .post("/pathways/" + pathwayId + "/health-rights").then().statusCode(201);

        List<ConsumerRecord<String, byte[]>> records;
        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(), Topics.ACCOMPANIMENT)) {
            records = reader.readKey(participantId, 3, Duration.ofSeconds(30));
        }
        assertEquals(3, records.size());
        List<String> types = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope = TestEnvelopes.CODEC.decode(record.value());
            types.add(envelope.type());
            assertEquals(territory, envelope.territoryId());
            assertEquals(chantier, envelope.chantierId());
            JsonNode payload = json.readTree(record.value()).path("payload");
            assertEquals(pathwayId, payload.path("pathwayId").asText());
        }
        assertEquals(List.of("assessment.recorded", "barrier.status-changed", "health-rights.opened"), types);
        JsonNode first = json.readTree(records.get(0).value()).path("payload");
        assertEquals("[\"HOUSING\"]", first.path("barriers").toString());
        assertEquals("STREET", first.path("housingAtEntry").asText());
    }
}
