package org.convergence.reporting.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.testsupport.Tokens;
import org.convergence.contracts.input.CsvRecords;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV exports parsed back as a spreadsheet would, and the dashboard's pages under each role and scope. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class ExportsAndAccessTest {

    private static final int YEAR = 2014;

    @Inject
    FiguresService figures;

    @Test
    void aTerritorysCsvOpensInAFrenchSpreadsheetWithEachRateAndWhatItIsMadeOf() {
        try (Scenario scenario = new Scenario(YEAR).awaitFigures(figures)) {
            byte[] body = as(Tokens.coordinator(scenario.territory))
                    .get("/exports/territories/{t}/{y}", scenario.territory, YEAR).then().statusCode(200)
                    .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                    .extract().asByteArray();
            assertEquals((byte) 0xEF, body[0], "UTF-8 byte-order mark, so accents survive");
            List<List<String>> rows = parse(new String(body, StandardCharsets.UTF_8).substring(1));
            List<String> header = rows.get(0);
            assertEquals(3, rows.size(), "header, the territory, its chantier: " + rows);
            List<String> territory = rows.get(1);
            assertEquals(header.size(), territory.size());
            assertEquals(scenario.territory, territory.get(header.indexOf("Identifiant")));
            assertEquals("3", territory.get(header.indexOf("Personnes accompagnées (Convergence)")));
            assertEquals("0", territory.get(header.indexOf("Sorties dynamiques (règle ASP) (%)")));
            assertEquals("1", territory.get(header.indexOf("Sorties dynamiques (règle ASP) : dénominateur")));
            String months = territory.get(header.indexOf("Durée moyenne des parcours sortis (mois) : moyenne"));
            assertTrue(months.matches("\\d+,\\d+"), "a decimal comma: " + months);
            assertEquals(scenario.chantier, rows.get(2).get(header.indexOf("Identifiant")));
        }
    }

    @Test
    void anEvaluatorsFigureCsvSuppressesCellsOfFewerPeopleThanTheMinimumWhileTheCoordinatorReadsThemAll() {
        try (Scenario scenario = new Scenario(YEAR).awaitFigures(figures)) {
            byte[] body = as(Tokens.evaluator()).get("/exports/territories/{t}/{y}", scenario.territory, YEAR)
                    .then().statusCode(200).extract().asByteArray();
            List<List<String>> rows = parse(new String(body, StandardCharsets.UTF_8).substring(1));
            List<String> header = rows.get(0);
            List<String> territory = rows.get(1);
            assertEquals(scenario.territory, territory.get(header.indexOf("Identifiant")));
            assertEquals("secret", territory.get(header.indexOf("Personnes accompagnées (Convergence)")), "3 people");
            assertEquals("secret", territory.get(header.indexOf("Sorties dynamiques (règle ASP) (%)")));
            assertEquals("secret", territory.get(header.indexOf("Sorties dynamiques (règle ASP) : dénominateur")));
        }
    }

    @Test
    void exportsFollowTheFiguresScopes() {
        try (Scenario own = new Scenario(YEAR); Scenario other = new Scenario(YEAR)) {
            own.awaitFigures(figures);
            other.awaitFigures(figures);
            as(Tokens.coordinator(own.territory)).get("/exports/territories/{t}/{y}", other.territory, YEAR)
                    .then().statusCode(403);
            as(Tokens.coordinator(own.territory)).get("/exports/national/{y}", YEAR).then().statusCode(403);
            as(Tokens.evaluator()).get("/exports/national/{y}", YEAR).then().statusCode(200)
                    .body(containsString(own.territory));
            as(Tokens.evaluator()).get("/exports/cohort/{y}", YEAR).then().statusCode(200)
                    .body(containsString("Parcours;Personne;Programme")).body(not(containsString(own.leaver)));
            as(Tokens.coordinator(own.territory)).get("/exports/cohort/{y}", YEAR).then().statusCode(403);
            as(Tokens.evaluator()).get("/exports/territories/{t}/work-lists", own.territory).then()
                    .statusCode(403);
            as(Tokens.coordinator(own.territory)).get("/exports/territories/{t}/work-lists", own.territory)
                    .then().statusCode(200).body(containsString("Liste;Parcours;Participant"));
        }
    }

    @Test
    void aPageAskedWithoutSigningInLeadsToTheSignInPage() {
        RestAssured.given().redirects().follow(false).get("/dashboard/national").then().statusCode(303)
                .header("Location", endsWith("/dashboard/sign-in"));
        RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, "not-a-token")
                .get("/dashboard/national").then().statusCode(303).header("Location", endsWith("/dashboard/sign-in"));
    }

    @Test
    void anEvaluatorSeesATerritorysFiguresButNotItsWorkLists() {
        try (Scenario scenario = new Scenario(YEAR).awaitFigures(figures)) {
            page(Tokens.evaluator()).get("/dashboard/territories/{t}?year={y}", scenario.territory, YEAR).then()
                    .statusCode(200).body(containsString("data-figure=\"accompanied\""))
                    .body(not(containsString("work-counts")));
            page(Tokens.national()).get("/dashboard/territories/{t}?year={y}", scenario.territory, YEAR).then()
                    .statusCode(200).body(containsString("work-counts"));
        }
    }

    @Test
    void chantierStaffLandOnTheirChantierAndAreRefusedTheTerritoryPage() {
        try (Scenario scenario = new Scenario(YEAR).awaitFigures(figures)) {
            String staff = Tokens.staff(scenario.territory, scenario.chantier);
            page(staff).redirects().follow(false).get("/dashboard").then().statusCode(303)
                    .header("Location", endsWith("/dashboard/chantiers/" + scenario.chantier));
            page(staff).get("/dashboard/chantiers/{c}", scenario.chantier).then().statusCode(200)
                    .body(containsString("data-figure=\"accompanied\"")).body(not(containsString("work-counts")));
            page(Tokens.coordinator(scenario.territory)).get("/dashboard/chantiers/{c}", scenario.chantier).then()
                    .statusCode(200).body(containsString("work-counts"));
            page(staff).get("/dashboard/territories/{t}", scenario.territory).then().statusCode(403)
                    .body(containsString("Accès refusé")).body(not(containsString("data-figure")));
        }
    }

    @Test
    void pagesForbidScriptsAndFramingAndAreNeverCached() {
        page(Tokens.national()).get("/dashboard/national").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-store");
    }

    /** The session cookie, as the browser sends it after signing in. */
    private static RequestSpecification page(String token) {
        return RestAssured.given().cookie(SessionCookie.NAME, token);
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    /** Records end with CRLF, cells are separated by semicolons, as a French spreadsheet reads them. */
    static List<List<String>> parse(String csv) {
        return Arrays.stream(csv.split("\r\n")).map(record -> CsvRecords.cells(record, ';')).toList();
    }
}
