package org.convergence.enrolment.api;

import org.convergence.testsupport.EnrolmentApi;
import org.convergence.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.convergence.embedded.ConvergenceStackResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.convergence.testsupport.Rest.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The territory's lifecycle per program, its coordination and steering committees, and chantiers' programs. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class TerritoryApiTest {

    private String territory;

    @BeforeEach
    void registerATerritory() {
        territory = EnrolmentApi.territory("Lyon");
    }

    @Test
    void theNationalTeamTakesATerritoryFromEngagedToOperationalWithItsDates() {
        status("CONVERGENCE", "ENGAGED", "2019-09-01").then().statusCode(200)
                .body("programs.CONVERGENCE.status", equalTo("ENGAGED"))
                .body("programs.CONVERGENCE.engagedOn", equalTo("2019-09-01"));
        status("CONVERGENCE", "OPERATIONAL", "2020-01-06").then().statusCode(200);
        status("PREMIERES_HEURES", "ENGAGED", "2021-01-04").then().statusCode(200);

        as(Tokens.coordinator(territory)).get("/territories/" + territory).then().statusCode(200)
                .body("programs.CONVERGENCE.status", equalTo("OPERATIONAL"))
                .body("programs.CONVERGENCE.engagedOn", equalTo("2019-09-01"))
                .body("programs.CONVERGENCE.operationalSince", equalTo("2020-01-06"))
                .body("programs.PREMIERES_HEURES.status", equalTo("ENGAGED"))
                .body("programs.PREMIERES_HEURES.operationalSince", nullValue());
    }

    @Test
    void operationalBeforeEngagementIsRefused() {
        status("CONVERGENCE", "OPERATIONAL", "2020-01-06").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("PROGRAM_NOT_ENGAGED"));
        status("CONVERGENCE", "ENGAGED", "2020-01-06").then().statusCode(200);
        status("CONVERGENCE", "OPERATIONAL", "2019-12-31").then().statusCode(422)
                .body("code", equalTo("OPERATIONAL_BEFORE_ENGAGEMENT"));
    }

    @Test
    void anUnknownProgramOrStatusIsABadRequest() {
        status("PETITS_PAS", "ENGAGED", "2020-01-06").then().statusCode(400)
                .body("errors.field", hasItem("program"));
        status("CONVERGENCE", "LAUNCHED", "2020-01-06").then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void onlyTheNationalTeamManagesATerritory() {
        as(Tokens.coordinator(territory)).body("""
                {"status":"ENGAGED","effectiveOn":"2020-01-06"}""")
                .post("/territories/" + territory + "/programs/CONVERGENCE/status").then().statusCode(403);
        as(Tokens.coordinator(territory)).body("{\"heldOn\":\"2020-02-01\"}")
                .post("/territories/" + territory + "/steering-committees").then().statusCode(403);
    }

    @Test
    void theCoordinationStructureAndTheFirstSteeringCommitteeAreShown() {
        as(Tokens.national()).body("{\"structureName\":\"FNDSA\",\"since\":\"2019-09-01\"}")
                .post("/territories/" + territory + "/coordination").then().statusCode(200);
        as(Tokens.national()).body("{\"heldOn\":\"2020-03-10\"}")
                .post("/territories/" + territory + "/steering-committees").then().statusCode(200);
        as(Tokens.national()).body("{\"heldOn\":\"2019-11-20\"}")
                .post("/territories/" + territory + "/steering-committees").then().statusCode(200);

        as(Tokens.national()).get("/territories/" + territory).then().statusCode(200)
                .body("coordinationStructure", equalTo("FNDSA"))
                .body("firstSteeringCommittee", equalTo("2019-11-20"));
    }

    @Test
    void aTerritoryCoordinatorMakesItsChantierCarryConvergenceFromADate() {
        String chantier = "c-" + UUID.randomUUID().toString().substring(0, 8);
        as(Tokens.coordinator(territory)).body("""
                {"chantierId":"%s","name":"Armée du Salut","programs":[{"program":"PREMIERES_HEURES","since":"2019-01-01"}]}"""
                .formatted(chantier)).post("/territories/" + territory + "/chantiers").then().statusCode(201);

        as(Tokens.coordinator(territory)).body("{\"program\":\"CONVERGENCE\",\"since\":\"2020-06-01\"}")
                .post("/chantiers/" + chantier + "/programs").then().statusCode(200)
                .body("programs.program", hasItem("CONVERGENCE"));
        as(Tokens.coordinator("elsewhere")).body("{\"program\":\"CONVERGENCE\",\"since\":\"2020-06-01\"}")
                .post("/chantiers/" + chantier + "/programs").then().statusCode(403);
        as(Tokens.national()).body("{\"program\":\"CONVERGENCE\",\"since\":\"2021-01-01\"}")
                .post("/chantiers/" + chantier + "/programs").then().statusCode(422)
                .body("code", equalTo("PROGRAM_ALREADY_CARRIED"));
    }

    private io.restassured.response.Response status(String program, String status, String effectiveOn) {
        return as(Tokens.national()).body("""
                {"status":"%s","effectiveOn":"%s"}""".formatted(status, effectiveOn))
                .post("/territories/" + territory + "/programs/" + program + "/status");
    }
}
