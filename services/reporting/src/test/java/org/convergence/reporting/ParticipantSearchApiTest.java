package org.convergence.reporting;

import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.Ids;
import org.convergence.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.convergence.testsupport.Rest.as;
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
        String territory = Ids.fresh("t");
        String a = territory + "-a";
        String b = territory + "-b";
        try (EnrolmentFacts facts = new EnrolmentFacts(territory)) {
            facts.chantier(a, CV, LocalDate.of(2015, 1, 1));
            facts.chantier(b, PH, LocalDate.of(2015, 1, 1));
            facts.enrol(id(territory, "p1"), id(territory, "pw1"), CV, a, LocalDate.of(2019, 3, 4));
            facts.enrol(id(territory, "p2"), id(territory, "pw2"), CV, a, LocalDate.of(2020, 1, 6));
            facts.exit(id(territory, "p2"), id(territory, "pw2"), CV, a, LocalDate.of(2021, 6, 30));
            facts.enrol(id(territory, "p3"), id(territory, "pw3"), CV, a, LocalDate.of(2016, 5, 2));
            facts.exit(id(territory, "p3"), id(territory, "pw3"), CV, a, LocalDate.of(2018, 5, 31));
            facts.enrol(id(territory, "p4"), id(territory, "pw4"), PH, b, LocalDate.of(2021, 9, 6));
        }
        RequestSpecification coordinator = as(Tokens.of("territory-coordinator", Map.of("territory", territory)));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                as(Tokens.of("territory-coordinator", Map.of("territory", territory)))
                        .get("/participants?asOf=2022-01-31").then().statusCode(200)
                        .body("total", equalTo(4))
                        .body("items.participantId", equalTo(List.of(id(territory, "p4"), id(territory, "p2"),
                                id(territory, "p1"), id(territory, "p3")))));

        coordinator.get("/participants?asOf=2022-01-31&status=IN_FOLLOW_UP").then().statusCode(200)
                .body("items.participantId", equalTo(List.of(id(territory, "p2"))))
                .body("items[0].pathways[0].exitDate", equalTo("2021-06-30"));
        as(Tokens.of("territory-coordinator", Map.of("territory", territory)))
                .get("/participants?asOf=2022-01-31&status=ENDED").then()
                .body("items.participantId", equalTo(List.of(id(territory, "p3"))));
        as(Tokens.of("territory-coordinator", Map.of("territory", territory)))
                .get("/participants?program=PREMIERES_HEURES").then()
                .body("items.participantId", equalTo(List.of(id(territory, "p4"))));
        as(Tokens.of("territory-coordinator", Map.of("territory", territory)))
                .get("/participants?asOf=2022-01-31&size=2&page=1").then()
                .body("total", equalTo(4))
                .body("items.participantId", equalTo(List.of(id(territory, "p1"), id(territory, "p3"))));

        as(Tokens.of("chantier-staff", Map.of("territory", territory, "chantier", b))).get("/participants").then()
                .statusCode(200)
                .body("items.participantId", equalTo(List.of(id(territory, "p4"))));
        as(Tokens.of("chantier-staff", Map.of("territory", territory, "chantier", b)))
                .get("/participants?chantierId=" + a).then().statusCode(403);
        as(Tokens.of("territory-coordinator", Map.of("territory", "elsewhere")))
                .get("/participants?territoryId=" + territory).then().statusCode(403);
        // The same answer whether the other territory's chantier exists or not.
        as(Tokens.of("territory-coordinator", Map.of("territory", "elsewhere")))
                .get("/participants?territoryId=elsewhere&chantierId=" + a).then().statusCode(403);
        as(Tokens.of("national", Map.of())).get("/participants?chantierId=" + a + "&status=ACTIVE&asOf=2022-01-31")
                .then().statusCode(200)
                .body("items.participantId", equalTo(List.of(id(territory, "p1"))));
        as(Tokens.of("evaluator", Map.of())).get("/participants").then().statusCode(403);
    }

    @Test
    void anUnknownStatusOrAnOversizedPageIsABadRequest() {
        RequestSpecification national = as(Tokens.of("national", Map.of()));
        national.get("/participants?status=GONE").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        as(Tokens.of("national", Map.of())).get("/participants?size=1000").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** A pathway or participant id (a lowercase UUID, as the contracts require) for a label of one territory. */
    private static String id(String territory, String label) {
        return UUID.nameUUIDFromBytes((territory + "/" + label).getBytes(StandardCharsets.UTF_8)).toString();
    }


}
