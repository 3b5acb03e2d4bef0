package org.convergence.transitions.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.Tokens;
import org.convergence.transitions.Enrolled;
import org.convergence.transitions.HoursStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.convergence.testsupport.Rest.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** What an employer's token reaches: its own transitions, to read and follow; nothing else. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
@WithTestResource(HoursStandIn.class)
class EmployerAccessApiTest {

    @Inject
    EnrolmentView view;

    private Enrolled enrolled;
    private final String transition = UUID.randomUUID().toString();
    private String own;
    private String other;

    @BeforeEach
    void aTransitionToTheEmployersStore() {
        enrolled = new Enrolled(view);
        String pathway = enrolled.pathway("CONVERGENCE");
        as(enrolled.staff()).body("""
                {"transitionId":"%s","pathwayId":"%s","employerId":"%s","storeId":"%s","startedOn":"2020-09-07",\
                "chantierHours":26}""".formatted(transition, pathway, enrolled.employer, enrolled.store))
                .post("/transitions").then().statusCode(201);
        own = Tokens.forRole("staff-of-" + enrolled.employer, "employer", Map.of("employer", enrolled.employer));
        other = Tokens.forRole("staff-of-another", "employer", Map.of("employer", "another-employer"));
    }

    @AfterEach
    void close() {
        enrolled.close();
    }

    @Test
    void anEmployerSeesAndFollowsItsOwnTransitions() {
        as(own).get("/employers/" + enrolled.employer + "/transitions").then().statusCode(200)
                .body("transitionId", contains(transition));
        as(own).get("/transitions/" + transition).then().statusCode(200).body("storeHours", equalTo(8));
        as(own).body("""
                {"heldOn":"2020-09-21"}""").post("/transitions/" + transition + "/meetings").then().statusCode(200)
                .body("meetings", contains("2020-09-21"));
    }

    @Test
    void anEmployerSeesNothingOfAnotherEmployersTransitions() {
        as(other).get("/employers/" + enrolled.employer + "/transitions").then().statusCode(403);
        as(other).get("/transitions/" + transition).then().statusCode(403);
        as(other).get("/employers/" + enrolled.employer).then().statusCode(403);
        as(other).body("""
                {"heldOn":"2020-09-21"}""").post("/transitions/" + transition + "/meetings").then().statusCode(403);
    }

    @Test
    void anEmployerNeitherStartsNorStepsNorEndsATransitionNorReadsAlertLists() {
        as(own).body("""
                {"steppedOn":"2020-10-05","storeHours":15,"chantierHours":20}""")
                .post("/transitions/" + transition + "/steps").then().statusCode(403);
        as(own).body("""
                {"completedOn":"2020-12-01"}""").post("/transitions/" + transition + "/completion").then()
                .statusCode(403);
        as(own).body("""
                {"interruptedOn":"2020-12-01"}""").post("/transitions/" + transition + "/interruption").then()
                .statusCode(403);
        as(own).get("/chantiers/" + enrolled.chantier + "/transition-alerts").then().statusCode(403);
        as(own).get("/territories/" + enrolled.territory + "/transition-alerts").then().statusCode(403);
        as(own).body("""
                {"employerId":"mine","name":"Mine"}""").post("/employers").then().statusCode(403);
    }

    @Test
    void anEmployerTokenWithoutAWellFormedEmployerClaimReachesNothing() {
        String nameless = Tokens.forRole("someone", "employer", Map.of());
        as(nameless).get("/transitions/" + transition).then().statusCode(403);
        as(nameless).get("/employers/" + enrolled.employer + "/transitions").then().statusCode(403);
    }

    @Test
    void theStaffOfAnotherChantierReachNothingOfThisTransition() {
        String stranger = Tokens.staff(enrolled.territory, "another-chantier");
        as(stranger).get("/transitions/" + transition).then().statusCode(403);
        as(stranger).body("""
                {"steppedOn":"2020-10-05","storeHours":15,"chantierHours":20}""")
                .post("/transitions/" + transition + "/steps").then().statusCode(403);
        as(stranger).get("/chantiers/" + enrolled.chantier + "/transition-alerts").then().statusCode(403);
    }

    @Test
    void onlyTheNationalTeamRegistersEmployersAndStores() {
        as(enrolled.staff()).body("""
                {"employerId":"mine","name":"Mine"}""").post("/employers").then().statusCode(403);
        as(Tokens.coordinator(enrolled.territory)).body("""
                {"storeId":"s2","name":"S2","territoryId":"%s"}""".formatted(enrolled.territory))
                .post("/employers/" + enrolled.employer + "/stores").then().statusCode(403);
    }
}
