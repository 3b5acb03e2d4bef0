package org.convergence.enrolment.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/**
 * A new program is configuration only (DOMAIN.md "a program is data"): "Petits pas vers l'emploi", configured here
 * and nowhere in code, is carried by a chantier, enrolls a participant, and keeps its own duration and follow-up.
 */
@QuarkusTest
@TestProfile(ThirdProgramTest.PetitsPas.class)
@WithTestResource(ConvergenceStackResource.class)
class ThirdProgramTest {

    /** What a deployment adds to its configuration to offer the program. */
    public static class PetitsPas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "convergence.programs.PETITS_PAS.weekly-hours.min", "2",
                    "convergence.programs.PETITS_PAS.weekly-hours.max", "12",
                    "convergence.programs.PETITS_PAS.weekly-hours.default", "4",
                    "convergence.programs.PETITS_PAS.max-duration-months", "24",
                    "convergence.programs.PETITS_PAS.follow-up.months", "6",
                    "convergence.programs.PETITS_PAS.follow-up.milestones", "3,6");
        }
    }

    @Test
    void aThirdProgramConfiguredOnlyEnrolsAParticipantWithItsOwnDurationAndFollowUp() {
        String territory = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String chantier = "c-" + UUID.randomUUID().toString().substring(0, 8);
        as().body("{\"territoryId\":\"%s\",\"name\":\"Charente\",\"densityKind\":\"LESS_DENSE\"}".formatted(territory))
                .post("/territories").then().statusCode(201);
        as().body("""
                {"chantierId":"%s","name":"ACI","programs":[{"program":"PETITS_PAS","since":"2019-01-01"}]}"""
                .formatted(chantier)).post("/territories/" + territory + "/chantiers").then().statusCode(201);

        String pathway = UUID.randomUUID().toString();
        String participant = as().body("""
                {"pathwayId":"%s","program":"PETITS_PAS","chantierId":"%s","entryDate":"2020-03-02"}"""
                .formatted(pathway, chantier)).post("/pathways").then().statusCode(201)
                .body("program", equalTo("PETITS_PAS")).extract().path("participantId");
        as().body("""
                {"pathwayId":"%s","participantId":"%s","program":"PETITS_PAS","chantierId":"%s","entryDate":"2020-04-06"}"""
                .formatted(UUID.randomUUID(), participant, chantier)).post("/pathways").then().statusCode(422)
                .body("code", equalTo("SECOND_ACTIVE_PATHWAY"));

        as().body("{\"exitDate\":\"2022-03-03\",\"category\":\"OTHER\"}").post("/pathways/" + pathway + "/exit")
                .then().statusCode(422).body("code", equalTo("PAST_FIVE_YEARS"));
        as().body("{\"exitDate\":\"2021-03-01\",\"category\":\"POSITIVE_EXIT\"}").post("/pathways/" + pathway + "/exit")
                .then().statusCode(200);
        as().body("""
                {"milestoneMonths":12,"checkInDate":"2021-08-02","employmentStatus":"OTHER","housingSituation":"STREET"}""")
                .post("/pathways/" + pathway + "/check-ins").then().statusCode(422)
                .body("code", equalTo("UNKNOWN_MILESTONE"));
        as().body("""
                {"milestoneMonths":6,"checkInDate":"2021-09-02","employmentStatus":"OTHER","housingSituation":"STREET"}""")
                .post("/pathways/" + pathway + "/check-ins").then().statusCode(422)
                .body("code", equalTo("FOLLOW_UP_CLOSED"));
        as().body("""
                {"milestoneMonths":6,"checkInDate":"2021-09-01","employmentStatus":"DURABLE_EMPLOYMENT","housingSituation":"SOCIAL_HOUSING"}""")
                .post("/pathways/" + pathway + "/check-ins").then().statusCode(201);
    }

    private static RequestSpecification as() {
        return RestAssured.given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON);
    }
}
