package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One participant's journey through every service, each in its own process with the real broker (as README
 * command 1 runs them), with partners calling with their own tokens (issue 9, ADR 0017 and 0027): enrolment with an
 * identity, entry assessment (housing and health barriers), a HEALTH referral sent with consent to the territory's
 * CPAM contact and a HOUSING one without consent to a social landlord; the CPAM contact lists and accepts its
 * referral, reads the participant's identity (enrolment writes the read in its audit trail, naming the partner and
 * the referral), records the health rights it opened and completes the referral; the landlord is refused the
 * identity and declines; the chantier resolves housing and holds a speech group; the participant exits to durable employment; reporting's
 * 2020 figures for the territory are read back with exact values.
 */
class PartnerJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String TERRITORY = "marseille";
    private static final String CHANTIER = "chantier-du-port";

    private static Path dataDir;
    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws IOException {
        StackLayout layout = StackLayout.forTestRun("deploy/local-stack", "journey-");
        dataDir = layout.dataDir();
        stack = new LocalStack(layout);
        stack.start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aParticipantGoesFromEnrolmentThroughAPartnersAnswersToExitAndTheFiguresCountEachStep() throws Exception {
        String national = stack.token("national", Map.of());
        String coordinator = stack.token("territory-coordinator", Map.of("territory", TERRITORY));
        String staff = stack.token("chantier-staff", Map.of("territory", TERRITORY, "chantier", CHANTIER));
        String cpam = stack.token("partner", Map.of("territory", TERRITORY, "partner", "cpam-13"));
        String landlord = stack.token("partner", Map.of("territory", TERRITORY, "partner", "habitat-13"));

        ok(post(national, "enrolment", "/territories", """
                {"territoryId":"%s","name":"Marseille","densityKind":"URBAN"}""".formatted(TERRITORY)));
        ok(post(national, "enrolment", "/territories/" + TERRITORY + "/chantiers", """
                {"chantierId":"%s","name":"Chantier du port","programs":[{"program":"CONVERGENCE","since":"2019-01-01"}]}"""
                .formatted(CHANTIER)));
        String pathwayId = UUID.randomUUID().toString();
        String participantId = ok(post(staff, "enrolment", "/pathways", """
                {"pathwayId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"2020-01-06",
                 "identity":{"firstName":"Ernestine","lastName":"Quillaubert-Zed","birthDate":"1975-04-03"}}"""
                .formatted(pathwayId, CHANTIER))).get("participantId").asText();
        awaitStatus(staff, "accompaniment", "/pathways/" + pathwayId + "/accompaniment", 200);

        ok(post(staff, "accompaniment", "/pathways/" + pathwayId + "/assessment", """
                {"assessedOn":"2020-01-20","housingAtEntry":"STREET","barriers":["HOUSING","HEALTH"]}"""));
        ok(post(coordinator, "accompaniment", "/territories/" + TERRITORY + "/partners", """
                {"partnerId":"cpam-13","name":"CPAM des Bouches-du-Rhône","kind":"CPAM_CONTACT"}"""));
        ok(post(coordinator, "accompaniment", "/territories/" + TERRITORY + "/partners", """
                {"partnerId":"habitat-13","name":"Habitat 13","kind":"SOCIAL_LANDLORD"}"""));
        String health = UUID.randomUUID().toString();
        ok(post(staff, "accompaniment", "/territories/" + TERRITORY + "/partners/cpam-13/referrals", """
                {"referralId":"%s","pathwayId":"%s","category":"HEALTH","sentOn":"2020-02-03",
                 "identitySharingConsent":true}""".formatted(health, pathwayId)));
        String housing = UUID.randomUUID().toString();
        ok(post(staff, "accompaniment", "/territories/" + TERRITORY + "/partners/habitat-13/referrals", """
                {"referralId":"%s","pathwayId":"%s","category":"HOUSING","sentOn":"2020-02-03",
                 "identitySharingConsent":false}""".formatted(housing, pathwayId)));

        // The CPAM contact, with its own token: its inbox holds its referral only, pseudonymous.
        JsonNode inbox = ok(get(cpam, "accompaniment", "/partner/referrals"));
        assertEquals(1, inbox.size());
        assertEquals(health, inbox.get(0).get("referralId").asText());
        assertEquals(participantId, inbox.get(0).get("participantId").asText());
        assertFalse(inbox.get(0).has("pathwayId"), "a partner does not see the pathway id");
        ok(post(cpam, "accompaniment", "/partner/referrals/" + health + "/answers", """
                {"status":"ACCEPTED","answeredOn":"2020-02-05"}"""));
        JsonNode identity = ok(get(cpam, "accompaniment", "/partner/referrals/" + health + "/identity"));
        assertEquals("Quillaubert-Zed", identity.get("lastName").asText());
        assertEquals("Ernestine", identity.get("firstName").asText());
        assertEquals("1975-04-03", identity.get("birthDate").asText());
        assertTrue(Files.readString(dataDir.resolve("logs/enrolment.log")).contains("identity-read participant="
                        + participantId + " subject=service-accompaniment for-partner=" + TERRITORY + "/cpam-13 referral="
                        + health), "enrolment's audit trail names the partner and the referral of the read");
        ok(post(cpam, "accompaniment", "/partner/referrals/" + health + "/health-rights", """
                {"kind":"PUMA","openedOn":"2020-03-02"}"""));
        ok(post(cpam, "accompaniment", "/partner/referrals/" + health + "/answers", """
                {"status":"COMPLETED","answeredOn":"2020-03-16"}"""));
        assertEquals("REFERRAL_NOT_OPEN", refused(get(cpam, "accompaniment", "/partner/referrals/" + health
                + "/identity"), 422));

        // The landlord: no consent was recorded with its referral, and the CPAM's referral is not its own.
        assertEquals("NO_IDENTITY_SHARING_CONSENT", refused(get(landlord, "accompaniment", "/partner/referrals/"
                + housing + "/identity"), 422));
        assertEquals("REFERRAL_NOT_ADDRESSED_TO_CALLER", refused(get(landlord, "accompaniment", "/partner/referrals/"
                + health + "/identity"), 403));
        assertEquals(403, get(landlord, "enrolment", "/participants/" + participantId + "/identity").statusCode());
        ok(post(landlord, "accompaniment", "/partner/referrals/" + housing + "/answers", """
                {"status":"DECLINED","answeredOn":"2020-02-10"}"""));

        ok(post(staff, "accompaniment", "/pathways/" + pathwayId + "/barrier-changes", """
                {"category":"HOUSING","status":"IN_PROGRESS","changedOn":"2020-04-01"}"""));
        ok(post(staff, "accompaniment", "/pathways/" + pathwayId + "/barrier-changes", """
                {"category":"HOUSING","status":"RESOLVED","changedOn":"2020-08-03"}"""));
        ok(post(staff, "accompaniment", "/chantiers/" + CHANTIER + "/support-sessions", """
                {"sessionId":"%s","kind":"SPEECH_GROUP","heldOn":"2020-05-12","participants":6}"""
                .formatted(UUID.randomUUID())));
        ok(post(staff, "enrolment", "/pathways/" + pathwayId + "/exit", """
                {"exitDate":"2020-09-30","category":"DURABLE_EMPLOYMENT"}"""));

        JsonNode figures = awaitFigures(national);
        assertEquals(1, figures.get("accompanied").asInt(), "accompanied");
        assertEquals(1, figures.get("exits").asInt(), "exits");
        assertRate(figures, "dynamicExits", 1, 1);
        assertRate(figures, "housingResolved", 1, 1);
        assertRate(figures, "healthRightsOpened", 1, 1);
        assertOutcomes(figures, "cpamContact", 1, 1, 0, 0, 0);
        assertOutcomes(figures, "socialLandlord", 1, 0, 1, 0, 0);
        assertOutcomes(figures, "psychologist", 0, 0, 0, 0, 0);
        assertEquals(1, figures.at("/accompanimentActivity/supportSessions/speechGroup/sessions").asInt(),
                "speech-group sessions");
        assertEquals(6, figures.at("/accompanimentActivity/supportSessions/speechGroup/participants").asInt(),
                "speech-group participants");
        assertEquals(0, figures.at("/accompanimentActivity/supportSessions/flashCoaching/sessions").asInt(),
                "flash-coaching sessions");
    }

    private static void assertRate(JsonNode figures, String name, int numerator, int denominator) {
        assertEquals(numerator, figures.at("/" + name + "/numerator").asInt(), name + " numerator");
        assertEquals(denominator, figures.at("/" + name + "/denominator").asInt(), name + " denominator");
    }

    private static void assertOutcomes(JsonNode figures, String kind, int... sentCompletedDeclinedCancelledExpired) {
        JsonNode outcomes = figures.at("/accompanimentActivity/referrals/" + kind);
        List<String> names = List.of("sent", "completed", "declined", "cancelled", "expired");
        for (int i = 0; i < names.size(); i++) {
            assertEquals(sentCompletedDeclinedCancelledExpired[i], outcomes.get(names.get(i)).asInt(),
                    kind + " " + names.get(i));
        }
    }

    /** The 2020 figures once the last facts are in (health rights, both answers, the session, the exit), read again. */
    private static JsonNode awaitFigures(String national) throws Exception {
        String path = "/figures/territories/" + TERRITORY + "/2020";
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(national, "reporting", path);
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (last.at("/healthRightsOpened/numerator").asInt() == 1 && last.path("exits").asInt() == 1
                        && last.at("/housingResolved/denominator").asInt() == 1
                        && last.at("/accompanimentActivity/referrals/cpamContact/completed").asInt() == 1
                        && last.at("/accompanimentActivity/referrals/socialLandlord/declined").asInt() == 1
                        && last.at("/accompanimentActivity/supportSessions/speechGroup/sessions").asInt() == 1) {
                    Thread.sleep(2_000); // a last look: nothing else may move
                    return ok(get(national, "reporting", path));
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(TERRITORY + " 2020 figures never complete; last seen " + last);
    }

    private static void awaitStatus(String token, String service, String path, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (get(token, service, path).statusCode() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(service + path + " never answered " + status);
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode ok(HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static String refused(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.uri() + ": " + response.body());
        return JSON.readTree(response.body()).path("code").asText();
    }

    private static HttpResponse<String> get(String token, String service, String path)
            throws IOException, InterruptedException {
        return send(token, HttpRequest.newBuilder().uri(URI.create(stack.baseUrl(service) + path)).GET());
    }

    private static HttpResponse<String> post(String token, String service, String path, String body)
            throws IOException, InterruptedException {
        return send(token, HttpRequest.newBuilder().uri(URI.create(stack.baseUrl(service) + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(String token, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return HTTP.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
