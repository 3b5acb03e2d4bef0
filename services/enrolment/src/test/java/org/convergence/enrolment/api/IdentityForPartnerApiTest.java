package org.convergence.enrolment.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.testsupport.EnrolmentApi;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.convergence.testsupport.Rest.as;
import static org.convergence.testsupport.Rest.asNational;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The identity door of the accompaniment service (ADR 0027): its own token, role {@code identity-reader}, reads a
 * participant's identity for the partner of a referral, and each read is written in the audit trail with the
 * partner and the referral. The role reaches nothing else; nobody else reaches this door.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class IdentityForPartnerApiTest {

    private static final String READER = Tokens.forRole("service-accompaniment", ParticipantResource.IDENTITY_READER,
            Map.of());

    private final List<String> auditLines = new CopyOnWriteArrayList<>();
    private final Handler auditCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getParameters() == null ? record.getMessage()
                    : String.format(record.getMessage(), record.getParameters());
            auditLines.add(message);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private String territory;
    private String chantier;
    private String participantId;
    private String referralId;

    @BeforeEach
    void enrolAParticipantWithAnIdentity() {
        Logger.getLogger("audit").addHandler(auditCapture);
        territory = EnrolmentApi.territory("Paris");
        chantier = EnrolmentApi.chantier(territory, "2019-01-01", "CONVERGENCE");
        participantId = asNational().body("""
                {"pathwayId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"2020-02-03",
                 "identity":{"firstName":"Ernestine","lastName":"Quillaubert-Zed","birthDate":"1975-04-03"}}"""
                .formatted(UUID.randomUUID(), chantier)).post("/pathways").then().statusCode(201)
                .extract().path("participantId");
        referralId = UUID.randomUUID().toString();
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("audit").removeHandler(auditCapture);
    }

    private String door(String partnerTerritory) {
        return "/participants/" + participantId + "/identity/through-referral/" + partnerTerritory + "/cpam/"
                + referralId;
    }

    private List<String> identityReads() {
        return auditLines.stream().filter(l -> l.startsWith("identity-read") && l.contains(participantId)).toList();
    }

    @Test
    void theIdentityReadForAPartnerIsWrittenInTheAuditTrailWithTheCallerThePartnerAndTheReferral() {
        as(READER).get(door(territory)).then().statusCode(200)
                .body("firstName", equalTo("Ernestine"))
                .body("lastName", equalTo("Quillaubert-Zed"))
                .body("birthDate", equalTo("1975-04-03"));

        assertEquals(List.of("identity-read participant=" + participantId + " subject=service-accompaniment"
                + " for-partner=" + territory + "/cpam referral=" + referralId), identityReads());
    }

    @Test
    void aPartnerOfAnotherTerritoryIsRefusedTheIdentityAndNothingIsRead() {
        as(READER).get(door("lyon")).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("PARTNER_OF_ANOTHER_TERRITORY"));
        assertEquals(List.of(), identityReads());
    }

    @Test
    void theIdentityReaderRoleReachesOnlyThisDoor() {
        as(READER).get("/participants/" + participantId + "/identity").then().statusCode(403);
        as(READER).get("/participants/" + participantId + "/timeline").then().statusCode(403);
        as(READER).get("/pathways/" + UUID.randomUUID()).then().statusCode(403);
        assertEquals(List.of(), identityReads());
    }

    @Test
    void noPersonsTokenReachesThisDoorNotEvenTheChantierWhereTheParticipantIsEnrolled() {
        for (String token : List.of(Tokens.staff(territory, chantier), Tokens.coordinator(territory),
                Tokens.national(), Tokens.partner(territory, "cpam"))) {
            as(token).get(door(territory)).then().statusCode(403);
        }
        assertEquals(List.of(), identityReads());
    }

    @Test
    void anErasedIdentityIsGoneForPartnersTooAndAnUnknownParticipantIsNotFound() {
        as(Tokens.coordinator(territory)).post("/participants/" + participantId + "/erasure").then().statusCode(204);
        as(READER).get(door(territory)).then().statusCode(410).contentType("application/problem+json");
        assertEquals(List.of(), identityReads());

        as(READER).get("/participants/" + UUID.randomUUID() + "/identity/through-referral/" + territory + "/cpam/"
                + referralId).then().statusCode(404);
        assertTrue(auditLines.stream().noneMatch(l -> l.contains("Quillaubert")), "the identity never reaches the trail");
    }
}
