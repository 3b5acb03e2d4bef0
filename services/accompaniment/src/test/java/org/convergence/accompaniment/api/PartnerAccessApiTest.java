package org.convergence.accompaniment.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convergence.contracts.Topics;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.Ids;
import org.convergence.testsupport.Rest;
import org.convergence.testsupport.TestEnvelopes;
import org.convergence.testsupport.Tokens;
import org.convergence.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partners as callers: the directory kept by the territory, referrals sent by the chantier, and a partner that
 * reaches, with its own token, only the referrals addressed to it.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class PartnerAccessApiTest {

    private static final LocalDate ENTRY = LocalDate.of(2020, 1, 6);

    @Inject
    EnrolmentView view;

    private String territory;
    private String chantier;
    private String participantId;
    private String pathwayId;

    @BeforeEach
    void enrolAndAssessAPathwayAndRegisterTwoPartners() {
        EnrolledPathway enrolled = EnrolledPathway.enrolledOn(ENTRY, view);
        territory = enrolled.territory();
        chantier = enrolled.chantier();
        participantId = enrolled.participantId();
        pathwayId = enrolled.pathwayId();
        Rest.as(staff()).body("{\"assessedOn\":\"2020-01-20\",\"housingAtEntry\":\"STREET\","
                + "\"barriers\":[\"HOUSING\",\"HEALTH\"]}").post("/pathways/" + pathwayId + "/assessment")
                .then().statusCode(201);
        register("cpam", "CPAM_CONTACT").statusCode(201);
        register("landlord", "SOCIAL_LANDLORD").statusCode(201);
    }

    private ValidatableResponse register(String partnerId, String kind) {
        return Rest.as(Tokens.coordinator(territory))
                .body(Map.of("partnerId", partnerId, "name", "Partner " + partnerId, "kind", kind))
                .post("/territories/" + territory + "/partners").then();
    }

    private String staff() {
        return Tokens.staff(territory, chantier);
    }

    private String partner(String partnerId) {
        return Tokens.partner(territory, partnerId);
    }

    private String refer(String partnerId, String category, boolean consent) {
        String referralId = UUID.randomUUID().toString();
        Rest.as(staff()).body(Map.of("referralId", referralId, "pathwayId", pathwayId, "category", category,
                        "sentOn", "2020-02-03", "identitySharingConsent", consent))
                .post("/territories/" + territory + "/partners/" + partnerId + "/referrals").then().statusCode(201)
                .body("status", equalTo("SENT"));
        return referralId;
    }

    private ValidatableResponse answer(String token, String referralId, String status, String on) {
        return Rest.as(token).body(Map.of("status", status, "answeredOn", on))
                .post("/partner/referrals/" + referralId + "/answers").then();
    }

    @Test
    void thePartnerListsOnlyTheReferralsAddressedToItWithThePseudonymousIdAndWhatTheReferralNeeds() {
        String toCpam = refer("cpam", "HEALTH", true);
        refer("landlord", "HOUSING", false);

        Rest.as(partner("cpam")).get("/partner/referrals").then().statusCode(200)
                .body("referralId", contains(toCpam))
                .body("[0].participantId", equalTo(participantId))
                .body("[0].category", equalTo("HEALTH"))
                .body("[0].identitySharingConsent", equalTo(true))
                .body("[0]", not(hasKey("pathwayId")))
                .body("[0]", not(hasKey("chantierId")));
        Rest.as(Tokens.partner(Ids.fresh("t"), "cpam"))
                .get("/partner/referrals").then().statusCode(200).body("$", empty());
    }

    @Test
    void thePartnerAcceptsThenCompletesAReferralAndTheChantierSeesEachStepWithWhoRecordedIt() {
        String referralId = refer("cpam", "HEALTH", true);
        answer(partner("cpam"), referralId, "ACCEPTED", "2020-02-05").statusCode(200).body("status", equalTo("ACCEPTED"));
        answer(partner("cpam"), referralId, "COMPLETED", "2020-03-16").statusCode(200)
                .body("status", equalTo("COMPLETED"));
        answer(partner("cpam"), referralId, "DECLINED", "2020-03-17").statusCode(422)
                .body("code", equalTo("REFERRAL_STEP_NOT_ALLOWED"));

        Rest.as(staff()).get("/territories/" + territory + "/partners/cpam/referrals").then().statusCode(200)
                .body("[0].history.status", contains("SENT", "ACCEPTED", "COMPLETED"))
                .body("[0].history.recordedBy", contains("staff-" + chantier, "partner-cpam", "partner-cpam"));
    }

    @Test
    void aPartnerCannotAnswerAnotherPartnersReferralNorCancelNorTakeTheChantiersSteps() {
        String referralId = refer("cpam", "HEALTH", false);

        answer(partner("landlord"), referralId, "ACCEPTED", "2020-02-05").statusCode(403);
        answer(partner("cpam"), referralId, "CANCELLED", "2020-02-05").statusCode(422)
                .body("code", equalTo("NOT_A_PARTNER_ANSWER"));
        Rest.as(partner("cpam")).body(Map.of("cancelledOn", "2020-02-05"))
                .post("/territories/" + territory + "/partners/cpam/referrals/" + referralId + "/cancellation")
                .then().statusCode(403);
        answer(staff(), referralId, "ACCEPTED", "2020-02-05").statusCode(403);
        Rest.as(staff()).get("/partner/referrals/").then().statusCode(403);
        Rest.as(staff()).get("/partner/referrals/" + referralId).then().statusCode(404);
    }

    @Test
    void aPartnerSeesNothingOfChantiersPathwaysDirectoriesOrFigures() {
        refer("cpam", "HEALTH", true);
        String cpam = partner("cpam");
        Rest.as(cpam).get("/pathways/" + pathwayId + "/accompaniment").then().statusCode(403);
        Rest.as(cpam).get("/territories/" + territory + "/partners").then().statusCode(403);
        Rest.as(cpam).get("/territories/" + territory + "/partners/cpam/referrals").then().statusCode(403);
        Rest.as(cpam).body(Map.of("kind", "PUMA", "openedOn", "2020-04-01"))
                .post("/pathways/" + pathwayId + "/health-rights").then().statusCode(403);
        for (Map<String, String> claims : List.of(Map.of("territory", territory), Map.of("partner", "cpam"))) {
            Rest.as(Tokens.forRole("partner-half", "partner", claims)).get("/partner/referrals").then()
                    .statusCode(403);
        }
    }

    @Test
    void referralsAndAnswersArePublishedWithThePartnersKindAndNoIdentity() {
        String referralId = refer("cpam", "HEALTH", true);
        answer(partner("cpam"), referralId, "ACCEPTED", "2020-02-05").statusCode(200);

        List<ConsumerRecord<String, byte[]>> records;
        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(), Topics.ACCOMPANIMENT)) {
            records = reader.readKey(participantId, 3, Duration.ofSeconds(30));
        }
        List<String> types = records.stream().map(r -> TestEnvelopes.CODEC.decode(r.value()).type()).toList();
        assertEquals(List.of("assessment.recorded", "referral.sent", "referral.status-changed"), types);
        String accepted = new String(records.get(2).value(), StandardCharsets.UTF_8);
        assertTrue(accepted.contains("\"partnerKind\":\"CPAM_CONTACT\""), accepted);
        assertTrue(accepted.contains("\"status\":\"ACCEPTED\""), accepted);
        assertFalse(accepted.contains("Consent"), accepted);
    }

    @Test
    void theCpamContactRecordsTheHealthRightsItOpenedForAnAcceptedHealthReferralAddressedToIt() {
        String health = refer("cpam", "HEALTH", true);
        String housing = refer("landlord", "HOUSING", false);
        Map<String, String> opening = Map.of("kind", "CSS", "openedOn", "2020-03-02");
        Rest.as(partner("cpam")).body(opening).post("/partner/referrals/" + health + "/health-rights").then()
                .statusCode(422).body("code", equalTo("NOT_AN_ACCEPTED_HEALTH_REFERRAL"));
        answer(partner("cpam"), health, "ACCEPTED", "2020-02-05").statusCode(200);
        answer(partner("landlord"), housing, "ACCEPTED", "2020-02-05").statusCode(200);

        Rest.as(partner("landlord")).body(opening).post("/partner/referrals/" + health + "/health-rights").then()
                .statusCode(403);
        Rest.as(partner("landlord")).body(opening).post("/partner/referrals/" + housing + "/health-rights").then()
                .statusCode(422).body("code", equalTo("NOT_AN_ACCEPTED_HEALTH_REFERRAL"));
        Rest.as(partner("cpam")).body(opening).post("/partner/referrals/" + health + "/health-rights").then()
                .statusCode(201);

        Rest.as(staff()).get("/pathways/" + pathwayId + "/accompaniment").then().statusCode(200)
                .body("healthRights.kind", contains("CSS"))
                .body("healthRights.recordedBy", contains("partner-cpam"));
    }

    @Test
    void theChantierCancelsAnOpenReferralAndOnlyItsOwn() {
        String referralId = refer("cpam", "HEALTH", false);
        Rest.as(Tokens.staff(territory, Ids.fresh("c"))).body(Map.of("cancelledOn", "2020-02-05"))
                .post("/territories/" + territory + "/partners/cpam/referrals/" + referralId + "/cancellation")
                .then().statusCode(403);
        Rest.as(Tokens.staff(territory, Ids.fresh("c"))).get("/territories/" + territory + "/partners/cpam/referrals")
                .then().statusCode(200).body("$", empty());
        Rest.as(staff()).body(Map.of("cancelledOn", "2020-02-05"))
                .post("/territories/" + territory + "/partners/cpam/referrals/" + referralId + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        answer(partner("cpam"), referralId, "ACCEPTED", "2020-02-06").statusCode(422)
                .body("code", equalTo("REFERRAL_STEP_NOT_ALLOWED"));
    }

    @Test
    void referralsGoToPartnersOfThePathwaysTerritoryForABarrierIdentifiedOnIt() {
        Rest.as(staff()).body(Map.of("referralId", UUID.randomUUID().toString(), "pathwayId", pathwayId,
                        "category", "MOBILITY", "sentOn", "2020-02-03", "identitySharingConsent", false))
                .post("/territories/" + territory + "/partners/cpam/referrals").then().statusCode(422)
                .body("code", equalTo("BARRIER_NOT_IDENTIFIED"));
        Rest.as(staff()).body(Map.of("referralId", UUID.randomUUID().toString(), "pathwayId", pathwayId,
                        "category", "HEALTH", "sentOn", "2020-02-03", "identitySharingConsent", false))
                .post("/territories/" + territory + "/partners/nobody/referrals").then().statusCode(422)
                .body("code", equalTo("UNKNOWN_PARTNER"));
    }

    @Test
    void theDirectoryIsManagedByTheNationalTeamAndTheTerritorysCoordinatorOnly() {
        Rest.as(staff()).body(Map.of("partnerId", "epoc", "name", "EPOC", "kind", "PSYCHOLOGIST"))
                .post("/territories/" + territory + "/partners").then().statusCode(403);
        Rest.as(Tokens.coordinator(Ids.fresh("t"))).body(Map.of("partnerId", "epoc", "name", "EPOC",
                "kind", "PSYCHOLOGIST")).post("/territories/" + territory + "/partners").then().statusCode(403);
        register("cpam", "CPAM_CONTACT").statusCode(422).body("code", equalTo("PARTNER_ALREADY_REGISTERED"));
        Rest.asNational().body(Map.of("partnerId", "epoc", "name", "EPOC", "kind", "PSYCHOLOGIST"))
                .post("/territories/" + territory + "/partners").then().statusCode(201);
        Rest.as(staff()).get("/territories/" + territory + "/partners").then().statusCode(200)
                .body("partnerId", hasItem("epoc"))
                .body("find { it.partnerId == 'cpam' }.kind", equalTo("CPAM_CONTACT"));
    }
}
