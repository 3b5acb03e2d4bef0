package org.convergence.enrolment.api;

import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.testsupport.RawHttp;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST and import doors, tried as the tester of issue 12 tried them: each malformed request is refused with
 * problem+json naming what is wrong, and stores nothing.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class StrictInputApiTest {

    private static final String NDJSON = "application/x-ndjson";

    @Inject
    MongoDatabase database;

    private String territory;
    private String chantier;
    private RawHttp http;

    @BeforeEach
    void aTerritoryWithAConvergenceChantier() {
        http = new RawHttp("localhost", RestAssured.port);
        territory = "t-" + UUID.randomUUID().toString().substring(0, 8);
        chantier = "c-" + UUID.randomUUID().toString().substring(0, 8);
        post("/territories", "{\"territoryId\":\"%s\",\"name\":\"Lyon\",\"densityKind\":\"URBAN\"}"
                .formatted(territory)).then().statusCode(201);
        post("/territories/" + territory + "/chantiers", """
                {"chantierId":"%s","name":"FNDSA","programs":[{"program":"CONVERGENCE","since":"2019-01-01"}]}"""
                .formatted(chantier)).then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "true", "1.5", "null", "[\"paris\"]", "{}"})
    void anIdThatIsNotAStringIsRefusedByNameAndRegistersNothing(String id) {
        refused(() -> http.request("POST", "/territories", json(),
                ("{\"territoryId\":" + id + ",\"name\":\"X\",\"densityKind\":\"URBAN\"}").getBytes()), 400,
                "territoryId");
        refused(() -> http.request("POST", "/territories/" + territory + "/chantiers", json(),
                ("{\"chantierId\":" + id + ",\"name\":\"X\",\"programs\":[{\"program\":\"CONVERGENCE\","
                        + "\"since\":\"2019-01-01\"}]}").getBytes()), 400, "chantierId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "\"0\"", "\"ENGAGED \"", "\" ENGAGED\"", "\"ENGAGED\\u0000\"", "\"engaged\"",
            "\"\"", "null"})
    void aProgramStatusIsOneOfItsNamesExactlyNeverAnOrdinal(String status) {
        refused(() -> http.request("POST", "/territories/" + territory + "/programs/CONVERGENCE/status", json(),
                ("{\"status\":" + status + ",\"effectiveOn\":\"2020-01-01\"}").getBytes()), 400, "status");
        assertEquals("{}", given().auth().oauth2(Tokens.national()).get("/territories/" + territory).then()
                .extract().jsonPath().getMap("programs").toString(), "no status recorded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "\"0\"", "\"URBAN \"", "\"URBAN\\u0000\"", "\"urban\""})
    void aDensityKindIsOneOfItsNamesExactly(String kind) {
        refused(() -> http.request("POST", "/territories", json(), ("{\"territoryId\":\"t-" + UUID.randomUUID()
                .toString().substring(0, 8) + "\",\"name\":\"X\",\"densityKind\":" + kind + "}").getBytes()), 400,
                "densityKind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"category\":0", "\"category\":\"0\"", "\"category\":\"OTHER \"",
            "\"category\":\"OTHER\",\"housingAtExit\":0", "\"category\":\"OTHER\",\"housingAtExit\":\"STREET\\u0000\""})
    void anExitCategoryOrHousingIsOneOfItsNamesExactly(String fields) {
        String pathwayId = enrolled();
        refused(() -> http.request("POST", "/pathways/" + pathwayId + "/exit", json(),
                ("{\"exitDate\":\"2020-06-30\"," + fields + "}").getBytes()), 400,
                fields.contains("housingAtExit") ? "housingAtExit" : "category");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.5", "\"6\"", "true", "0", "13", "99999999999"})
    void aMilestoneIsAnIntegerWithinTheFollowUp(String months) {
        String pathwayId = enrolled();
        post("/pathways/" + pathwayId + "/exit", "{\"exitDate\":\"2020-06-30\",\"category\":\"OTHER\"}")
                .then().statusCode(200);
        refused(() -> http.request("POST", "/pathways/" + pathwayId + "/check-ins", json(),
                ("{\"milestoneMonths\":" + months + ",\"checkInDate\":\"2020-07-31\",\"employmentStatus\":\"OTHER\","
                        + "\"housingSituation\":\"STREET\"}").getBytes()), 400, "milestoneMonths");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2020-01-01T00:00:00Z\"", "[2020,1,1]", "12345", "\" 2020-01-01\"", "\"+002020-01-01\"",
            "\"0000-01-01\"", "\"-2020-01-01\"", "\"20200203\"", "\"2020-02-30\"", "\"1989-12-31\"", "\"9999-12-31\""})
    void aLooseOrImplausibleEntryDateIsRefusedByName(String date) {
        refused(() -> http.request("POST", "/pathways", json(), ("{\"pathwayId\":\"" + UUID.randomUUID()
                + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"" + chantier + "\",\"entryDate\":" + date + "}")
                .getBytes()), 400, "entryDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2020-01-01T00:00:00Z\"", "[1975,1,1]", "12345", "\" 1975-01-01\"", "\"+001975-01-01\"",
            "\"0000-01-01\"", "\"-1975-01-01\"", "\"1900-01-01\"", "\"2020-01-01\""})
    void aBirthDateGivesAnAgeBetween15And100(String date) {
        refused(() -> http.request("POST", "/pathways", json(), ("{\"pathwayId\":\"" + UUID.randomUUID()
                + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"" + chantier + "\",\"entryDate\":\"2020-01-06\","
                + "\"identity\":{\"firstName\":\"A\",\"lastName\":\"B\",\"birthDate\":" + date + "}}").getBytes()),
                400, "identity.birthDate");
    }

    @Test
    void aProgramStartIsNotMoreThanAYearAhead() {
        refused(() -> http.request("POST", "/territories/" + territory + "/chantiers", json(), ("{\"chantierId\":\"c-"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"X\",\"programs\":[{\"program\":"
                + "\"CONVERGENCE\",\"since\":\"9999-12-31\"}]}").getBytes()), 400, "programs[0].since");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\u0000\"", "\"\\u200B\"", "\"\\u202EnaeJ\"", "\"Jean\\u0007\"", "\"  \"", "\"\""})
    void aNameMadeOfControlOrInvisibleCharactersIsRefused(String firstName) {
        refused(() -> http.request("POST", "/pathways", json(), ("{\"pathwayId\":\"" + UUID.randomUUID()
                + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"" + chantier + "\",\"entryDate\":\"2020-01-06\","
                + "\"identity\":{\"firstName\":" + firstName + ",\"lastName\":\"B\",\"birthDate\":\"1975-01-01\"}}")
                .getBytes(StandardCharsets.UTF_8)), 400, "identity.firstName");
    }

    @Test
    void namesAreSealedNormalised() {
        String participant = post("/pathways", ("{\"pathwayId\":\"" + UUID.randomUUID() + "\",\"program\":"
                + "\"CONVERGENCE\",\"chantierId\":\"" + chantier + "\",\"entryDate\":\"2020-01-06\",\"identity\":"
                + "{\"firstName\":\" Zoe\u0308 \",\"lastName\":\"Le\u0301vy\",\"birthDate\":\"1975-01-01\"}}"))
                .then().statusCode(201).extract().path("participantId");

        given().auth().oauth2(Tokens.national()).get("/participants/" + participant + "/identity").then()
                .statusCode(200)
                .body("firstName", equalTo("Zoë"))
                .body("lastName", equalTo("Lévy"));
    }

    @Test
    void aRepeatedKeyIsRefusedWhateverItsLastValue() {
        refused(() -> http.request("POST", "/territories/" + territory + "/steering-committees", json(),
                "{\"heldOn\":\"2020-01-01\",\"heldOn\":\"x\"}".getBytes()), 400, "heldOn");
        refused(() -> http.request("POST", "/territories/" + territory + "/steering-committees", json(),
                "{\"heldOn\":\"2020-01-01\",\"heldOn\":\"2020-02-01\"}".getBytes()), 400, "heldOn");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        refused(() -> http.request("POST", "/territories/" + territory + "/steering-committees", json(),
                "{\"heldOn\":\"2020-01-01\",\"cv\":\"...\"}".getBytes()), 400, "cv");
    }

    @Test
    void aNullBodyIsRefusedAsTheBody() {
        refused(() -> http.request("POST", "/territories", json(), "null".getBytes()), 400, "body");
        refused(() -> http.request("POST", "/territories", json(), new byte[0]), 400, "body");
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWhetherDeclaredOrChunked() {
        byte[] justOver = ("{\"pathwayId\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes();
        byte[] chunked165 = ("{\"pathwayId\":\"" + "x".repeat(1_650_000) + "\"}").getBytes();
        byte[] chunked3MiB = ("{\"pathwayId\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes();

        refused(() -> http.request("POST", "/pathways", json(), justOver), 413, null);
        refused(() -> http.request("POST", "/pathways", json(), chunked3MiB), 413, null);
        refused(() -> http.sendChunked(http.head("POST", "/pathways", json()), chunked165, 8192), 413, null);
        refused(() -> http.sendChunked(http.head("POST", "/pathways", json()), chunked3MiB, 65536), 413, null);
    }

    @Test
    void aChunkedImportOverTheLimitStoresNoneOfItsLines() {
        StringBuilder file = new StringBuilder();
        while (file.length() < 1_200_000) {
            file.append(line(UUID.randomUUID().toString(), "2018-09-03")).append('\n');
        }
        refused(() -> http.sendChunked(http.head("POST", "/imports/pathways", Map.of("Authorization", bearer(),
                "Content-Type", NDJSON)), file.toString().getBytes(), 4096), 413, null);
    }

    @Test
    void aBodyNeedsAConcreteUtf8ContentTypeAndNoEncoding() {
        byte[] body = "{\"heldOn\":\"2020-01-01\"}".getBytes();
        String path = "/territories/" + territory + "/steering-committees";
        refused(() -> http.request("POST", path, Map.of("Authorization", bearer()), body), 415, null);
        refused(() -> http.request("POST", path, Map.of("Authorization", bearer(), "Content-Type", "*/*"), body), 415,
                null);
        refused(() -> http.request("POST", path, Map.of("Authorization", bearer(), "Content-Type",
                "application/json; charset=UTF-16"), body), 415, null);
        refused(() -> http.request("POST", path, Map.of("Authorization", bearer(), "Content-Type", "text/plain"),
                body), 415, null);
        refused(() -> http.request("POST", path, Map.of("Authorization", bearer(), "Content-Type",
                "application/json", "Content-Encoding", "gzip"), body), 415, null);
        refused(() -> http.request("POST", "/imports/pathways", Map.of("Authorization", bearer()),
                (line(UUID.randomUUID().toString(), "2018-09-03") + "\n").getBytes()), 415, null);
        RawHttp.Answer utf8 = http.request("POST", path, Map.of("Authorization", bearer(), "Content-Type",
                "application/json; charset=utf-8"), body);
        assertEquals(200, utf8.status(), utf8.toString());
    }

    @Test
    void aMalformedPathIdIsRefusedByName() {
        for (String id : List.of("1-1-1-1-1", "6C7D2F71-C2DB-4F84-8829-8D74F07253AA", "%24set", "a".repeat(300))) {
            refused(() -> http.request("GET", "/pathways/" + id, Map.of("Authorization", bearer()), null), 400,
                    "pathwayId");
            refused(() -> http.request("POST", "/pathways/" + id + "/exit", json(),
                    "{\"exitDate\":\"2020-06-30\",\"category\":\"OTHER\"}".getBytes()), 400, "pathwayId");
        }
        refused(() -> http.request("GET", "/territories/Paris", Map.of("Authorization", bearer()), null), 400,
                "territoryId");
        refused(() -> http.request("POST", "/territories/" + territory + "/programs/gardening/status", json(),
                "{\"status\":\"ENGAGED\",\"effectiveOn\":\"2020-01-01\"}".getBytes()), 400, "program");
    }

    @Test
    void errorsOfTheHttpLayerAreProblemsToo() {
        RawHttp.Answer longTarget = http.request("GET", "/pathways/" + "a".repeat(5000), Map.of(), null);
        assertProblem(longTarget, 414);
        RawHttp.Answer bigHeaders = http.request("GET", "/pathways/" + UUID.randomUUID(),
                Map.of("X-Padding", "b".repeat(30_000)), null);
        assertProblem(bigHeaders, 431);
        // A target that is not a URI at all is refused by Quarkus before any handler, without a body (docs: Errors).
        assertEquals(400, http.request("GET", "/pathways/%ZZ", Map.of("Authorization", bearer()), null).status());
        RawHttp.Answer method = http.request("DELETE", "/pathways", Map.of("Authorization", bearer()), null);
        assertProblem(method, 405);
        RawHttp.Answer options = http.request("OPTIONS", "/pathways", Map.of(), null);
        assertTrue(options.header("allow").contains("POST"), options.headers().toString());
        RawHttp.Answer accept = http.request("GET", "/pathways/" + UUID.randomUUID(),
                Map.of("Authorization", bearer(), "Accept", "application/xml"), null);
        assertProblem(accept, 406);
        assertProblem(http.request("GET", "/nowhere", Map.of(), null), 404);
    }

    @Test
    void aClientThatOffersHttp2IsServedLikeAnyOther() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + RestAssured.port + "/territories/" + territory
                                + "/steering-committees"))
                .header("Authorization", bearer()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"heldOn\":\"2020-01-01\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        java.net.http.HttpResponse<String> refused = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + RestAssured.port + "/territories/" + territory
                                + "/steering-committees"))
                .header("Authorization", bearer()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"heldOn\":12}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode(), refused.body());
    }

    @Test
    void anImportLineThatIsNullIsOneRejectedLineAndTheOthersAreStored() {
        String kept = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.national()).contentType(NDJSON + "; charset=UTF-8")
                .body(("null\n" + line(kept, "2018-09-03") + "\n[]\n").getBytes(StandardCharsets.UTF_8))
                .post("/imports/pathways").then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected.line", equalTo(List.of(1, 3)))
                .body("rejected[0].reason", equalTo("the line must be one JSON object, not null"));
        given().auth().oauth2(Tokens.national()).get("/pathways/" + kept).then().statusCode(200);
    }

    @Test
    void anImportStoresNothingUnderAnIdPostPathwaysWouldRefuse() {
        long before = commits();
        given().auth().oauth2(Tokens.national()).contentType(NDJSON + "; charset=UTF-8")
                .body((line("1-1-1-1-1", "2018-09-03") + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/imports/pathways").then().statusCode(200)
                .body("accepted", equalTo(0))
                .body("rejected[0].reason", equalTo("pathwayId: must be a lowercase UUID (8-4-4-4-12 hexadecimal digits)"));
        given().auth().oauth2(Tokens.national()).contentType("text/csv")
                .body(("pathwayId,program,chantierId,entryDate\n1-1-1-1-1,CONVERGENCE," + chantier + ",2018-09-03\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/imports/pathways").then().statusCode(200)
                .body("accepted", equalTo(0));
        assertEquals(before, commits(), "nothing stored");
        post("/pathways", "{\"pathwayId\":\"1-1-1-1-1\",\"program\":\"CONVERGENCE\",\"chantierId\":\"" + chantier
                + "\",\"entryDate\":\"2018-09-03\"}").then().statusCode(400);
    }

    @Test
    void importReasonsCarryNoClassNameAndEchoNoMoreThanAnEscapedExcerpt() {
        String hostile = "<script>alert(1)</script>\u202E" + "x".repeat(100_000);
        String file = String.join("\n",
                line(hostile, "2018-09-03"),
                line(UUID.randomUUID().toString(), "2020-13-01"),
                line(UUID.randomUUID().toString(), hostile),
                "{\"pathwayId\":\"" + UUID.randomUUID() + "\",\"" + hostile + "\":1}",
                "{\"pathwayId\": " + hostile,
                "");
        String answer = given().auth().oauth2(Tokens.national()).contentType(NDJSON + "; charset=UTF-8")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/imports/pathways").then().statusCode(200)
                .body("rejected.line", equalTo(List.of(1, 2, 3, 4, 5)))
                .extract().asString();
        assertTrue(answer.length() < 2_000, "a bounded answer, not " + answer.length() + " characters");
        for (String leak : List.of("<script", "\u202E", "org.convergence", "java.", "Exception", "ImportLine")) {
            assertFalse(answer.contains(leak), leak + " in " + answer);
        }
    }

    @Test
    void reImportingAnEndedLineOfAParticipantWithAnOpenPathwayIsAlreadyImported() {
        String participant = UUID.randomUUID().toString();
        String ended = UUID.randomUUID().toString();
        String endedLine = "{\"pathwayId\":\"" + ended + "\",\"participantId\":\"" + participant
                + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"" + chantier + "\",\"entryDate\":\"2016-01-04\","
                + "\"exit\":{\"date\":\"2018-06-29\",\"category\":\"OTHER\"}}";
        importLines(endedLine).body("accepted", equalTo(1));
        post("/pathways", "{\"pathwayId\":\"" + UUID.randomUUID() + "\",\"participantId\":\"" + participant
                + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"" + chantier + "\",\"entryDate\":\"2019-01-07\"}")
                .then().statusCode(201);

        long before = commits();
        importLines(endedLine).body("accepted", equalTo(0)).body("alreadyImported", equalTo(1))
                .body("rejected", equalTo(List.of()));
        assertEquals(before, commits());
    }

    private io.restassured.response.ValidatableResponse importLines(String... lines) {
        return given().auth().oauth2(Tokens.national()).contentType(NDJSON + "; charset=UTF-8")
                .body((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/imports/pathways").then().statusCode(200);
    }

    private String line(String pathwayId, String entryDate) {
        return "{\"pathwayId\":\"" + pathwayId + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"" + chantier
                + "\",\"entryDate\":\"" + entryDate + "\"}";
    }

    private String enrolled() {
        String pathwayId = UUID.randomUUID().toString();
        post("/pathways", "{\"pathwayId\":\"" + pathwayId + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\""
                + chantier + "\",\"entryDate\":\"2019-05-02\"}").then().statusCode(201);
        return pathwayId;
    }

    private static io.restassured.response.Response post(String path, String body) {
        return given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(body.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    private static String bearer() {
        return "Bearer " + Tokens.national();
    }

    private static Map<String, String> json() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", bearer());
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private long commits() {
        return database.getCollection(MongoEventStore.COMMITS).countDocuments();
    }

    /** Refused with this status as problem+json, naming {@code field} if given, with nothing stored. */
    private void refused(Supplier<RawHttp.Answer> call, int status, String field) {
        long before = commits();
        RawHttp.Answer answer = call.get();
        assertProblem(answer, status);
        if (field != null) {
            assertTrue(answer.body().contains("\"field\":\"" + field + "\""), "names " + field + ": " + answer);
        }
        assertEquals(before, commits(), "no event stored: " + answer);
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.contentType(), answer.toString());
        assertTrue(answer.body().contains("\"status\":" + status), answer.toString());
        assertTrue(answer.body().length() < 2_000, "bounded: " + answer.body().length());
        assertFalse(answer.body().contains("org.convergence") || answer.body().contains("java.")
                || answer.body().contains("Exception"), answer.toString());
    }
}
