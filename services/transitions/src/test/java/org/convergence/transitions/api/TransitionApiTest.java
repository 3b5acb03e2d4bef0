package org.convergence.transitions.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.Topics;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.TestEnvelopes;
import org.convergence.testsupport.TopicReader;
import org.convergence.transitions.Enrolled;
import org.convergence.transitions.HoursStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.convergence.testsupport.Rest.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
@WithTestResource(HoursStandIn.class)
class TransitionApiTest {

    @Inject
    EnrolmentView view;

    private Enrolled enrolled;
    private String pathway;
    private final String transition = UUID.randomUUID().toString();

    @BeforeEach
    void aConvergencePathwayAndAStoreInItsTerritory() {
        enrolled = new Enrolled(view);
        pathway = enrolled.pathway("CONVERGENCE");
    }

    @AfterEach
    void close() {
        enrolled.close();
    }

    private String start(String on) {
        return """
                {"transitionId":"%s","pathwayId":"%s","employerId":"%s","storeId":"%s","startedOn":"%s",\
                "chantierHours":26}""".formatted(transition, pathway, enrolled.employer, enrolled.store, on);
    }

    private static String step(String on, int store, int chantier) {
        return """
                {"steppedOn":"%s","storeHours":%d,"chantierHours":%d}""".formatted(on, store, chantier);
    }

    private void started() {
        as(enrolled.staff()).body(start("2020-09-07")).post("/transitions").then().statusCode(201)
                .body("storeHours", equalTo(8)).body("chantierHours", equalTo(26)).body("status", equalTo("OPEN"));
    }

    @Test
    void aTransitionGoesStepByStepToFullTimeInTheStoreAndEachFactIsPublishedKeyedByThePathway() {
        started();
        as(enrolled.staff()).body(step("2020-10-05", 15, 20)).post("/transitions/" + transition + "/steps")
                .then().statusCode(200).body("storeHours", equalTo(15)).body("chantierHours", equalTo(20));
        as(enrolled.staff()).body(step("2020-11-02", 35, 0)).post("/transitions/" + transition + "/steps")
                .then().statusCode(200);
        as(enrolled.staff()).body("""
                {"heldOn":"2020-10-20"}""").post("/transitions/" + transition + "/meetings").then().statusCode(200);
        as(enrolled.staff()).body("""
                {"completedOn":"2020-12-01"}""").post("/transitions/" + transition + "/completion").then()
                .statusCode(200).body("status", equalTo("COMPLETED")).body("endedOn", equalTo("2020-12-01"));

        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(), Topics.TRANSITIONS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readKey(pathway, 5, Duration.ofSeconds(30));
            List<EventEnvelope> envelopes = records.stream().map(r -> TestEnvelopes.CODEC.decode(r.value())).toList();
            assertEquals(List.of("transition.started", "transition.stepped", "transition.stepped",
                    "transition.meeting-held", "transition.completed"),
                    envelopes.stream().map(EventEnvelope::type).toList());
            assertTrue(envelopes.stream().allMatch(e -> enrolled.chantier.equals(e.chantierId())
                    && enrolled.territory.equals(e.territoryId())));
        }
    }

    @Test
    void aStepAboveThirtyFiveHoursIsRefusedByTheHoursServicesRuleWeeklyLimit35AndRecordsNothing() {
        started();
        as(enrolled.staff()).body(step("2020-10-05", 15, 21)).post("/transitions/" + transition + "/steps")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("WEEKLY_LIMIT_35"));
        as(enrolled.staff()).get("/transitions/" + transition).then().statusCode(200)
                .body("storeHours", equalTo(8)).body("schedule", hasSize(1));
    }

    @Test
    void aChangeHoursAcceptedBeforeACrashIsRecordedByTheNextRequestBeforeItsOwnChange() {
        started();
        // hours accepted step 2 (15 + 20), then this service died before recording it
        HoursStandIn.acceptedEarlier(pathway, transition + ":2", "STEP", LocalDate.of(2020, 10, 5), 15, 20,
                transition);
        as(enrolled.staff()).body(step("2020-11-02", 22, 13)).post("/transitions/" + transition + "/steps")
                .then().statusCode(200).body("storeHours", equalTo(22))
                .body("schedule.storeHours", contains(8, 15, 22));
        assertTrue(HoursStandIn.hasAccepted(pathway, transition + ":3"));
    }

    @Test
    void aStartHoursAcceptedBeforeACrashAndNeverRecordedIsReturnedToTheChantierAndTheClientToldToUseANewId() {
        HoursStandIn.acceptedEarlier(pathway, transition + ":1", "START", LocalDate.of(2020, 9, 7), 10, 25,
                transition);
        as(enrolled.staff()).body(start("2020-09-07")).post("/transitions").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("SCHEDULE_KEY_REUSED"));
        assertTrue(HoursStandIn.hasAccepted(pathway, transition + ":2"), "the orphan start is undone at hours");
    }

    @Test
    void theSameStepSentAgainAfterItsAnswerWasLostIsRecordedOnce() {
        started();
        for (int i = 0; i < 2; i++) {
            as(enrolled.staff()).body(step("2020-10-05", 15, 20)).post("/transitions/" + transition + "/steps")
                    .then().statusCode(200).body("schedule", hasSize(2));
        }
    }

    @Test
    void anInterruptionReturnsTheStoreToZeroAndTheChantierToTheContract() {
        started();
        as(enrolled.staff()).body(step("2020-10-05", 15, 20)).post("/transitions/" + transition + "/steps")
                .then().statusCode(200);
        as(enrolled.staff()).body("""
                {"interruptedOn":"2020-10-21"}""").post("/transitions/" + transition + "/interruption").then()
                .statusCode(200).body("status", equalTo("INTERRUPTED")).body("storeHours", equalTo(0))
                .body("chantierHours", equalTo(HoursStandIn.CONTRACT));
        as(enrolled.staff()).body(step("2020-11-02", 22, 13)).post("/transitions/" + transition + "/steps")
                .then().statusCode(422).body("code", equalTo("TRANSITION_CLOSED"));
    }

    @Test
    void anAbandonmentIsAnOutcomeAndAPathwayThenMayStartANewTransition() {
        started();
        as(enrolled.staff()).body("""
                {"abandonedOn":"2020-09-30"}""").post("/transitions/" + transition + "/abandonment").then()
                .statusCode(200).body("status", equalTo("ABANDONED"));
        String next = UUID.randomUUID().toString();
        as(enrolled.staff()).body(start("2021-01-04").replace(transition, next)).post("/transitions").then()
                .statusCode(201);
    }

    @Test
    void aCompletionBeforeFullTimeInTheStoreIsRefusedCompletionBeforeFullTime() {
        started();
        as(enrolled.staff()).body("""
                {"completedOn":"2020-12-01"}""").post("/transitions/" + transition + "/completion").then()
                .statusCode(422).body("code", equalTo("COMPLETION_BEFORE_FULL_TIME"));
    }

    @Test
    void onlyAnActiveConvergencePathwayStartsATransitionNotAConvergencePathway() {
        pathway = enrolled.pathway("PREMIERES_HEURES");
        as(enrolled.staff()).body(start("2020-09-07")).post("/transitions").then().statusCode(422)
                .body("code", equalTo("NOT_A_CONVERGENCE_PATHWAY"));
    }

    @Test
    void aSecondOpenTransitionOfAPathwayIsRefusedTransitionAlreadyOpen() {
        started();
        as(enrolled.staff()).body(start("2020-10-05").replace(transition, UUID.randomUUID().toString()))
                .post("/transitions").then().statusCode(422).body("code", equalTo("TRANSITION_ALREADY_OPEN"));
    }

    @Test
    void aStoreOfAnotherTerritoryIsRefusedStoreOutsideTerritory() {
        String national = org.convergence.testsupport.Tokens.national();
        as(national).body("""
                {"storeId":"elsewhere","name":"Franprix Lyon","territoryId":"lyon-%s"}"""
                .formatted(enrolled.territory)).post("/employers/" + enrolled.employer + "/stores")
                .then().statusCode(201);
        as(enrolled.staff()).body(start("2020-09-07").replace(enrolled.store, "elsewhere")).post("/transitions")
                .then().statusCode(422).body("code", equalTo("STORE_OUTSIDE_TERRITORY"));
    }

    @Test
    void aTransitionWithoutAMeetingForFourWeeksIsOnTheAlertListsOfItsChantierAndTerritoryUntilOneIsHeld() {
        started();
        String coordinator = org.convergence.testsupport.Tokens.coordinator(enrolled.territory);
        as(enrolled.staff()).get("/chantiers/" + enrolled.chantier + "/transition-alerts").then().statusCode(200)
                .body("transitionId", contains(transition)).body("[0].followUpDueOn", equalTo("2020-10-05"));
        as(coordinator).get("/territories/" + enrolled.territory + "/transition-alerts").then().statusCode(200)
                .body("transitionId", contains(transition));

        String today = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        as(enrolled.staff()).body("{\"heldOn\":\"" + today + "\"}").post("/transitions/" + transition + "/meetings")
                .then().statusCode(200);
        as(enrolled.staff()).get("/chantiers/" + enrolled.chantier + "/transition-alerts").then().statusCode(200)
                .body("", hasSize(0));
        as(coordinator).get("/territories/" + enrolled.territory + "/transition-alerts").then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void aTransitionIsOnTheAlertListFromTheDayAfterItsFourWeeksWithoutAMeetingAreUp() {
        started();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        as(enrolled.staff()).body("{\"heldOn\":\"" + today.minusWeeks(4).minusDays(1) + "\"}")
                .post("/transitions/" + transition + "/meetings").then().statusCode(200);
        as(enrolled.staff()).get("/chantiers/" + enrolled.chantier + "/transition-alerts").then().statusCode(200)
                .body("transitionId", contains(transition))
                .body("[0].followUpDueOn", equalTo(today.minusDays(1).toString()));

        as(enrolled.staff()).body("{\"heldOn\":\"" + today.minusWeeks(4) + "\"}")
                .post("/transitions/" + transition + "/meetings").then().statusCode(200);
        as(enrolled.staff()).get("/chantiers/" + enrolled.chantier + "/transition-alerts").then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void theEmployerViewHoldsPseudonymousIdsDatesAndHoursOnly() {
        started();
        JsonPath seen = as(org.convergence.testsupport.Tokens.of("employer",
                java.util.Map.of("employer", enrolled.employer))).get("/transitions/" + transition).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(new java.util.TreeSet<>(List.of("transitionId", "pathwayId", "participantId", "territoryId",
                "chantierId", "employerId", "storeId", "startedOn", "storeHours", "chantierHours", "schedule",
                "meetings", "status", "endedOn", "followUpDueOn")),
                new java.util.TreeSet<>(seen.getMap("").keySet()));
    }
}
