package org.convergence.enrolment.api;

import org.convergence.testsupport.EnrolmentApi;
import org.convergence.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.convergence.embedded.ConvergenceStackResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.convergence.testsupport.Rest.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A participant's timeline: every fact in business-date order, whatever the order it was recorded in. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class TimelineApiTest {

    @jakarta.inject.Inject
    com.mongodb.client.MongoDatabase database;

    @jakarta.inject.Inject
    org.convergence.enrolment.query.ParticipantPathwaysBackfill backfill;

    @Test
    void aParticipantsTimelineIsInBusinessDateOrderEvenForFactsRecordedYearsLater() {
        String territory = territory("Nantes");
        String today = chantier(territory, "PREMIERES_HEURES", "CONVERGENCE");
        String former = chantier(territory, "CONVERGENCE");
        String ph = UUID.randomUUID().toString();
        String cddi = UUID.randomUUID().toString();
        String old = UUID.randomUUID().toString();

        String participant = as(Tokens.national()).body("""
                {"pathwayId":"%s","program":"PREMIERES_HEURES","chantierId":"%s","entryDate":"2019-09-02"}"""
                .formatted(ph, today)).post("/pathways").then().statusCode(201).extract().path("participantId");
        as(Tokens.national()).body("""
                {"convergencePathwayId":"%s","promotionDate":"2020-01-06"}""".formatted(cddi))
                .post("/pathways/" + ph + "/promotion").then().statusCode(201);
        as(Tokens.national()).body("{\"exitDate\":\"2021-03-31\",\"category\":\"DURABLE_EMPLOYMENT\"}")
                .post("/pathways/" + cddi + "/exit").then().statusCode(200);
        as(Tokens.national()).body("""
                {"milestoneMonths":1,"checkInDate":"2021-05-03","employmentStatus":"DURABLE_EMPLOYMENT",
                 "housingSituation":"SOCIAL_HOUSING"}""").post("/pathways/" + cddi + "/check-ins")
                .then().statusCode(201);
        // Recorded last, happened first: a pathway of 2015-2017 brought by the historic import.
        given().auth().oauth2(Tokens.national()).contentType("application/x-ndjson").body("""
                {"pathwayId":"%s","participantId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"2015-03-02","exit":{"date":"2017-05-31","category":"OTHER"}}
                """.formatted(old, participant, former).getBytes(StandardCharsets.UTF_8))
                .post("/imports/pathways").then().statusCode(200).body("accepted", equalTo(1));

        as(Tokens.coordinator(territory)).get("/participants/" + participant + "/timeline").then().statusCode(200)
                .body("fact", equalTo(List.of("ENROLLED", "EXITED", "ENROLLED", "PROMOTED", "ENROLLED", "EXITED",
                        "CHECK_IN")))
                .body("occurredOn", equalTo(List.of("2015-03-02", "2017-05-31", "2019-09-02", "2020-01-06",
                        "2020-01-06", "2021-03-31", "2021-05-03")))
                .body("pathwayId", equalTo(List.of(old, old, ph, ph, cddi, cddi, cddi)))
                .body("[3].linkedPathway", equalTo(cddi))
                .body("[4].linkedPathway", equalTo(ph))
                .body("[6].milestoneMonths", equalTo(1));

        as(Tokens.staff(territory, former)).get("/participants/" + participant + "/timeline").then()
                .statusCode(200)
                .body("pathwayId", equalTo(List.of(old, old)));
        as(Tokens.staff(territory, "another-chantier")).get("/participants/" + participant + "/timeline").then()
                .statusCode(403);
        as(Tokens.evaluator()).get("/participants/" + participant + "/timeline").then().statusCode(403);
        as(Tokens.national()).get("/participants/" + UUID.randomUUID() + "/timeline").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aCorrectionIsAFactOfItsOwnAtTheDateItSets() {
        String territory = territory("Lille");
        String chantier = chantier(territory, "CONVERGENCE");
        String pathway = UUID.randomUUID().toString();
        // Within five years of today: an open pathway's entry is not corrected past its limit.
        java.time.LocalDate entered = org.convergence.platform.time.BusinessDates.today().minusYears(2);
        java.time.LocalDate corrected = entered.minusWeeks(1);
        String participant = enrolled(pathway, chantier, entered.toString());
        as(Tokens.national()).body("{\"entryDate\":\"" + corrected + "\"}")
                .post("/pathways/" + pathway + "/entry-correction").then().statusCode(200);

        as(Tokens.staff(territory, chantier)).get("/participants/" + participant + "/timeline").then()
                .statusCode(200)
                .body("fact", equalTo(List.of("ENTRY_DATE_CORRECTED", "ENROLLED")))
                .body("[0].occurredOn", equalTo(corrected.toString()))
                .body("[0].previousDate", equalTo(entered.toString()));
    }

    @Test
    void pathwaysEnrolledBeforeParticipantLinksExistedAreLinkedByTheBackfill() {
        String territory = territory("Strasbourg");
        String chantier = chantier(territory, "CONVERGENCE");
        String pathway = UUID.randomUUID().toString();
        String participant = enrolled(pathway, chantier, "2020-03-02");
        // As a database written by the previous version: no link for this participant.
        database.getCollection("participant_pathways").deleteOne(new org.bson.Document("_id", participant));
        as(Tokens.national()).get("/participants/" + participant + "/timeline").then().statusCode(404);

        backfill.run();

        as(Tokens.national()).get("/participants/" + participant + "/timeline").then().statusCode(200)
                .body("pathwayId", equalTo(List.of(pathway)));
    }

    private static String territory(String name) {
        return EnrolmentApi.territory(name);
    }

    /** Enrols a new participant in Convergence; returns their participant id. */
    private static String enrolled(String pathway, String chantier, String entryDate) {
        return EnrolmentApi.enrolled(pathway, "CONVERGENCE", chantier, entryDate);
    }

    private static String chantier(String territory, String... programs) {
        return EnrolmentApi.chantier(territory, "2015-01-01", programs);
    }
}
