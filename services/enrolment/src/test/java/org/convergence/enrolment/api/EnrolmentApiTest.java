package org.convergence.enrolment.api;

import org.convergence.testsupport.EnrolmentApi;
import org.convergence.testsupport.Tokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.platform.eventstore.MongoEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.convergence.testsupport.Rest.as;
import static org.convergence.testsupport.Rest.asNational;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class EnrolmentApiTest {

    @Inject
    MongoDatabase database;

    @Inject
    MongoClient mongo;

    @Inject
    EnrolmentReads reads;

    private String territory;
    private String chantier;

    @BeforeEach
    void registerATerritoryWithAConvergenceChantier() {
        territory = EnrolmentApi.territory("Paris");
        chantier = EnrolmentApi.chantier(territory, "2019-01-01", "CONVERGENCE");
    }

    @Test
    void aParticipantIsEnrolledWithABackdatedEntryDateAndExitsWithACategory() {
        String pathwayId = UUID.randomUUID().toString();
        asNational().body(enrolment(pathwayId, "2019-03-04")).post("/pathways").then()
                .statusCode(201)
                .header("Location", containsString("/pathways/" + pathwayId))
                .body("participantId", notNullValue())
                .body("territoryId", equalTo(territory));

        asNational().body("""
                {"exitDate":"2020-06-30","category":"DURABLE_EMPLOYMENT","housingAtExit":"SOCIAL_HOUSING"}""")
                .post("/pathways/" + pathwayId + "/exit").then().statusCode(200);

        asNational().get("/pathways/" + pathwayId).then().statusCode(200)
                .body("entryDate", equalTo("2019-03-04"))
                .body("exitDate", equalTo("2020-06-30"))
                .body("exitCategory", equalTo("DURABLE_EMPLOYMENT"));
    }

    @Test
    void aPremieresHeuresPathwayPromotedToACddiEndsAndALinkedConvergencePathwayStarts() {
        String both = registerChantier("PREMIERES_HEURES", "CONVERGENCE");
        String ph = UUID.randomUUID().toString();
        String cddi = UUID.randomUUID().toString();
        String participant = asNational().body("""
                {"pathwayId":"%s","program":"PREMIERES_HEURES","chantierId":"%s","entryDate":"2019-09-02"}"""
                .formatted(ph, both)).post("/pathways").then().statusCode(201).extract().path("participantId");

        asNational().body("""
                {"convergencePathwayId":"%s","promotionDate":"2020-01-06"}""".formatted(cddi))
                .post("/pathways/" + ph + "/promotion").then().statusCode(201)
                .body("program", equalTo("CONVERGENCE"))
                .body("participantId", equalTo(participant))
                .body("entryDate", equalTo("2020-01-06"))
                .body("promotedFrom", equalTo(ph));

        asNational().get("/pathways/" + ph).then().statusCode(200)
                .body("exitDate", equalTo("2020-01-06"))
                .body("promotedTo", equalTo(cddi));
        refusedWithoutStoring(() -> asNational().body("""
                {"convergencePathwayId":"%s","promotionDate":"2020-01-07"}""".formatted(UUID.randomUUID()))
                .post("/pathways/" + ph + "/promotion").then(), 422)
                .body("code", equalTo("PATHWAY_ALREADY_ENDED"));
    }

    @Test
    void correctionsAreNewFactsAndTheFirstFactsStayInTheHistory() {
        String pathwayId = enrolled("2019-05-01");
        asNational().body("{\"exitDate\":\"2020-06-30\",\"category\":\"OTHER\"}")
                .post("/pathways/" + pathwayId + "/exit").then().statusCode(200);
        long before = database.getCollection(MongoEventStore.COMMITS).countDocuments();

        asNational().body("{\"entryDate\":\"2019-04-15\"}")
                .post("/pathways/" + pathwayId + "/entry-correction").then().statusCode(200);
        asNational().body("{\"exitDate\":\"2020-07-31\",\"category\":\"DURABLE_EMPLOYMENT\"}")
                .post("/pathways/" + pathwayId + "/exit-correction").then().statusCode(200);

        asNational().get("/pathways/" + pathwayId).then().statusCode(200)
                .body("entryDate", equalTo("2019-04-15"))
                .body("exitDate", equalTo("2020-07-31"))
                .body("exitCategory", equalTo("DURABLE_EMPLOYMENT"));
        assertEquals(before + 2, database.getCollection(MongoEventStore.COMMITS).countDocuments(),
                "two new facts appended, none rewritten");
        refusedWithoutStoring(() -> asNational().body("{\"entryDate\":\"2020-08-01\"}")
                .post("/pathways/" + pathwayId + "/entry-correction").then(), 422)
                .body("code", equalTo("EXIT_BEFORE_ENTRY"));
    }

    @Test
    void aPromotionToAChantierWithoutConvergenceIsRefused() {
        String phOnly = registerChantier("PREMIERES_HEURES");
        String ph = UUID.randomUUID().toString();
        asNational().body("""
                {"pathwayId":"%s","program":"PREMIERES_HEURES","chantierId":"%s","entryDate":"2019-09-02"}"""
                .formatted(ph, phOnly)).post("/pathways").then().statusCode(201);

        refusedWithoutStoring(() -> asNational().body("""
                {"convergencePathwayId":"%s","promotionDate":"2020-01-06"}""".formatted(UUID.randomUUID()))
                .post("/pathways/" + ph + "/promotion").then(), 422)
                .body("code", equalTo("PROGRAM_NOT_CARRIED"));
        refusedWithoutStoring(() -> asNational().body(enrolment(UUID.randomUUID().toString(), "2020-01-06")
                .replace(chantier, phOnly)).post("/pathways").then(), 422)
                .body("code", equalTo("PROGRAM_NOT_CARRIED"));
    }

    @Test
    void anIdentityIsStoredOnlySealedAndAfterErasureNothingReadsItWhilePathwaysStay() {
        String pathwayId = UUID.randomUUID().toString();
        String participantId = asNational().body("""
                {"pathwayId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"2020-02-03",
                 "identity":{"firstName":"Ernestine","lastName":"Quillaubert-Zed","birthDate":"1975-04-03"}}"""
                .formatted(pathwayId, chantier)).post("/pathways").then().statusCode(201).extract().path("participantId");

        as(Tokens.staff(territory, chantier)).get("/participants/" + participantId + "/identity").then()
                .statusCode(200).body("lastName", equalTo("Quillaubert-Zed"));
        as(Tokens.staff(territory, "another-chantier")).get("/participants/" + participantId + "/identity").then()
                .statusCode(403);
        assertEquals(List.of(), documentsContaining("Quillaubert"), "the name is never stored in clear");
        String sealedCopy = reads.participant(participantId).orElseThrow().sealedIdentity();
        assertEquals(List.of(participantId), keysOpening(sealedCopy, participantId), "before erasure, its key opens it");


        as(Tokens.coordinator(territory)).post("/participants/" + participantId + "/erasure").then().statusCode(204);

        asNational().get("/participants/" + participantId + "/identity").then().statusCode(410)
                .contentType("application/problem+json");
        assertEquals(List.of(), documentsContaining("Quillaubert"));
        assertEquals(0, mongo.getDatabase("enrolment_keys").getCollection("participant_keys")
                .countDocuments(new org.bson.Document("_id", participantId)), "the only key is gone");
        assertEquals(sealedCopy, reads.participant(participantId).orElseThrow().sealedIdentity(),
                "the sealed identity stays in the event store: facts are never edited");
        assertEquals(List.of(), keysOpening(sealedCopy, participantId),
                "no remaining key opens the sealed identity, in the store or in any backup of it");
        asNational().get("/pathways/" + pathwayId).then().statusCode(200).body("participantId", equalTo(participantId));
    }

    @Test
    void aSecondActivePathwayInTheSameProgramIsRefusedAndAReEntryAfterTheExitIsANewPathway() {
        String first = UUID.randomUUID().toString();
        String participant = asNational().body(enrolment(first, "2015-03-02")).post("/pathways").then()
                .statusCode(201).extract().path("participantId");
        String again = """
                {"pathwayId":"%s","participantId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"2020-01-06"}""";

        refusedWithoutStoring(() -> asNational().body(again.formatted(UUID.randomUUID(), participant, chantier))
                .post("/pathways").then(), 422)
                .body("code", equalTo("SECOND_ACTIVE_PATHWAY"));

        asNational().body("{\"exitDate\":\"2016-09-30\",\"category\":\"OTHER\"}")
                .post("/pathways/" + first + "/exit").then().statusCode(200);
        String reEntry = UUID.randomUUID().toString();
        asNational().body(again.formatted(reEntry, participant, chantier)).post("/pathways").then().statusCode(201)
                .body("participantId", equalTo(participant));
        asNational().get("/pathways/" + first).then().body("exitDate", equalTo("2016-09-30"));
    }

    @Test
    void checkInsFollowAConvergenceExitAndNoneComesBeforeIt() {
        String pathwayId = enrolled("2019-05-01");
        asNational().body("{\"exitDate\":\"2020-06-30\",\"category\":\"TRANSITIONAL_EMPLOYMENT\"}")
                .post("/pathways/" + pathwayId + "/exit").then().statusCode(200);

        asNational().body("""
                {"milestoneMonths":1,"checkInDate":"2020-07-31","employmentStatus":"DURABLE_EMPLOYMENT",
                 "housingSituation":"TEMPORARY_HOUSING"}""").post("/pathways/" + pathwayId + "/check-ins").then()
                .statusCode(201);
        refusedWithoutStoring(() -> asNational().body("""
                {"milestoneMonths":3,"checkInDate":"2020-06-01","employmentStatus":"OTHER",
                 "housingSituation":"STREET"}""").post("/pathways/" + pathwayId + "/check-ins").then(), 422)
                .body("code", equalTo("CHECK_IN_BEFORE_EXIT"));
        refusedWithoutStoring(() -> asNational().body("""
                {"milestoneMonths":1,"checkInDate":"2020-08-03","employmentStatus":"OTHER",
                 "housingSituation":"STREET"}""").post("/pathways/" + pathwayId + "/check-ins").then(), 422)
                .body("code", equalTo("CHECK_IN_ALREADY_RECORDED"));
    }

    @Test
    void theFollowUpClosesTwelveMonthsAfterTheExitAsConfigured() {
        String pathwayId = enrolled("2019-05-01");
        asNational().body("{\"exitDate\":\"2020-06-30\",\"category\":\"OTHER\"}")
                .post("/pathways/" + pathwayId + "/exit").then().statusCode(200);

        asNational().body("""
                {"milestoneMonths":12,"checkInDate":"2021-06-30","employmentStatus":"OTHER","housingSituation":"STREET"}""")
                .post("/pathways/" + pathwayId + "/check-ins").then().statusCode(201);
        refusedWithoutStoring(() -> asNational().body("""
                {"milestoneMonths":6,"checkInDate":"2021-07-01","employmentStatus":"OTHER","housingSituation":"STREET"}""")
                .post("/pathways/" + pathwayId + "/check-ins").then(), 422)
                .body("code", equalTo("FOLLOW_UP_CLOSED"));
    }

    @Test
    void anOpenPathwaysEntryDateIsNotCorrectedSoFarBackThatTodayIsPastItsLimit() {
        java.time.LocalDate today = org.convergence.platform.time.BusinessDates.today();
        String pathwayId = enrolled(today.minusYears(2).toString());
        refusedWithoutStoring(() -> asNational().body("{\"entryDate\":\"" + today.minusMonths(60).minusDays(1) + "\"}")
                .post("/pathways/" + pathwayId + "/entry-correction").then(), 422)
                .body("code", equalTo("PAST_FIVE_YEARS"));
        asNational().body("{\"entryDate\":\"" + today.minusMonths(60) + "\"}")
                .post("/pathways/" + pathwayId + "/entry-correction").then().statusCode(200);
    }

    @Test
    void aHistoricImportStoresValidLinesWithTheirRealDatesReportsTheOthersAndCanBeReRun() {
        String open = UUID.randomUUID().toString();
        String past = UUID.randomUUID().toString();
        String file = String.join("\n",
                "{\"pathwayId\":\"" + open + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"" + chantier
                        + "\",\"entryDate\":\"2018-09-03\"}",
                "{\"pathwayId\":\"" + past + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"" + chantier
                        + "\",\"entryDate\":\"2016-01-04\",\"exit\":{\"date\":\"2018-06-29\",\"category\":\"POSITIVE_EXIT\"}}",
                "{\"pathwayId\":\"" + UUID.randomUUID() + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"nowhere\","
                        + "\"entryDate\":\"2018-09-03\"}",
                "{\"pathwayId\":\"" + UUID.randomUUID() + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"" + chantier
                        + "\",\"entryDate\":\"2019-02-30\"}",
                "{\"pathwayId\": oops",
                "");

        given().auth().oauth2(Tokens.national()).contentType("application/x-ndjson").body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/imports/pathways").then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("alreadyImported", equalTo(0))
                .body("rejected.line", equalTo(List.of(3, 4, 5)))
                .body("rejected[0].reason", containsString("unknown chantier"))
                .body("rejected[1].reason", containsString("2019-02-30"));
        asNational().get("/pathways/" + past).then().statusCode(200)
                .body("entryDate", equalTo("2016-01-04"))
                .body("exitDate", equalTo("2018-06-29"))
                .body("exitCategory", equalTo("POSITIVE_EXIT"));

        long before = database.getCollection(MongoEventStore.COMMITS).countDocuments();
        given().auth().oauth2(Tokens.national()).contentType("application/x-ndjson").body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/imports/pathways").then().statusCode(200)
                .body("accepted", equalTo(0))
                .body("alreadyImported", equalTo(2));
        assertEquals(before, database.getCollection(MongoEventStore.COMMITS).countDocuments(), "nothing stored twice");

        given().auth().oauth2(Tokens.coordinator("elsewhere")).contentType("application/x-ndjson").body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/imports/pathways").then().statusCode(200)
                .body("accepted", equalTo(0))
                .body("rejected.line", equalTo(List.of(1, 2, 3, 4, 5)));
    }

    @Test
    void anIdentityIsOnlyGivenForANewParticipant() {
        refusedWithoutStoring(() -> asNational().body("""
                {"pathwayId":"%s","participantId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"2020-02-03",
                 "identity":{"firstName":"A","lastName":"B","birthDate":"1975-04-03"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), chantier)).post("/pathways").then(), 400)
                .body("errors[0].field", equalTo("identity"));
    }

    @Test
    void theChantierStaffAndTheTerritoryCoordinatorMayEnrolThere() {
        as(Tokens.staff(territory, chantier)).body(enrolment(UUID.randomUUID().toString(), "2020-01-06"))
                .post("/pathways").then().statusCode(201);
        as(Tokens.coordinator(territory)).body(enrolment(UUID.randomUUID().toString(), "2020-01-06"))
                .post("/pathways").then().statusCode(201);
    }

    @Test
    void malformedJsonIsABadRequestAndStoresNothing() {
        refusedWithoutStoring(() -> asNational().body("{\"pathwayId\": ").post("/pathways").then(), 400)
                .body("title", equalTo("Bad Request"));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        refusedWithoutStoring(() -> asNational().body("""
                {"pathwayId":"%s","program":"CONVERGENCE","chantierId":"%s"}"""
                .formatted(UUID.randomUUID(), chantier)).post("/pathways").then(), 400)
                .body("errors.field", hasItem("entryDate"));
    }

    @Test
    void anUnknownEnumValueIsNamedWithTheAllowedValues() {
        String pathwayId = enrolled("2019-05-01");
        refusedWithoutStoring(() -> asNational().body("""
                {"exitDate":"2020-01-10","category":"RETIRED"}""")
                .post("/pathways/" + pathwayId + "/exit").then(), 400)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("DURABLE_EMPLOYMENT"));
    }

    @Test
    void anUnknownProgramIsNamed() {
        refusedWithoutStoring(() -> asNational().body("""
                {"pathwayId":"%s","program":"GARDENING","chantierId":"%s","entryDate":"2020-01-01"}"""
                .formatted(UUID.randomUUID(), chantier)).post("/pathways").then(), 400)
                .body("errors[0].field", equalTo("program"));
    }

    @Test
    void anExitBeforeTheEntryDateIsRefusedByTheRule() {
        String pathwayId = enrolled("2019-05-01");
        refusedWithoutStoring(() -> asNational().body("""
                {"exitDate":"2019-04-30","category":"OTHER"}""")
                .post("/pathways/" + pathwayId + "/exit").then(), 422)
                .body("code", equalTo("EXIT_BEFORE_ENTRY"));
    }

    @Test
    void aSecondEnrolmentWithTheSameIdIsAConflict() {
        String pathwayId = enrolled("2019-05-01");
        refusedWithoutStoring(() -> asNational().body(enrolment(pathwayId, "2019-05-01"))
                .post("/pathways").then(), 409);
    }

    @Test
    void aFutureEntryDateIsRefused() {
        refusedWithoutStoring(() -> asNational().body(enrolment(UUID.randomUUID().toString(), "2999-01-01"))
                .post("/pathways").then(), 400)
                .body("errors[0].field", equalTo("entryDate"));
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        refusedWithoutStoring(() -> given().contentType(ContentType.JSON)
                .body(enrolment(UUID.randomUUID().toString(), "2019-05-01")).post("/pathways").then(), 401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void aForgedTokenIsRefused() {
        refusedWithoutStoring(() -> as(Tokens.national() + "x")
                .body(enrolment(UUID.randomUUID().toString(), "2019-05-01")).post("/pathways").then(), 401);
    }

    @Test
    void aWrongRoleIsForbidden() {
        refusedWithoutStoring(() -> as(Tokens.evaluator()).body("""
                {"territoryId":"lyon","name":"Lyon","densityKind":"URBAN"}""").post("/territories").then(), 403);
        refusedWithoutStoring(() -> as(Tokens.coordinator(territory)).body("""
                {"territoryId":"lyon","name":"Lyon","densityKind":"URBAN"}""").post("/territories").then(), 403);
    }

    @Test
    void anotherTerritorysChantierIsForbiddenAndLooksLikeAnUnknownOne() {
        refusedWithoutStoring(() -> as(Tokens.coordinator("elsewhere"))
                .body(enrolment(UUID.randomUUID().toString(), "2019-05-01")).post("/pathways").then(), 403);
        refusedWithoutStoring(() -> as(Tokens.coordinator("elsewhere")).body("""
                {"pathwayId":"%s","program":"CONVERGENCE","chantierId":"no-such-chantier","entryDate":"2020-01-01"}"""
                .formatted(UUID.randomUUID())).post("/pathways").then(), 403);
        String pathwayId = enrolled("2019-05-01");
        as(Tokens.staff(territory, "another-chantier")).get("/pathways/" + pathwayId).then().statusCode(403);
        asNational().get("/pathways/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aTenMegabyteBodyIsTooLarge() {
        String huge = "{\"pathwayId\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        refusedWithoutStoring(() -> asNational().body(huge).post("/pathways").then(), 413);
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        refusedWithoutStoring(() -> given().auth().oauth2(Tokens.national()).contentType(ContentType.XML)
                .body("<pathway/>").post("/pathways").then(), 415);
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka", "MongoDB connection health check"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/pathways"));
        given().get("/q/metrics").then().statusCode(200);
    }

    /** The ids of the stored keys that open {@code sealed} (AES-GCM, IV first, participant id as associated data). */
    private List<String> keysOpening(String sealed, String participantId) {
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed);
        List<String> opening = new java.util.ArrayList<>();
        for (org.bson.Document key : mongo.getDatabase("enrolment_keys").getCollection("participant_keys").find()) {
            try {
                javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(
                        key.get("key", org.bson.types.Binary.class).getData(), "AES"),
                        new javax.crypto.spec.GCMParameterSpec(128, bytes, 0, 12));
                cipher.updateAAD(participantId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                cipher.doFinal(bytes, 12, bytes.length - 12);
                opening.add(String.valueOf(key.get("_id")));
            } catch (java.security.GeneralSecurityException wrongKey) {
                // the expected outcome for every key
            }
        }
        return opening;
    }

    /** Every stored document of every database, as JSON, that contains {@code text}. */
    private List<String> documentsContaining(String text) {
        List<String> found = new java.util.ArrayList<>();
        for (String databaseName : mongo.listDatabaseNames()) {
            MongoDatabase db = mongo.getDatabase(databaseName);
            for (String collection : db.listCollectionNames()) {
                for (org.bson.Document document : db.getCollection(collection).find()) {
                    if (document.toJson().contains(text)) {
                        found.add(databaseName + "." + collection + ": " + document.get("_id"));
                    }
                }
            }
        }
        return found;
    }

    private ValidatableResponse refusedWithoutStoring(java.util.function.Supplier<ValidatableResponse> call,
                                                      int status) {
        long before = database.getCollection(MongoEventStore.COMMITS).countDocuments();
        ValidatableResponse response = call.get().statusCode(status).contentType("application/problem+json");
        assertEquals(before, database.getCollection(MongoEventStore.COMMITS).countDocuments(), "no event stored");
        return response;
    }

    private String registerChantier(String... programs) {
        return EnrolmentApi.chantier(territory, "2019-01-01", programs);
    }

    private String enrolled(String entryDate) {
        String pathwayId = UUID.randomUUID().toString();
        asNational().body(enrolment(pathwayId, entryDate)).post("/pathways").then().statusCode(201);
        return pathwayId;
    }

    private String enrolment(String pathwayId, String entryDate) {
        return """
                {"pathwayId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"%s"}"""
                .formatted(pathwayId, chantier, entryDate);
    }
}
