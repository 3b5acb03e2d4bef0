package org.convergence.enrolment.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * A historic import is safe to run again whatever happened since: a line already stored counts as already imported,
 * even when the participant's pathways moved on, and the one-active-pathway rule applies to the file's own lines.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class ImportReRunTest {

    private String chantier;
    private String participant;

    @BeforeEach
    void setUp() {
        String territory = "t-" + UUID.randomUUID().toString().substring(0, 8);
        chantier = "c-" + UUID.randomUUID().toString().substring(0, 8);
        as().body("{\"territoryId\":\"%s\",\"name\":\"Nantes\",\"densityKind\":\"URBAN\"}".formatted(territory))
                .post("/territories").then().statusCode(201);
        as().body("""
                {"chantierId":"%s","name":"ACI","programs":[{"program":"CONVERGENCE","since":"2015-01-01"}]}"""
                .formatted(chantier)).post("/territories/" + territory + "/chantiers").then().statusCode(201);
        participant = UUID.randomUUID().toString();
    }

    @Test
    void anEndedLineImportedAgainAfterTheParticipantStartedAnotherPathwayIsAlreadyImported() {
        String ended = line(UUID.randomUUID().toString(), "2016-01-04", "2018-06-29");
        importing(ended).body("accepted", equalTo(1));
        enrolByRest("2019-09-02");

        importing(ended).body("accepted", equalTo(0)).body("alreadyImported", equalTo(1))
                .body("rejected", empty());
    }

    @Test
    void anOpenLineImportedAgainAfterItEndedAndAnotherPathwayStartedIsAlreadyImported() {
        String pathway = UUID.randomUUID().toString();
        String open = line(pathway, "2016-01-04", null);
        importing(open).body("accepted", equalTo(1));
        as().body("{\"exitDate\":\"2018-06-29\",\"category\":\"OTHER\"}").post("/pathways/" + pathway + "/exit")
                .then().statusCode(200);
        enrolByRest("2019-09-02");

        importing(open).body("accepted", equalTo(0)).body("alreadyImported", equalTo(1))
                .body("rejected", empty());
    }

    @Test
    void aLineImportedOpenAndSentAgainWithItsExitReceivesTheExit() {
        String pathway = UUID.randomUUID().toString();
        importing(line(pathway, "2016-01-04", null)).body("accepted", equalTo(1));

        importing(line(pathway, "2016-01-04", "2018-06-29")).body("accepted", equalTo(1));
        as().get("/pathways/" + pathway).then().body("exitDate", equalTo("2018-06-29"));
    }

    @Test
    void twoOpenLinesOfOneParticipantInOneProgramKeepTheFirst() {
        String first = UUID.randomUUID().toString();
        importing(line(first, "2019-01-07", null) + "\n" + line(UUID.randomUUID().toString(), "2019-03-04", null))
                .body("accepted", equalTo(1))
                .body("rejected.line", equalTo(List.of(2)))
                .body("rejected[0].code", equalTo("SECOND_ACTIVE_PATHWAY"));
        as().get("/pathways/" + first).then().statusCode(200);
    }

    @Test
    void aLineUnderAPathwayIdOfAnotherParticipantIsRejected() {
        String taken = UUID.randomUUID().toString();
        importing(line(taken, "2016-01-04", "2018-06-29")).body("accepted", equalTo(1));

        participant = UUID.randomUUID().toString();
        importing(line(taken, "2016-01-04", "2018-06-29")).body("accepted", equalTo(0))
                .body("alreadyImported", equalTo(0))
                .body("rejected[0].reason", containsString("already used by another pathway"));
    }

    private void enrolByRest(String entryDate) {
        as().body("""
                {"pathwayId":"%s","participantId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"%s"}"""
                .formatted(UUID.randomUUID(), participant, chantier, entryDate)).post("/pathways").then()
                .statusCode(201);
    }

    private String line(String pathwayId, String entryDate, String exitDate) {
        return "{\"pathwayId\":\"%s\",\"participantId\":\"%s\",\"program\":\"CONVERGENCE\",\"chantierId\":\"%s\",\"entryDate\":\"%s\"%s}"
                .formatted(pathwayId, participant, chantier, entryDate,
                        exitDate == null ? "" : ",\"exit\":{\"date\":\"" + exitDate + "\",\"category\":\"OTHER\"}");
    }

    private static ValidatableResponse importing(String lines) {
        return RestAssured.given().auth().oauth2(Tokens.national()).contentType("application/x-ndjson")
                .body(lines.getBytes(StandardCharsets.UTF_8)).post("/imports/pathways").then().statusCode(200);
    }

    private static RequestSpecification as() {
        return RestAssured.given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON);
    }
}
