package org.convergence.accompaniment.api;

import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.convergence.accompaniment.application.ReferralDeadlines;
import org.convergence.accompaniment.application.ReferralExpirySweep;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.time.BusinessDates;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.Ids;
import org.convergence.testsupport.Rest;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What follows a referral once sent: its expiry by a deadline stored in the database when left unanswered, the list
 * of a chantier's expired referrals, and the barrier a completed referral resolves. The scheduled sweep is off in
 * tests ({@code %test} profile): each test runs a sweep itself, as a fresh process would after a restart.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class ReferralLifecycleApiTest {

    private static final LocalDate ENTRY = LocalDate.of(2020, 1, 6);
    private static final Duration FOLLOW_UP = Duration.ofSeconds(30);

    @Inject
    EnrolmentView view;
    @Inject
    MongoDatabase database;
    @Inject
    Commands commands;

    private String territory;
    private String chantier;
    private String pathwayId;
    private final LocalDate today = BusinessDates.today();

    @BeforeEach
    void enrolAndAssessAPathwayAndRegisterTwoPartners() {
        EnrolledPathway enrolled = EnrolledPathway.enrolledOn(ENTRY, view);
        territory = enrolled.territory();
        chantier = enrolled.chantier();
        pathwayId = enrolled.pathwayId();
        Rest.as(staff()).body("{\"assessedOn\":\"2020-01-20\",\"housingAtEntry\":\"STREET\","
                + "\"barriers\":[\"HOUSING\",\"HEALTH\"]}").post("/pathways/" + pathwayId + "/assessment")
                .then().statusCode(201);
        for (String[] partner : new String[][]{{"cpam", "CPAM_CONTACT"}, {"landlord", "SOCIAL_LANDLORD"}}) {
            Rest.as(Tokens.coordinator(territory))
                    .body(Map.of("partnerId", partner[0], "name", "Partner " + partner[0], "kind", partner[1]))
                    .post("/territories/" + territory + "/partners").then().statusCode(201);
        }
    }

    private String staff() {
        return Tokens.staff(territory, chantier);
    }

    private String partner(String partnerId) {
        return Tokens.partner(territory, partnerId);
    }

    private String refer(String partnerId, String category, LocalDate sentOn) {
        String referralId = UUID.randomUUID().toString();
        Rest.as(staff()).body(Map.of("referralId", referralId, "pathwayId", pathwayId, "category", category,
                        "sentOn", sentOn.toString(), "identitySharingConsent", false))
                .post("/territories/" + territory + "/partners/" + partnerId + "/referrals").then().statusCode(201);
        return referralId;
    }

    private ValidatableResponse answer(String partnerId, String referralId, String status, LocalDate on) {
        return Rest.as(partner(partnerId)).body(Map.of("status", status, "answeredOn", on.toString()))
                .post("/partner/referrals/" + referralId + "/answers").then();
    }

    private boolean deadlineStored(String referralId) {
        return new ReferralDeadlines(database).dueBy(today).stream().anyMatch(d -> d.referralId().equals(referralId));
    }

    /** A sweep as a process started afresh runs it: nothing but the database carries the deadline. */
    private void sweepAfterARestart() {
        new ReferralExpirySweep(new ReferralDeadlines(database), commands).sweep(today);
    }

    private ValidatableResponse expiredList(String token) {
        return Rest.as(token).get("/chantiers/" + chantier + "/expired-referrals").then();
    }

    @Test
    void aReferralUnansweredForThirtyDaysExpiresByItsStoredDeadlineAcrossARestartAndIsListedForItsChantier() {
        LocalDate sentOn = today.minusDays(40);
        String referralId = refer("cpam", "HEALTH", sentOn);
        await().atMost(FOLLOW_UP).until(() -> deadlineStored(referralId));

        sweepAfterARestart();

        answer("cpam", referralId, "ACCEPTED", today).statusCode(422).body("code", equalTo("REFERRAL_STEP_NOT_ALLOWED"));
        Rest.as(partner("cpam")).get("/partner/referrals").then().statusCode(200)
                .body("status", contains("EXPIRED")).body("since", contains(sentOn.plusDays(30).toString()));
        Rest.as(staff()).get("/territories/" + territory + "/partners/cpam/referrals").then().statusCode(200)
                .body("[0].history.recordedBy", contains("staff-" + chantier, "referral-expiry"));
        await().atMost(FOLLOW_UP).untilAsserted(() -> expiredList(staff()).statusCode(200)
                .body("referralId", contains(referralId))
                .body("[0].partnerKind", equalTo("CPAM_CONTACT"))
                .body("[0].category", equalTo("HEALTH"))
                .body("[0].expiredOn", equalTo(sentOn.plusDays(30).toString())));
        org.junit.jupiter.api.Assertions.assertFalse(deadlineStored(referralId), "a swept deadline is dropped");
    }

    @Test
    void twoSweepsAtOnceExpireAReferralOnce() throws Exception {
        String referralId = refer("cpam", "HEALTH", today.minusDays(40));
        await().atMost(FOLLOW_UP).until(() -> deadlineStored(referralId));

        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> sweeps = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sweeps.add(replicas.submit(() -> {
                    go.await();
                    sweepAfterARestart();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> sweep : sweeps) {
                sweep.get();
            }
        } finally {
            replicas.shutdownNow();
        }
        sweepAfterARestart();

        Rest.as(staff()).get("/territories/" + territory + "/partners/cpam/referrals").then().statusCode(200)
                .body("[0].history.status", contains("SENT", "EXPIRED"));
    }

    @Test
    void aReferralIsNotExpiredBeforeItsThirtiethDayNorOnceAnswered() {
        String young = refer("cpam", "HEALTH", today.minusDays(29));
        String answered = refer("landlord", "HOUSING", today.minusDays(40));
        answer("landlord", answered, "ACCEPTED", today.minusDays(35)).statusCode(200);
        await().atMost(FOLLOW_UP).until(() -> deadlineStored(answered));

        sweepAfterARestart();
        sweepAfterARestart();

        Rest.as(partner("cpam")).get("/partner/referrals").then().body("status", contains("SENT"));
        Rest.as(partner("landlord")).get("/partner/referrals").then().body("status", contains("ACCEPTED"));
        expiredList(staff()).statusCode(200).body("referralId", not(hasItem(young)))
                .body("referralId", not(hasItem(answered)));
    }

    @Test
    void theExpiredListIsTheChantiersOwnAndNoPartnersNorEvaluators() {
        expiredList(staff()).statusCode(200);
        expiredList(Tokens.coordinator(territory)).statusCode(200);
        expiredList(Tokens.national()).statusCode(200);
        expiredList(Tokens.staff(territory, Ids.fresh("c"))).statusCode(403);
        expiredList(Tokens.coordinator(Ids.fresh("t"))).statusCode(403);
        expiredList(Tokens.evaluator()).statusCode(403);
        expiredList(partner("cpam")).statusCode(403);
        Rest.as(Tokens.national()).get("/chantiers/" + Ids.fresh("c") + "/expired-referrals").then().statusCode(404);
        Rest.as(Tokens.staff(territory, chantier)).get("/chantiers/" + Ids.fresh("c") + "/expired-referrals").then()
                .statusCode(403);
    }

    @Test
    void aCompletedHousingReferralResolvesTheHousingBarrierAsAFactTheChantierCanCorrect() {
        String referralId = refer("landlord", "HOUSING", LocalDate.of(2020, 2, 3));
        answer("landlord", referralId, "ACCEPTED", LocalDate.of(2020, 2, 10)).statusCode(200);
        answer("landlord", referralId, "COMPLETED", LocalDate.of(2020, 6, 1)).statusCode(200);

        await().atMost(FOLLOW_UP).untilAsserted(() -> Rest.as(staff()).get("/pathways/" + pathwayId
                        + "/accompaniment").then().statusCode(200)
                .body("barriers.find { it.category == 'HOUSING' }.status", equalTo("RESOLVED"))
                .body("barriers.find { it.category == 'HOUSING' }.since", equalTo("2020-06-01"))
                .body("barriers.find { it.category == 'HOUSING' }.history.recordedBy",
                        contains("staff-" + chantier, "referral:" + referralId))
                .body("barriers.find { it.category == 'HEALTH' }.status", equalTo("IDENTIFIED")));

        Rest.as(staff()).body(Map.of("category", "HOUSING", "status", "IDENTIFIED", "changedOn", "2020-06-01"))
                .post("/pathways/" + pathwayId + "/barrier-changes").then().statusCode(201)
                .body("barriers.find { it.category == 'HOUSING' }.status", equalTo("IDENTIFIED"));
    }

    @Test
    void aCompletedHealthReferralResolvesTheHealthBarrier() {
        String referralId = refer("cpam", "HEALTH", LocalDate.of(2020, 2, 3));
        answer("cpam", referralId, "ACCEPTED", LocalDate.of(2020, 2, 10)).statusCode(200);
        answer("cpam", referralId, "COMPLETED", LocalDate.of(2020, 3, 16)).statusCode(200);

        await().atMost(FOLLOW_UP).untilAsserted(() -> Rest.as(staff()).get("/pathways/" + pathwayId
                        + "/accompaniment").then()
                .body("barriers.find { it.category == 'HEALTH' }.status", equalTo("RESOLVED"))
                .body("barriers.find { it.category == 'HOUSING' }.status", equalTo("IDENTIFIED")));
    }
}
