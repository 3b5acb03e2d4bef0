package org.convergence.reporting.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.Ids;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.convergence.reporting.dashboard.EvaluatorSecrecyTest.cell;
import static org.convergence.reporting.dashboard.EvaluatorSecrecyTest.csv;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ADR 0040, through HTTP: the year's one decision is kept per read-model state yet moves with a new fact; the
 * cohort export beside the figure tables gives no hidden cell back; the conventions' participants are under the
 * decision. Each test has a year of its own (2001–2003), so that its nation holds only its own people.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class SecrecyAcrossOutputsTest {

    private static final String ACCOMPANIED = "Personnes accompagnées (Convergence)";

    @Inject
    FiguresService figures;

    @Test
    void aNewFactChangesTheDecisionKeptForAnEvaluator() {
        int year = 2001;
        String territory = Ids.fresh("t");
        String small = Ids.fresh("c");
        String big = Ids.fresh("c");
        try (EnrolmentFacts facts = new EnrolmentFacts(territory)) {
            facts.chantier(small, "CONVERGENCE", LocalDate.of(year - 2, 1, 1));
            facts.chantier(big, "CONVERGENCE", LocalDate.of(year - 2, 1, 1));
            enrol(facts, small, year, 2);
            enrol(facts, big, year, 6);
            awaitAccompanied(small, year, 2);
            awaitAccompanied(big, year, 6);
            assertEquals("secret", cell(csv(Tokens.evaluator(), "/exports/chantiers/{c}/{y}", small, year), small,
                    ACCOMPANIED), "2 people");
            // Read again at the same state: the kept decision.
            assertEquals("secret", cell(csv(Tokens.evaluator(), "/exports/chantiers/{c}/{y}", big, year), big,
                    ACCOMPANIED), "8 − 2 would give 6");

            enrol(facts, small, year, 3);
            awaitAccompanied(small, year, 5);
            assertEquals("5", cell(csv(Tokens.evaluator(), "/exports/chantiers/{c}/{y}", small, year), small,
                    ACCOMPANIED), "five people now: the new facts decided again");
            assertEquals("6", cell(csv(Tokens.evaluator(), "/exports/chantiers/{c}/{y}", big, year), big,
                    ACCOMPANIED));
        }
    }

    /**
     * Territories a (8 Convergence people), b (2), c (12) and d (6 in Premières Heures only). The national table
     * hides b (too few) and, as its complement, a (the smallest published part). The cohort on its own would hide b
     * (a rare value) and, as its complement, d (the rarest other territory among its rows), leaving a's rows
     * countable: 8, the hidden cell. A reader who counts the cohort's Convergence people of each territory the
     * table hides must not get its value.
     */
    @Test
    void countingTheCohortsRowsOfATerritoryDoesNotRecoverACellTheTablesHide() {
        int year = 2002;
        Map<String, Integer> convergence = Map.of("a", 8, "b", 2, "c", 12);
        List<EnrolmentFacts> all = new ArrayList<>();
        Map<String, String> territories = new java.util.HashMap<>();
        try {
            for (String name : List.of("a", "b", "c", "d")) {
                String territory = Ids.fresh("t" + name);
                territories.put(name, territory);
                EnrolmentFacts facts = new EnrolmentFacts(territory);
                all.add(facts);
                String chantier = Ids.fresh("c");
                String program = name.equals("d") ? "PREMIERES_HEURES" : "CONVERGENCE";
                facts.chantier(chantier, program, LocalDate.of(year - 2, 1, 1));
                for (int i = 0; i < convergence.getOrDefault(name, 6); i++) {
                    facts.enrol(UUID.randomUUID().toString(), UUID.randomUUID().toString(), program, chantier,
                            LocalDate.of(year, 3, 1 + i));
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var nation = figures.national(Year.of(year));
                return nation.accompanied() == 22 && nation.premieresHeures().active() == 6;
            });

            List<List<String>> table = csv(Tokens.evaluator(), "/exports/national/{y}", year);
            assertEquals("secret", cell(table, territories.get("b"), ACCOMPANIED), "2 people");
            assertEquals("secret", cell(table, territories.get("a"), ACCOMPANIED), "b's complement");
            assertEquals("12", cell(table, territories.get("c"), ACCOMPANIED));

            List<List<String>> cohort = csv(Tokens.evaluator(), "/exports/cohort/{y}", year);
            assertTrue(cohort.size() > 20, "the cohort has its rows");
            List<String> header = cohort.get(0);
            for (String name : List.of("a", "b")) {
                Set<String> people = new HashSet<>();
                for (List<String> row : cohort.subList(1, cohort.size())) {
                    if (row.get(header.indexOf("Territoire")).equals(territories.get(name))
                            && row.get(header.indexOf("Programme")).equals("CONVERGENCE")) {
                        people.add(row.get(header.indexOf("Personne")));
                    }
                }
                assertNotEquals(convergence.get(name), people.size(),
                        "the cohort's rows of " + name + " count the cell the national table hides");
            }
        } finally {
            all.forEach(EnrolmentFacts::close);
        }
    }

    @Test
    void aConventionsParticipantsOfTooFewPeopleAreSecretForAnEvaluator() {
        int year = 2003;
        String territory = Ids.fresh("t");
        String chantier = Ids.fresh("c");
        try (EnrolmentFacts facts = new EnrolmentFacts(territory)) {
            facts.chantier(chantier, "PREMIERES_HEURES", LocalDate.of(year - 2, 1, 1));
            for (int i = 0; i < 2; i++) {
                facts.enrol(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "PREMIERES_HEURES", chantier,
                        LocalDate.of(year, 3, 1 + i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    figures.national(Year.of(year)).premieresHeures().active() == 2);

            String premieresHeures = "find { it.convention.program == 'PREMIERES_HEURES' }";
            as(Tokens.evaluator()).get("/conventions/{y}", year).then().statusCode(200)
                    .body(premieresHeures + ".targets.find { it.what == 'participants' }.actual", nullValue())
                    .body(premieresHeures + ".targets.find { it.what == 'participants' }.reached", nullValue())
                    .body(premieresHeures + ".secret", hasItem("participants"));
            as(Tokens.national()).get("/conventions/{y}", year).then().statusCode(200)
                    .body(premieresHeures + ".targets.find { it.what == 'participants' }.actual", equalTo(2))
                    .body(premieresHeures + ".secret", nullValue());
            String page = RestAssured.given().cookie(SessionCookie.NAME, Tokens.evaluator())
                    .get("/dashboard/national?year={y}", year).then().statusCode(200).extract().asString();
            assertTrue(page.contains("<td>≈ 800</td><td>secret</td><td>secret</td>"), "the national page's table");
        }
    }

    private static void enrol(EnrolmentFacts facts, String chantier, int year, int people) {
        for (int i = 0; i < people; i++) {
            facts.enrol(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "CONVERGENCE", chantier,
                    LocalDate.of(year, 3, 1 + i));
        }
    }

    private void awaitAccompanied(String chantier, int year, int people) {
        await().atMost(Duration.ofSeconds(30)).until(() -> figures.chantier(chantier, Year.of(year))
                .map(c -> c.figures().accompanied()).orElse(-1) == people);
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }
}
