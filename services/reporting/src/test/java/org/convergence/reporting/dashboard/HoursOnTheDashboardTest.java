package org.convergence.reporting.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.AbsenceMinutesV1;
import org.convergence.contracts.hours.ContractedHoursDecidedV1;
import org.convergence.contracts.hours.HoursEvents;
import org.convergence.contracts.hours.WeekHoursRecordedV1;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.EventPublisher;
import org.convergence.testsupport.Ids;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Hours facts read from the real broker reach the figures, the weeks-without-hours list (for the territory's
 * coordination and the national team only) and the territory's dashboard page (chart and work-list line).
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class HoursOnTheDashboardTest {

    private static final AbsenceMinutesV1 NO_ABSENCE = new AbsenceMinutesV1(0, 0, 0, 0);

    @Inject
    FiguresService figures;

    private final String territory = Ids.fresh("t");
    private final String chantier = Ids.fresh("c");

    @Test
    void hoursFactsFromTheBrokerReachTheFiguresTheWeeksWithoutHoursListAndTheTerritoryPage() {
        String participant = UUID.randomUUID().toString();
        String pathway = UUID.randomUUID().toString();
        try (EnrolmentFacts facts = new EnrolmentFacts(territory); EventPublisher hours = new EventPublisher()) {
            facts.chantier(chantier, "PREMIERES_HEURES", LocalDate.of(2019, 1, 1));
            facts.enrol(participant, pathway, "PREMIERES_HEURES", chantier, LocalDate.of(2020, 1, 6));
            hours.publish(Topics.HOURS, HoursEvents.CONTRACTED_HOURS_DECIDED, new ContractedHoursDecidedV1(pathway,
                    participant, "PREMIERES_HEURES", LocalDate.of(2020, 3, 2), 6, 4, "LADDER_STEP", "staff-1"),
                    LocalDate.of(2020, 3, 2), pathway, territory, chantier);
            for (String week : new String[]{"2020-W02", "2020-W03", "2020-W10"}) {
                hours.publish(Topics.HOURS, HoursEvents.WEEK_HOURS_RECORDED, new WeekHoursRecordedV1(pathway,
                        participant, "PREMIERES_HEURES", week, 300, NO_ABSENCE), LocalDate.of(2020, 1, 6), pathway,
                        territory, chantier);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> figures.territory(territory, Year.of(2020))
                .filter(f -> f.hours() != null && f.hours().workedPremieresHeures() == 15).isPresent());

        as(Tokens.national()).get("/data-quality/territories/{t}/weeks-without-hours", territory).then()
                .statusCode(200);
        as(Tokens.coordinator(Ids.fresh("t"))).get("/data-quality/territories/{t}/weeks-without-hours", territory)
                .then().statusCode(403);
        as(Tokens.evaluator()).get("/data-quality/territories/{t}/weeks-without-hours", territory).then()
                .statusCode(403);
        as(Tokens.staff(territory, chantier)).get("/data-quality/territories/{t}/weeks-without-hours", territory)
                .then().statusCode(403);
        as(Tokens.coordinator(territory)).get("/figures/territories/{t}/2020", territory).then().statusCode(200)
                .body("hours.premieresHeuresContracts.fiveToSixHours", equalTo(1))
                .body("hours.stepUpsDecided", equalTo(1));
        as(Tokens.coordinator(territory)).get("/data-quality/territories/{t}/weeks-without-hours?asOf=2020-01-29",
                territory).then().statusCode(200)
                .body("weeksDue", equalTo(java.util.List.of("2020-W01", "2020-W02", "2020-W03", "2020-W04")))
                .body("count", equalTo(1)).body("weeks", equalTo(1))
                .body("pathways[0].pathwayId", equalTo(pathway))
                .body("pathways[0].weeksWithoutHours", equalTo(java.util.List.of("2020-W04")))
                .body("countByChantier." + chantier, equalTo(1));

        RestAssured.given().cookie(SessionCookie.NAME, Tokens.national())
                .get("/dashboard/territories/{t}?year=2020", territory).then().statusCode(200)
                .body(containsString("id=\"hours-chart-title\""))
                .body(containsString("Premières Heures : personnes par heures de contrat hebdomadaires, fin 2020"))
                .body(containsString("Heures travaillées en Premières Heures"))
                .body(containsString("Parcours sans heures sur une des dernières semaines complètes</th><td>1</td>"));
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }
}
