package org.convergence.accompaniment.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.platform.time.BusinessDates;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.Rest;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

/** Every read of a participant's health-related facts is in their access trail, which only the national team reads. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class AccessTrailApiTest {

    private String territory;
    private String chantier;
    private String participantId;
    private String pathwayId;
    private final int year = BusinessDates.today().getYear();

    @Inject
    EnrolmentView view;

    @BeforeEach
    void enrolAndAssessAPathway() {
        EnrolledPathway enrolled = EnrolledPathway.enrolledOn(LocalDate.of(2020, 1, 6), view);
        territory = enrolled.territory();
        chantier = enrolled.chantier();
        participantId = enrolled.participantId();
        pathwayId = enrolled.pathwayId();
        Rest.as(Tokens.staff(territory, chantier)).body("{\"assessedOn\":\"2020-01-20\",\"housingAtEntry\":\"STREET\","
                + "\"barriers\":[\"HEALTH\"]}").post("/pathways/" + pathwayId + "/assessment").then().statusCode(201);
    }

    private ValidatableResponse trail(String token) {
        return Rest.as(token).get("/participants/" + participantId + "/access-trail/" + year).then();
    }

    @Test
    void everyReadOfAParticipantsAccompanimentIsInTheirTrailWithWhoReadItAndWhen() {
        Rest.as(Tokens.coordinator(territory)).get("/pathways/" + pathwayId + "/accompaniment").then().statusCode(200);
        Rest.as(Tokens.national()).get("/pathways/" + pathwayId + "/accompaniment").then().statusCode(200);

        trail(Tokens.national()).statusCode(200)
                .body("subject", contains("national-1", "coord-" + territory, "staff-" + chantier))
                .body("what", everyItem(equalTo("accompaniment")))
                .body("pathwayId", everyItem(equalTo(pathwayId)))
                .body("at", everyItem(startsWith(Integer.toString(year))));
    }

    @Test
    void aPartnerListingItsReferralsLeavesATrailForEachParticipantListed() {
        Rest.as(Tokens.coordinator(territory)).body(Map.of("partnerId", "cpam", "name", "CPAM", "kind", "CPAM_CONTACT"))
                .post("/territories/" + territory + "/partners").then().statusCode(201);
        Rest.as(Tokens.staff(territory, chantier)).body(Map.of("referralId", UUID.randomUUID().toString(),
                        "pathwayId", pathwayId, "category", "HEALTH", "sentOn", "2020-02-03",
                        "identitySharingConsent", false))
                .post("/territories/" + territory + "/partners/cpam/referrals").then().statusCode(201);

        Rest.as(Tokens.partner(territory, "cpam"))
                .get("/partner/referrals").then().statusCode(200);

        trail(Tokens.national()).statusCode(200)
                .body("[0].subject", equalTo("partner-cpam"))
                .body("[0].what", equalTo("partner-inbox"))
                .body("[0].pathwayId", equalTo(pathwayId));
    }

    @Test
    void onlyTheNationalTeamReadsATrail() {
        trail(Tokens.coordinator(territory)).statusCode(403);
        trail(Tokens.staff(territory, chantier)).statusCode(403);
        trail(Tokens.evaluator()).statusCode(403);
        trail(Tokens.partner(territory, "cpam"))
                .statusCode(403);
    }
}
