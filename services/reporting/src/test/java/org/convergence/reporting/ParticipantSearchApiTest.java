package org.convergence.reporting;

import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Paged search of participants in the caller's scope, by chantier, program and status. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class ParticipantSearchApiTest {

    private static final String CV = "CONVERGENCE";
    private static final String PH = "PREMIERES_HEURES";

    @Test
    void participantsAreFoundInTheCallersScopeByChantierProgramAndStatusAndPaged() {
        String territory = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String a = territory + "-a";
        String b = territory + "-b";
        String p1 = History.uuid();
        String p2 = History.uuid();
        String p3 = History.uuid();
        String p4 = History.uuid();
        try (EnrolmentFacts facts = new EnrolmentFacts(territory)) {
            facts.chantier(a, CV, LocalDate.of(2015, 1, 1));
            facts.chantier(b, PH, LocalDate.of(2015, 1, 1));
            facts.enrol(p1, History.uuid(), CV, a, LocalDate.of(2019, 3, 4));
            String pw2 = History.uuid();
            facts.enrol(p2, pw2, CV, a, LocalDate.of(2020, 1, 6));
            facts.exit(p2, pw2, CV, a, LocalDate.of(2021, 6, 30));
            String pw3 = History.uuid();
            facts.enrol(p3, pw3, CV, a, LocalDate.of(2016, 5, 2));
            facts.exit(p3, pw3, CV, a, LocalDate.of(2018, 5, 31));
            facts.enrol(p4, History.uuid(), PH, b, LocalDate.of(2021, 9, 6));
        }
        RequestSpecification coordinator = as(token("territory-coordinator", Map.of("territory", territory)));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                as(token("territory-coordinator", Map.of("territory", territory)))
                        .get("/participants?asOf=2022-01-31").then().statusCode(200)
                        .body("total", equalTo(4))
                        .body("items.participantId", equalTo(List.of(p4, p2, p1, p3))));

        coordinator.get("/participants?asOf=2022-01-31&status=IN_FOLLOW_UP").then().statusCode(200)
                .body("items.participantId", equalTo(List.of(p2)))
                .body("items[0].pathways[0].exitDate", equalTo("2021-06-30"));
        as(token("territory-coordinator", Map.of("territory", territory)))
                .get("/participants?asOf=2022-01-31&status=ENDED").then()
                .body("items.participantId", equalTo(List.of(p3)));
        as(token("territory-coordinator", Map.of("territory", territory)))
                .get("/participants?program=PREMIERES_HEURES").then()
                .body("items.participantId", equalTo(List.of(p4)));
        as(token("territory-coordinator", Map.of("territory", territory)))
                .get("/participants?asOf=2022-01-31&size=2&page=1").then()
                .body("total", equalTo(4))
                .body("items.participantId", equalTo(List.of(p1, p3)));

        as(token("chantier-staff", Map.of("territory", territory, "chantier", b))).get("/participants").then()
                .statusCode(200)
                .body("items.participantId", equalTo(List.of(p4)));
        as(token("chantier-staff", Map.of("territory", territory, "chantier", b)))
                .get("/participants?chantierId=" + a).then().statusCode(403);
        as(token("territory-coordinator", Map.of("territory", "elsewhere")))
                .get("/participants?territoryId=" + territory).then().statusCode(403);
        // The same answer whether the other territory's chantier exists or not.
        as(token("territory-coordinator", Map.of("territory", "elsewhere")))
                .get("/participants?territoryId=elsewhere&chantierId=" + a).then().statusCode(403);
        as(token("national", Map.of())).get("/participants?chantierId=" + a + "&status=ACTIVE&asOf=2022-01-31")
                .then().statusCode(200)
                .body("items.participantId", equalTo(List.of(p1)));
        as(token("evaluator", Map.of())).get("/participants").then().statusCode(403);
    }

    @Test
    void anUnknownStatusOrAnOversizedPageIsABadRequest() {
        RequestSpecification national = as(token("national", Map.of()));
        national.get("/participants?status=GONE").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        as(token("national", Map.of())).get("/participants?size=1000").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    private static String token(String role, Map<String, String> claims) {
        return Tokens.forRole(role + "-user", role, claims);
    }
}
