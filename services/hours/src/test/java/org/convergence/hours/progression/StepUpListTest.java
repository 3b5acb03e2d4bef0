package org.convergence.hours.progression;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.hours.Enrolled;
import org.bson.Document;
import org.convergence.platform.projection.ReadModel;
import org.convergence.platform.views.EnrolmentView;
import com.mongodb.client.model.Filters;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.convergence.testsupport.Rest.as;
import static org.convergence.testsupport.Rest.asNational;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The "ready to step up" list: Premières Heures participants who worked at least 90 % of their contracted hours
 * four ISO weeks in a row under their current contract, with the next step of the ladder, read by a chantier's
 * staff and its territory's coordination; a decision taken from the list removes them.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class StepUpListTest {

    private static final LocalDate ENTRY = LocalDate.of(2020, 1, 6); // Monday of 2020-W02
    private static final Duration PROJECTED = Duration.ofSeconds(60);

    @Inject
    EnrolmentView view;

    @Inject
    ReadModel readModel;

    private Enrolled enrolled;

    @BeforeEach
    void aChantierCarryingBothPrograms() {
        enrolled = new Enrolled(view, LocalDate.of(2019, 1, 7), "PREMIERES_HEURES", "CONVERGENCE");
    }

    @AfterEach
    void close() {
        enrolled.close();
    }

    @Test
    void aParticipantWhoWorkedNinetyPercentOfTheirContractFourWeeksInARowIsListedWithTheNextLadderStep() {
        String ready = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        weeks(ready, 216, 216, 216, 216); // 90 % of the default 4 hours, W02 to W05
        awaitListed(ready);
        staff().get(chantierList()).then().statusCode(200)
                .body(candidate(ready, "weeklyHours"), equalTo(4))
                .body(candidate(ready, "suggestedWeeklyHours"), equalTo(6))
                .body(candidate(ready, "weeksInARow"), equalTo(4))
                .body(candidate(ready, "lastWeek"), equalTo("2020-W05"))
                .body("weeksInARow", equalTo(4)).body("percentOfContract", equalTo(90));
    }

    @Test
    void threeWeeksInARowOrOneWeekBelowNinetyPercentIsNotReady() {
        String threeWeeks = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        String oneWeekShort = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        String gap = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        String marker = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        weeks(threeWeeks, 240, 240, 240);
        weeks(oneWeekShort, 240, 240, 215, 240, 240, 240);
        record(gap, "2020-W02", 240);
        record(gap, "2020-W03", 240);
        record(gap, "2020-W05", 240);
        record(gap, "2020-W06", 240);
        weeks(marker, 240, 240, 240, 240);
        awaitProjected(threeWeeks, 3);
        awaitProjected(oneWeekShort, 6);
        awaitProjected(gap, 4);
        awaitListed(marker);
        staff().get(chantierList()).then().statusCode(200)
                .body("candidates.pathwayId", not(hasItem(threeWeeks)))
                .body("candidates.pathwayId", not(hasItem(oneWeekShort)))
                .body("candidates.pathwayId", not(hasItem(gap)));
    }

    @Test
    void aContractDecisionTakenFromTheListRemovesTheParticipantUntilFourWeeksUnderTheNewContract() {
        String pathway = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        weeks(pathway, 360, 360, 360, 360); // 6 hours a week on a 4-hour contract: also 100 % of the next step
        awaitListed(pathway);
        asNational().body("{\"effectiveOn\":\"2020-02-03\",\"weeklyHours\":6,\"reason\":\"LADDER_STEP\"}")
                .post("/pathways/" + pathway + "/contracted-hours").then().statusCode(200);
        await().atMost(PROJECTED).untilAsserted(() -> staff().get(chantierList()).then().statusCode(200)
                .body("candidates.pathwayId", not(hasItem(pathway))));

        // Only weeks under the new contract count: four of them make the participant ready again.
        record(pathway, "2020-W06", 324);
        record(pathway, "2020-W07", 324);
        record(pathway, "2020-W08", 324);
        record(pathway, "2020-W09", 324);
        awaitListed(pathway);
        staff().get(chantierList()).then().body(candidate(pathway, "weeklyHours"), equalTo(6))
                .body(candidate(pathway, "suggestedWeeklyHours"), equalTo(8))
                .body(candidate(pathway, "contractFrom"), equalTo("2020-02-03"));
    }

    @Test
    void aCorrectionBelowTheShareTakesTheParticipantOffTheList() {
        String pathway = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        weeks(pathway, 240, 240, 240, 240);
        awaitListed(pathway);
        record(pathway, "2020-W04", 100);
        await().atMost(PROJECTED).untilAsserted(() -> staff().get(chantierList()).then()
                .body("candidates.pathwayId", not(hasItem(pathway))));
    }

    @Test
    void aParticipantAboveTheLadderIsListedWithNoSuggestedStepAndOneAtTheMaximumIsNotListed() {
        String aboveLadder = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        String atMaximum = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        decide(aboveLadder, 10);
        decide(atMaximum, 20);
        weeks(atMaximum, 1200, 1200, 1200, 1200);
        weeks(aboveLadder, 600, 600, 600, 600);
        awaitProjected(atMaximum, 4);
        awaitListed(aboveLadder);
        staff().get(chantierList()).then().body(candidate(aboveLadder, "suggestedWeeklyHours"), nullValue())
                .body("candidates.pathwayId", not(hasItem(atMaximum)));
    }

    @Test
    void anEndedPathwayAndAConvergencePathwayAreNeverListed() {
        String ended = enrolled.pathway("PREMIERES_HEURES", ENTRY, LocalDate.of(2020, 3, 1));
        String convergence = enrolled.pathway("CONVERGENCE", ENTRY);
        String marker = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        weeks(ended, 240, 240, 240, 240);
        weeks(convergence, 1560, 1560, 1560, 1560);
        weeks(marker, 240, 240, 240, 240);
        awaitProjected(ended, 4);
        awaitListed(marker);
        staff().get(chantierList()).then()
                .body("candidates.pathwayId", not(hasItem(ended)))
                .body("candidates.pathwayId", not(hasItem(convergence)));
    }

    @Test
    void theListIsReadByTheChantiersStaffAndItsTerritorysCoordinationOnly() {
        String pathway = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        weeks(pathway, 240, 240, 240, 240);
        awaitListed(pathway);
        try (Enrolled other = new Enrolled(view, LocalDate.of(2019, 1, 7), "PREMIERES_HEURES")) {
            as(Tokens.staff(other.territory, other.chantier)).get(chantierList()).then().statusCode(403);
            as(Tokens.staff(enrolled.territory, other.chantier)).get(chantierList()).then().statusCode(403);
            as(Tokens.coordinator(other.territory)).get(chantierList()).then().statusCode(403);
            as(Tokens.coordinator(other.territory)).get(territoryList()).then().statusCode(403);
            staff().get(territoryList()).then().statusCode(403);
            as(Tokens.evaluator()).get(chantierList()).then().statusCode(403);
            as(Tokens.coordinator(enrolled.territory)).get(territoryList()).then().statusCode(200)
                    .body("candidates.pathwayId", hasItem(pathway))
                    .body("candidates.find { it.pathwayId == '" + pathway + "' }.chantierId",
                            equalTo(enrolled.chantier));
            asNational().get(chantierList()).then().statusCode(200).body("candidates.pathwayId", hasItem(pathway));
        }
    }

    private io.restassured.specification.RequestSpecification staff() {
        return as(Tokens.staff(enrolled.territory, enrolled.chantier));
    }

    private String chantierList() {
        return "/chantiers/" + enrolled.chantier + "/step-up-candidates";
    }

    private String territoryList() {
        return "/territories/" + enrolled.territory + "/step-up-candidates";
    }

    private static String candidate(String pathway, String field) {
        return "candidates.find { it.pathwayId == '" + pathway + "' }." + field;
    }

    private void awaitListed(String pathway) {
        await().atMost(PROJECTED).untilAsserted(() -> staff().get(chantierList()).then().statusCode(200)
                .body("candidates.pathwayId", hasItem(pathway)));
    }

    /** Waits until the read model holds this many weeks of the pathway (0: none, after the marker's are in). */
    private void awaitProjected(String pathway, int weeks) {
        if (weeks == 0) {
            return;
        }
        await().atMost(PROJECTED).until(() -> {
            Document stored = readModel.collection(StepUpProjection.PATHWAYS).find(Filters.eq("_id", pathway))
                    .first();
            return stored != null && stored.get("weeks", Document.class).size() == weeks;
        });
    }

    private static void decide(String pathway, int hours) {
        asNational().body("{\"effectiveOn\":\"2020-01-06\",\"weeklyHours\":" + hours + ",\"reason\":\"OTHER\"}")
                .post("/pathways/" + pathway + "/contracted-hours").then().statusCode(200);
    }

    /** Minutes worked in consecutive weeks from 2020-W02, in one batch. */
    private void weeks(String pathway, int... minutes) {
        String lines = java.util.stream.IntStream.range(0, minutes.length)
                .mapToObj(i -> line(pathway, "2020-W%02d".formatted(2 + i), minutes[i]))
                .collect(Collectors.joining(","));
        asNational().body("{\"lines\":[" + lines + "]}").post("/chantiers/" + enrolled.chantier + "/timesheets")
                .then().statusCode(200).body("refused", equalTo(0));
    }

    private void record(String pathway, String week, int minutes) {
        asNational().body("{\"lines\":[" + line(pathway, week, minutes) + "]}")
                .post("/chantiers/" + enrolled.chantier + "/timesheets").then().statusCode(200)
                .body("refused", equalTo(0));
    }

    private static String line(String pathway, String week, int minutes) {
        return "{\"pathwayId\":\"%s\",\"week\":\"%s\",\"minutesWorked\":%d}".formatted(pathway, week, minutes);
    }
}
