package org.convergence.reporting.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.Ids;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Statistical secrecy for evaluators is one decision per year over every linked table (ADR 0037), applied by every
 * output they read: CSV, JSON, dashboard page, published report. The case: a territory of 8 people in two
 * chantiers, a (2) and b (6). In the territory's table a is secret, so b is too (8 − 6 = 2); b's own CSV, JSON and
 * page must not show the 6 that its territory's table hides. The national team and coordinators read every figure.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class EvaluatorSecrecyTest {

    private static final String ACCOMPANIED = "Personnes accompagnées (Convergence)";

    @Inject
    FiguresService figures;

    @Test
    void aChantierHiddenAsAComplementInItsTerritorysCsvIsSecretInItsOwnCsvForAnEvaluator() {
        try (TwoChantiers place = new TwoChantiers(2006)) {
            List<List<String>> territory = csv(Tokens.evaluator(), "/exports/territories/{t}/{y}", place.territory,
                    place.year);
            assertEquals("secret", cell(territory, place.small, ACCOMPANIED), "2 people");
            assertEquals("secret", cell(territory, place.complement, ACCOMPANIED), "8 - 6 would give 2");
            assertEquals("secret", cell(csv(Tokens.evaluator(), "/exports/chantiers/{c}/{y}", place.complement,
                    place.year), place.complement, ACCOMPANIED), "the chantier's own CSV hides it too");
            assertEquals("6", cell(csv(Tokens.national(), "/exports/chantiers/{c}/{y}", place.complement,
                    place.year), place.complement, ACCOMPANIED), "the national team reads it");
            assertEquals("6", cell(csv(Tokens.coordinator(place.territory), "/exports/territories/{t}/{y}",
                    place.territory, place.year), place.complement, ACCOMPANIED), "so does the coordinator");
        }
    }

    @Test
    void anEvaluatorsJsonGivesNullAndListsTheKeyUnderSecretWhereTheCsvSaysSecret() {
        try (TwoChantiers place = new TwoChantiers(2006)) {
            for (String chantier : List.of(place.small, place.complement)) {
                as(Tokens.evaluator()).get("/figures/chantiers/{c}/{y}", chantier, place.year).then()
                        .statusCode(200).body("figures.accompanied", nullValue())
                        .body("figures.secret", hasItem("accompanied"))
                        .body("figures.exits", equalTo(0));
            }
            as(Tokens.coordinator(place.territory)).get("/figures/chantiers/{c}/{y}", place.complement, place.year)
                    .then().statusCode(200).body("figures.accompanied", equalTo(6)).body("figures.secret", nullValue());
            as(Tokens.national()).get("/figures/national/{y}", place.year).then().statusCode(200)
                    .body("secret", nullValue()).body(territoryPath(place, "accompanied"), equalTo(8));

            JsonPath national = as(Tokens.evaluator()).get("/figures/national/{y}", place.year).then().statusCode(200)
                    .extract().jsonPath();
            JsonPath territory = as(Tokens.evaluator()).get("/figures/territories/{t}/{y}", place.territory,
                    place.year).then().statusCode(200).extract().jsonPath();
            assertNotNull(national.getList("secret"), "the nation's own list, empty or not");
            assertEquals(national.getList(territoryPath(place, "secret")), territory.getList("secret"),
                    "the territory's row of the national answer and its own answer hide the same figures");
            for (String key : territory.<String>getList("secret")) {
                assertNull(territory.get(key), key);
            }
        }
    }

    @Test
    void anEvaluatorsDashboardPagesShowSecretWhereTheFilesDo() {
        try (TwoChantiers place = new TwoChantiers(2006)) {
            String chantierPage = page(Tokens.evaluator()).get("/dashboard/chantiers/{c}?year={y}", place.complement,
                    place.year).then().statusCode(200).extract().asString();
            assertEquals("secret", lastValueOfLine(chantierPage, "accompanied"), "the live year's column");
            String territoryPage = page(Tokens.evaluator()).get("/dashboard/territories/{t}?year={y}",
                    place.territory, place.year).then().statusCode(200).extract().asString();
            assertEquals("secret", firstValueOfRow(territoryPage, "/dashboard/chantiers/" + place.complement));
            assertEquals("secret", firstValueOfRow(territoryPage, "/dashboard/chantiers/" + place.small));

            String national = page(Tokens.national()).get("/dashboard/chantiers/{c}?year={y}", place.complement,
                    place.year).then().statusCode(200).extract().asString();
            assertEquals("6", lastValueOfLine(national, "accompanied"));
            assertEquals("6", firstValueOfRow(page(Tokens.coordinator(place.territory))
                    .get("/dashboard/territories/{t}?year={y}", place.territory, place.year).then().statusCode(200)
                    .extract().asString(), "/dashboard/chantiers/" + place.complement));
        }
    }

    @Test
    void aPublishedReportAsAnEvaluatorReadsItHidesTheSameCells() {
        try (TwoChantiers place = new TwoChantiers(2004)) {
            as(Tokens.national()).post("/reports/{y}", place.year).then().statusCode(201);

            as(Tokens.evaluator()).get("/reports/{y}/chantiers/{c}", place.year, place.complement).then()
                    .statusCode(200).body("figures.figures.accompanied", nullValue())
                    .body("figures.figures.secret", hasItem("accompanied"));
            as(Tokens.national()).get("/reports/{y}/chantiers/{c}", place.year, place.complement).then()
                    .statusCode(200).body("figures.figures.accompanied", equalTo(6));
            assertEquals("secret", cell(csv(Tokens.evaluator(), "/exports/published/territories/{t}/{y}",
                    place.territory, place.year), place.complement, ACCOMPANIED));
            String page = page(Tokens.evaluator()).get("/dashboard/chantiers/{c}?year={y}", place.complement,
                    place.year).then().statusCode(200).extract().asString();
            assertEquals("secret", lastValueOfLine(page, "accompanied"), "the published column");
        }
    }

    /** A territory with chantiers {@code small} (2 people in the year) and {@code complement} (6). */
    private final class TwoChantiers implements AutoCloseable {
        final String territory = Ids.fresh("t");
        final String small = Ids.fresh("c");
        final String complement = Ids.fresh("c");
        final int year;
        private final EnrolmentFacts facts;

        TwoChantiers(int year) {
            this.year = year;
            facts = new EnrolmentFacts(territory);
            for (String chantier : List.of(small, complement)) {
                facts.chantier(chantier, "CONVERGENCE", LocalDate.of(year - 2, 1, 1));
                for (int i = 0; i < (chantier.equals(small) ? 2 : 6); i++) {
                    facts.enrol(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "CONVERGENCE", chantier,
                            LocalDate.of(year, 3, 1 + i));
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> accompanied(small) == 2 && accompanied(complement) == 6
                    && figures.territory(territory, Year.of(year)).filter(t -> t.accompanied() == 8).isPresent());
        }

        private int accompanied(String chantier) {
            return figures.chantier(chantier, Year.of(year)).map(c -> c.figures().accompanied()).orElse(-1);
        }

        @Override
        public void close() {
            facts.close();
        }
    }

    private static String territoryPath(TwoChantiers place, String field) {
        return "territories.find { it.territoryId == '%s' }.%s".formatted(place.territory, field);
    }

    /** A CSV export read as rows (its byte-order mark dropped), asserting a 200. */
    static List<List<String>> csv(String token, String path, Object... parameters) {
        byte[] body = as(token).get(path, parameters).then().statusCode(200).extract().asByteArray();
        return ExportsAndAccessTest.parse(new String(body, StandardCharsets.UTF_8).substring(1));
    }

    /** The cell of the row whose "Identifiant" is {@code id}, under {@code column}. */
    static String cell(List<List<String>> rows, String id, String column) {
        List<String> header = rows.get(0);
        return rows.stream().filter(r -> r.size() > 2 && id.equals(r.get(header.indexOf("Identifiant")))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + rows)).get(header.indexOf(column));
    }

    /** The last value cell of a figure grid's line (the live year, or the published column when there is one). */
    private static String lastValueOfLine(String html, String figure) {
        Matcher line = Pattern.compile("<tr data-figure=\"" + Pattern.quote(figure) + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        if (!line.find()) {
            throw new AssertionError("no line " + figure);
        }
        Matcher value = Pattern.compile("<span class=\"value\">([^<]*)</span>").matcher(line.group(1));
        String last = null;
        while (value.find()) {
            last = value.group(1);
        }
        return last;
    }

    /** The first figure of a places table's row (accompanied), found by the row's link. */
    private static String firstValueOfRow(String html, String linkStart) {
        Matcher row = Pattern.compile("<a href=\"" + Pattern.quote(linkStart) + "[^\"]*\">.*?<span class=\"value\">"
                + "([^<]*)</span>", Pattern.DOTALL).matcher(html);
        if (!row.find()) {
            throw new AssertionError("no row " + linkStart);
        }
        return row.group(1);
    }

    private static RequestSpecification page(String token) {
        return RestAssured.given().cookie(SessionCookie.NAME, token);
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }
}
