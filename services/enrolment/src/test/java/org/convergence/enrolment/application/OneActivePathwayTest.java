package org.convergence.enrolment.application;

import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.enrolment.domain.EnrolmentSite;
import org.convergence.enrolment.domain.PathwayMessages.EnrolParticipantCommand;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One active pathway per participant and program, in the cases a race or a crash leaves behind: an enrolment in
 * flight, one that died after claiming the slot, one refused after claiming it, slots written before they were chains.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class OneActivePathwayTest {

    @Inject
    MongoDatabase database;

    @Inject
    Commands commands;

    @Inject
    EnrolmentReads reads;

    private String territory;
    private String chantier;
    private String participant;

    @BeforeEach
    void setUp() {
        territory = "t-" + UUID.randomUUID().toString().substring(0, 8);
        as().body("{\"territoryId\":\"%s\",\"name\":\"Lille\",\"densityKind\":\"URBAN\"}".formatted(territory))
                .post("/territories").then().statusCode(201);
        chantier = chantier("CONVERGENCE");
        participant = UUID.randomUUID().toString();
    }

    @Test
    void anEnrolmentStillInFlightKeepsTheSlotAndASecondOneIsRefused() {
        slot(participant + ":CONVERGENCE", UUID.randomUUID().toString(), Instant.now());

        String second = UUID.randomUUID().toString();
        enrol(second, chantier).then().statusCode(422).body("code", equalTo("SECOND_ACTIVE_PATHWAY"));
        assertTrue(reads.pathway(second).isEmpty());
    }

    @Test
    void theSlotOfAnEnrolmentThatDiedBeforeStoringIsTakenOverAndItsEnrolmentCanNeverBeStoredAfterwards() {
        String died = UUID.randomUUID().toString();
        slot(participant + ":CONVERGENCE", died, Instant.now().minus(Duration.ofMinutes(10)));

        String next = UUID.randomUUID().toString();
        enrol(next, chantier).then().statusCode(201);

        // The dead request's command, arriving after all (a paused process resuming): its pathway id was abandoned.
        EnrolmentSite site = new EnrolmentSite(territory, chantier, Set.of("CONVERGENCE"));
        assertThrows(ConcurrencyException.class, () -> RecordedBy.as("test", () -> commands.send(
                new EnrolParticipantCommand(died, participant, "CONVERGENCE", site, LocalDate.of(2020, 1, 6), null))));
        assertTrue(reads.pathway(died).isEmpty(), "the abandoned id names no pathway");
        RestAssured.given().auth().oauth2(Tokens.national()).get("/pathways/" + died).then().statusCode(404);
    }

    @Test
    void aRefusedEnrolmentGivesTheSlotBackAtOnce() {
        String premieresHeuresOnly = chantier("PREMIERES_HEURES");
        enrol(UUID.randomUUID().toString(), premieresHeuresOnly).then().statusCode(422)
                .body("code", equalTo("PROGRAM_NOT_CARRIED"));

        enrol(UUID.randomUUID().toString(), chantier).then().statusCode(201);
    }

    @Test
    void anEnrolmentRefusedForUsingAnotherParticipantsPathwayIdDoesNotHoldTheSlot() {
        String taken = UUID.randomUUID().toString();
        as().body(body(taken, UUID.randomUUID().toString(), chantier)).post("/pathways").then().statusCode(201);

        enrol(taken, chantier).then().statusCode(409);
        enrol(UUID.randomUUID().toString(), chantier).then().statusCode(201);
    }

    @Test
    void aSlotWrittenBeforeSlotsBecameChainsStillCountsAndIsTakenOverAfterTheExit() {
        String first = UUID.randomUUID().toString();
        enrol(first, chantier).then().statusCode(201);
        // As the previous version wrote it: one document per slot, no claim date.
        database.getCollection(ActivePathwaySlots.COLLECTION).replaceOne(
                new Document("_id", participant + ":CONVERGENCE"),
                new Document("_id", participant + ":CONVERGENCE").append("pathwayId", first));

        enrol(UUID.randomUUID().toString(), chantier).then().statusCode(422)
                .body("code", equalTo("SECOND_ACTIVE_PATHWAY"));
        as().body("{\"exitDate\":\"2020-06-30\",\"category\":\"OTHER\"}").post("/pathways/" + first + "/exit")
                .then().statusCode(200);
        enrol(UUID.randomUUID().toString(), chantier).then().statusCode(201);
        enrol(UUID.randomUUID().toString(), chantier).then().statusCode(422)
                .body("code", equalTo("SECOND_ACTIVE_PATHWAY"));
    }

    private void slot(String id, String pathwayId, Instant claimedAt) {
        database.getCollection(ActivePathwaySlots.COLLECTION).insertOne(new Document("_id", id)
                .append("pathwayId", pathwayId).append("claimedAt", Date.from(claimedAt)));
    }

    private io.restassured.response.Response enrol(String pathwayId, String at) {
        return as().body(body(pathwayId, participant, at)).post("/pathways");
    }

    private static String body(String pathwayId, String participantId, String chantierId) {
        return """
                {"pathwayId":"%s","participantId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"2020-01-06"}"""
                .formatted(pathwayId, participantId, chantierId);
    }

    private String chantier(String program) {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        as().body("""
                {"chantierId":"%s","name":"ACI","programs":[{"program":"%s","since":"2019-01-01"}]}"""
                .formatted(id, program)).post("/territories/" + territory + "/chantiers").then().statusCode(201);
        return id;
    }

    private static RequestSpecification as() {
        return RestAssured.given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON);
    }
}
