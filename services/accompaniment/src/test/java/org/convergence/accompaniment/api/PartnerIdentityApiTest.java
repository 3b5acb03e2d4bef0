package org.convergence.accompaniment.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.accompaniment.domain.PartnerMessages.ExpireReferralCommand;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.Rest;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A partner reads the identity of the participant of a referral addressed to it, kept by the enrolment service,
 * only while the referral is open and only if the participant's consent was recorded with it; each read is written
 * in the participant's access trail here and named, with the partner and the referral, at enrolment (ADR 0027).
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
@WithTestResource(EnrolmentStandIn.class)
class PartnerIdentityApiTest {

    private static final LocalDate ENTRY = LocalDate.of(2020, 1, 6);

    @Inject
    EnrolmentView view;
    @Inject
    Commands commands;

    private String territory;
    private String chantier;
    private String participantId;
    private String pathwayId;

    @BeforeEach
    void enrolAssessAndRegisterTwoPartners() {
        EnrolledPathway enrolled = EnrolledPathway.enrolledOn(ENTRY, view);
        territory = enrolled.territory();
        chantier = enrolled.chantier();
        participantId = enrolled.participantId();
        pathwayId = enrolled.pathwayId();
        EnrolmentStandIn.knows(participantId, "Ernestine", "Quillaubert-Zed", "1975-04-03");
        Rest.as(Tokens.staff(territory, chantier)).body("{\"assessedOn\":\"2020-01-20\",\"housingAtEntry\":\"STREET\","
                + "\"barriers\":[\"HOUSING\",\"HEALTH\"]}").post("/pathways/" + pathwayId + "/assessment")
                .then().statusCode(201);
        for (String partner : List.of("cpam", "landlord")) {
            Rest.as(Tokens.coordinator(territory)).body(Map.of("partnerId", partner, "name", "Partner " + partner,
                    "kind", partner.equals("cpam") ? "CPAM_CONTACT" : "SOCIAL_LANDLORD"))
                    .post("/territories/" + territory + "/partners").then().statusCode(201);
        }
    }

    private String refer(String partnerId, String category, boolean consent) {
        String referralId = UUID.randomUUID().toString();
        Rest.as(Tokens.staff(territory, chantier)).body(Map.of("referralId", referralId, "pathwayId", pathwayId,
                        "category", category, "sentOn", "2020-02-03", "identitySharingConsent", consent))
                .post("/territories/" + territory + "/partners/" + partnerId + "/referrals").then().statusCode(201);
        return referralId;
    }

    private void answer(String partnerId, String referralId, String status, String on) {
        Rest.as(Tokens.partner(territory, partnerId)).body(Map.of("status", status, "answeredOn", on))
                .post("/partner/referrals/" + referralId + "/answers").then().statusCode(200);
    }

    private ValidatableResponse identity(String token, String referralId) {
        return Rest.as(token).get("/partner/referrals/" + referralId + "/identity").then();
    }

    private ValidatableResponse trail() {
        return Rest.as(Tokens.national()).get("/participants/" + participantId + "/access-trail/"
                + Year.now(ZoneId.of("Europe/Paris")).getValue()).then().statusCode(200);
    }

    @Test
    void thePartnerOfAnOpenReferralSentWithConsentReadsTheNamesAndBirthDateAndNothingMore() {
        String referralId = refer("cpam", "HEALTH", true);

        identity(Tokens.partner(territory, "cpam"), referralId).statusCode(200)
                .body("referralId", equalTo(referralId))
                .body("participantId", equalTo(participantId))
                .body("firstName", equalTo("Ernestine"))
                .body("lastName", equalTo("Quillaubert-Zed"))
                .body("birthDate", equalTo("1975-04-03"))
                .body("keySet()", equalTo(java.util.Set.of("referralId", "participantId", "firstName", "lastName",
                        "birthDate")));
        answer("cpam", referralId, "ACCEPTED", "2020-02-05");
        identity(Tokens.partner(territory, "cpam"), referralId).statusCode(200)
                .body("lastName", equalTo("Quillaubert-Zed"));
    }

    @Test
    void eachReadIsInTheParticipantsTrailAndEnrolmentIsToldThePartnerAndTheReferral() {
        String referralId = refer("cpam", "HEALTH", true);

        identity(Tokens.partner(territory, "cpam"), referralId).statusCode(200);

        trail().body("[0].subject", equalTo("partner-cpam"))
                .body("[0].what", equalTo("identity-through-referral:" + referralId))
                .body("[0].pathwayId", equalTo(pathwayId));
        assertEquals(List.of("/participants/" + participantId + "/identity/through-referral/" + territory + "/cpam/"
                + referralId), EnrolmentStandIn.readsOf(participantId));
    }

    @Test
    void withoutConsentRecordedWithTheReferralThePartnerGetsNoIdentity() {
        String referralId = refer("cpam", "HEALTH", false);

        identity(Tokens.partner(territory, "cpam"), referralId).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("NO_IDENTITY_SHARING_CONSENT"));
        assertEquals(List.of(), EnrolmentStandIn.readsOf(participantId));
    }

    @Test
    void onceTheReferralIsClosedCompletedDeclinedCancelledOrExpiredThePartnerGetsNoIdentity() {
        String completed = refer("cpam", "HEALTH", true);
        answer("cpam", completed, "ACCEPTED", "2020-02-05");
        answer("cpam", completed, "COMPLETED", "2020-03-02");
        String declined = refer("cpam", "HEALTH", true);
        answer("cpam", declined, "DECLINED", "2020-02-05");
        String cancelled = refer("cpam", "HEALTH", true);
        Rest.as(Tokens.staff(territory, chantier)).body(Map.of("cancelledOn", "2020-02-06"))
                .post("/territories/" + territory + "/partners/cpam/referrals/" + cancelled + "/cancellation")
                .then().statusCode(200);
        String expired = refer("cpam", "HEALTH", true);
        RecordedBy.as("referral-expiry", () -> commands.send(new ExpireReferralCommand(territory, "cpam", expired)));
        Rest.as(Tokens.partner(territory, "cpam")).get("/partner/referrals").then()
                .body("find { it.referralId == '" + expired + "' }.status", equalTo("EXPIRED"));

        for (String referralId : List.of(completed, declined, cancelled, expired)) {
            identity(Tokens.partner(territory, "cpam"), referralId).statusCode(422)
                    .body("code", equalTo("REFERRAL_NOT_OPEN"));
        }
        assertEquals(List.of(), EnrolmentStandIn.readsOf(participantId));
    }

    @Test
    void anotherPartnersReferralAndAnUnknownOneGetTheSameRefusal() {
        String toCpam = refer("cpam", "HEALTH", true);

        identity(Tokens.partner(territory, "landlord"), toCpam).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("REFERRAL_NOT_ADDRESSED_TO_CALLER"));
        identity(Tokens.partner(territory, "cpam"), UUID.randomUUID().toString()).statusCode(403)
                .body("code", equalTo("REFERRAL_NOT_ADDRESSED_TO_CALLER"));
        identity(Tokens.partner("another-territory", "cpam"), toCpam).statusCode(403)
                .body("code", equalTo("REFERRAL_NOT_ADDRESSED_TO_CALLER"));
        assertEquals(List.of(), EnrolmentStandIn.readsOf(participantId));
        trail().body("what", not(hasItem("identity-through-referral:" + toCpam)));
    }

    @Test
    void theChantiersStaffOrAnyOtherRoleDoesNotReadTheIdentityThroughThisDoor() {
        String referralId = refer("cpam", "HEALTH", true);

        for (String token : List.of(Tokens.staff(territory, chantier), Tokens.staff(territory, "another-chantier"),
                Tokens.coordinator(territory), Tokens.national(), Tokens.evaluator())) {
            identity(token, referralId).statusCode(403);
        }
        assertEquals(List.of(), EnrolmentStandIn.readsOf(participantId));
    }

    @Test
    void anErasedIdentityIsGoneForThePartner() {
        String referralId = refer("cpam", "HEALTH", true);
        EnrolmentStandIn.erased(participantId);

        identity(Tokens.partner(territory, "cpam"), referralId).statusCode(410)
                .body("code", equalTo("IDENTITY_ERASED"));
    }
}
