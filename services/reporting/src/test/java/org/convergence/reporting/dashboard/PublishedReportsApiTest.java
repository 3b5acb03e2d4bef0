package org.convergence.reporting.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Published annual reports through the API: immutable, published once, read under the figures' scopes. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class PublishedReportsApiTest {

    @Inject
    FiguresService figures;

    @Test
    void aPublishedReportKeepsItsFiguresWhenACorrectionArrivesWhileTheLiveFiguresMove() {
        int year = 2012;
        try (Scenario scenario = new Scenario(year).awaitFigures(figures)) {
            publish(year).then().statusCode(201).body("year", equalTo(year));
            scenario.correctLeaverToDurableEmployment(figures);

            as(Tokens.national()).get("/figures/territories/{t}/{y}", scenario.territory, year).then()
                    .statusCode(200).body("dynamicExits.numerator", equalTo(1));
            as(Tokens.national()).get("/reports/{y}/territories/{t}", year, scenario.territory).then()
                    .statusCode(200).body("figures.dynamicExits.numerator", equalTo(0))
                    .body("figures.dynamicExits.denominator", equalTo(1))
                    .body("figures.accompanied", equalTo(3));
            as(Tokens.national()).get("/reports/{y}/chantiers/{c}", year, scenario.chantier).then()
                    .statusCode(200).body("figures.figures.dynamicExits.numerator", equalTo(0));
            assertEquals("0", csvCell(as(Tokens.national()).get("/exports/published/territories/{t}/{y}",
                    scenario.territory, year), "Sorties dynamiques (règle ASP) : numérateur"), "published CSV");
            assertEquals("1", csvCell(as(Tokens.national()).get("/exports/territories/{t}/{y}",
                    scenario.territory, year), "Sorties dynamiques (règle ASP) : numérateur"), "live CSV");
            as(Tokens.national()).get("/reports/{y}", year).then().statusCode(200)
                    .body("figures.territories.find { it.territoryId == '%s' }.dynamicExits.numerator"
                            .formatted(scenario.territory), equalTo(0));
            as(Tokens.evaluator()).get("/reports/{y}", year).then().statusCode(200)
                    .body("figures.territories.find { it.territoryId == '%s' }.dynamicExits"
                            .formatted(scenario.territory), nullValue())
                    .body("figures.territories.find { it.territoryId == '%s' }.secret"
                            .formatted(scenario.territory), hasItem("dynamicExits"));
        }
    }

    @Test
    void anErratumIsASecondEditionSayingWhyAndWhoWhileTheFirstStaysReadableAsItWasPublished() {
        int year = 2009;
        try (Scenario scenario = new Scenario(year).awaitFigures(figures)) {
            String first = publish(year).then().statusCode(201).body("edition", equalTo(1)).extract()
                    .path("publicationId");
            scenario.correctLeaverToDurableEmployment(figures);
            erratum(year, "Sortie corrigée : emploi durable").then().statusCode(201)
                    .body("edition", equalTo(2)).body("reason", equalTo("Sortie corrigée : emploi durable"))
                    .body("publishedBy", equalTo("national-1"));

            String territory = "figures.territories.find { it.territoryId == '%s' }.dynamicExits.numerator"
                    .formatted(scenario.territory);
            as(Tokens.national()).get("/reports/{y}/territories/{t}", year, scenario.territory).then()
                    .statusCode(200).body("publication.edition", equalTo(2))
                    .body("figures.dynamicExits.numerator", equalTo(1));
            as(Tokens.national()).get("/reports/{y}/editions/1", year).then().statusCode(200)
                    .body("publication.publicationId", equalTo(first)).body("publication.edition", equalTo(1))
                    .body("publication.reason", nullValue()).body(territory, equalTo(0));
            as(Tokens.national()).get("/reports/{y}/editions/2", year).then().statusCode(200)
                    .body(territory, equalTo(1));
            as(Tokens.evaluator()).get("/reports/{y}/editions/1", year).then().statusCode(200)
                    .body("publication.edition", equalTo(1)).body(territory, nullValue());
            as(Tokens.evaluator()).get("/reports/{y}/editions", year).then().statusCode(200)
                    .body("edition", contains(1, 2)).body("reason[1]", equalTo("Sortie corrigée : emploi durable"));
            as(Tokens.evaluator()).get("/reports/{y}/editions/3", year).then().statusCode(404);
        }
    }

    @Test
    void anErratumNeedsAPublishedYearAReasonAndTheNationalTeam() {
        int year = 2008;
        erratum(year, "Trop tôt").then().statusCode(422).body("code", equalTo("REPORT_NOT_PUBLISHED"));
        publish(year).then().statusCode(201);
        as(Tokens.evaluator()).contentType("application/json").body("{\"reason\":\"Non\"}")
                .post("/reports/{y}/editions", year).then().statusCode(403);
        erratum(year, "   ").then().statusCode(400);
        as(Tokens.national()).contentType("application/json").body("{}").post("/reports/{y}/editions", year)
                .then().statusCode(400);
        as(Tokens.national()).get("/reports/{y}/editions", year).then().statusCode(200).body("edition", contains(1));
    }

    @Test
    void concurrentErrataOfOneYearGetDistinctEditionsOrAConflictNeverTwoOfOneNumber() throws Exception {
        int year = 2007;
        publish(year).then().statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String reason = "Erratum " + i;
                answers.add(pool.submit((Callable<Integer>) () -> erratum(year, reason).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            long created = statuses.stream().filter(s -> s == 201).count();
            assertEquals(4, created + statuses.stream().filter(s -> s == 409).count(), statuses.toString());
            List<Integer> editions = as(Tokens.national()).get("/reports/{y}/editions", year).then().statusCode(200)
                    .extract().jsonPath().getList("edition", Integer.class);
            assertEquals(created + 1, editions.size(), editions.toString());
            for (int i = 0; i < editions.size(); i++) {
                assertEquals(i + 1, editions.get(i), editions.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aYearIsPublishedOnceAndASecondPublicationIsRefusedLeavingTheFirstAsItWas() {
        int year = 2011;
        String first = publish(year).then().statusCode(201).extract().path("asOf");
        publish(year).then().statusCode(409).body("code", equalTo("REPORT_ALREADY_PUBLISHED"));
        as(Tokens.national()).get("/reports/{y}", year).then().statusCode(200)
                .body("publication.asOf", equalTo(first));
    }

    @Test
    void concurrentPublicationsOfOneYearGiveExactlyOneReport() throws Exception {
        int year = 2010;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit((Callable<Integer>) () -> publish(year).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheNationalTeamPublishesAndACoordinatorReadsOnlyItsOwnTerritorysReport() {
        int year = 2013;
        try (Scenario own = new Scenario(year); Scenario other = new Scenario(year)) {
            own.awaitFigures(figures);
            other.awaitFigures(figures);
            as(Tokens.evaluator()).post("/reports/{y}", year).then().statusCode(403);
            as(Tokens.coordinator(own.territory)).post("/reports/{y}", year).then().statusCode(403);
            publish(year).then().statusCode(201);
            as(Tokens.coordinator(own.territory)).get("/reports/{y}/territories/{t}", year, own.territory).then()
                    .statusCode(200).body("figures.accompanied", equalTo(3));
            as(Tokens.coordinator(own.territory)).get("/reports/{y}/territories/{t}", year, other.territory).then()
                    .statusCode(403);
            as(Tokens.coordinator(own.territory)).get("/reports/{y}", year).then().statusCode(403);
            as(Tokens.staff(own.territory, own.chantier)).get("/reports/{y}/chantiers/{c}", year, own.chantier)
                    .then().statusCode(200);
            as(Tokens.staff(own.territory, own.chantier)).get("/reports/{y}/chantiers/{c}", year, other.chantier)
                    .then().statusCode(403);
        }
    }

    @Test
    void aYearIsPublishedOnlyOnceItIsOver() {
        int thisYear = org.convergence.platform.time.BusinessDates.today().getYear();
        publish(thisYear).then().statusCode(422).body("code", equalTo("YEAR_NOT_OVER"));
        as(Tokens.national()).get("/reports/{y}", thisYear).then().statusCode(404);
    }

    @Test
    void aYearNotPublishedIsNotFound() {
        as(Tokens.national()).get("/reports/{y}", 2005).then().statusCode(404);
    }

    /** A column of the first row after the header (the territory) of a CSV answer. */
    private static String csvCell(Response answer, String column) {
        answer.then().statusCode(200);
        List<List<String>> rows = ExportsAndAccessTest.parse(
                new String(answer.asByteArray(), java.nio.charset.StandardCharsets.UTF_8).substring(1));
        return rows.get(1).get(rows.get(0).indexOf(column));
    }

    private static Response erratum(int year, String reason) {
        return as(Tokens.national()).contentType("application/json")
                .body(java.util.Map.of("reason", reason)).post("/reports/{y}/editions", year);
    }

    private static Response publish(int year) {
        return as(Tokens.national()).post("/reports/{y}", year);
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }
}
