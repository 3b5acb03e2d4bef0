package org.convergence.hours.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.hours.Enrolled;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.UUID;

import static org.convergence.testsupport.Rest.as;
import static org.convergence.testsupport.Rest.asNational;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class TimesheetApiTest {

    private static final LocalDate ENTRY = LocalDate.of(2020, 1, 8); // Wednesday of 2020-W02

    @Inject
    EnrolmentView view;

    private Enrolled enrolled;

    @BeforeEach
    void aPremieresHeuresChantier() {
        enrolled = new Enrolled(view, LocalDate.of(2019, 1, 7), "PREMIERES_HEURES");
    }

    @AfterEach
    void close() {
        enrolled.close();
    }

    private static String line(String pathway, String week, int minutes, String absences) {
        return """
                {"pathwayId":"%s","week":"%s","minutesWorked":%d%s}""".formatted(pathway, week, minutes,
                absences == null ? "" : ",\"absences\":" + absences);
    }

    private static String batch(String... lines) {
        return "{\"lines\":[" + String.join(",", lines) + "]}";
    }

    private String path() {
        return "/chantiers/" + enrolled.chantier + "/timesheets";
    }

    @Test
    void aWeekIsRecordedOnceTheSameFiguresAgainAreUnchangedAndNewFiguresAreACorrection() {
        String pathway = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        String staff = Tokens.staff(enrolled.territory, enrolled.chantier);
        String first = line(pathway, "2020-W02", 240, "{\"sickLeave\":120,\"training\":60}");
        as(staff).body(batch(first)).post(path()).then().statusCode(200)
                .body("recorded", equalTo(1)).body("lines[0].outcome", equalTo("RECORDED"));
        as(staff).body(batch(first)).post(path()).then().statusCode(200)
                .body("unchanged", equalTo(1)).body("lines[0].outcome", equalTo("UNCHANGED"));
        as(staff).body(batch(line(pathway, "2020-W02", 300, "{\"sickLeave\":120,\"training\":60}")))
                .post(path()).then().statusCode(200)
                .body("corrected", equalTo(1)).body("lines[0].outcome", equalTo("CORRECTED"));
    }

    @Test
    void aParticipantsWeeksShowContractedHoursWorkAndAbsencesInWeekOrderWithWeeksWithoutHours() {
        String pathway = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        asNational().body("""
                {"effectiveOn":"2020-01-13","weeklyHours":6,"reason":"LADDER_STEP"}""")
                .post("/pathways/" + pathway + "/contracted-hours").then().statusCode(200);
        asNational().body(batch(line(pathway, "2020-W04", 330, "{\"authorised\":30}"),
                line(pathway, "2020-W02", 240, null))).post(path()).then().statusCode(200);
        asNational().body(batch(line(pathway, "2020-W02", 200, null))).post(path()).then().statusCode(200);

        asNational().queryParam("from", "2020-W02").queryParam("to", "2020-W04")
                .get("/pathways/" + pathway + "/weeks").then().statusCode(200)
                .body("week", contains("2020-W02", "2020-W03", "2020-W04"))
                .body("contractedHours", contains(4, 6, 6))
                .body("reported", contains(true, false, true))
                .body("[0].minutesWorked", equalTo(200)).body("[0].corrections", equalTo(1))
                .body("[2].minutesWorked", equalTo(330)).body("[2].absences.authorised", equalTo(30));
        asNational().queryParam("from", "2021-W53").get("/pathways/" + pathway + "/weeks").then().statusCode(400);
        as(Tokens.staff(enrolled.territory, "another-chantier")).get("/pathways/" + pathway + "/weeks").then()
                .statusCode(403);
    }

    @Test
    void eachRefusedLineCarriesTheProblemOfItsRuleAndNeverStopsTheOthers() {
        String pathway = enrolled.pathway("PREMIERES_HEURES", ENTRY, LocalDate.of(2020, 6, 30));
        Enrolled elsewhere = new Enrolled(view, LocalDate.of(2019, 1, 7), "PREMIERES_HEURES");
        String otherChantiers = elsewhere.pathway("PREMIERES_HEURES", ENTRY);
        elsewhere.close();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String nextWeek = String.format("%d-W%02d", today.plusWeeks(1).get(IsoFields.WEEK_BASED_YEAR),
                today.plusWeeks(1).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        asNational().body(batch(
                        line(pathway, "2020-W03", 240, null),
                        line(pathway, "2020-W01", 240, null),
                        line(pathway, "2020-W28", 240, null),
                        line(pathway, "2020-W04", 3601, null),
                        line(pathway, "2020-W05", -15, null),
                        line(UUID.randomUUID().toString(), "2020-W05", 240, null),
                        line(otherChantiers, "2020-W05", 240, null),
                        line(pathway, "2021-W53", 240, null),
                        line(pathway, "2020-W06", 480, "{\"unjustified\":240}")))
                .post(path()).then().statusCode(200)
                .body("recorded", equalTo(2)).body("refused", equalTo(7))
                .body("lines.outcome", contains("RECORDED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED",
                        "REFUSED", "REFUSED", "RECORDED"))
                .body("lines.findAll { it.problem != null }.collect { it.line + ':' + it.problem.code }", contains(
                        "1:WEEK_BEFORE_ENTRY", "2:WEEK_AFTER_EXIT", "3:HOURS_ABOVE_MAXIMUM", "4:NEGATIVE_HOURS",
                        "5:UNKNOWN_PATHWAY", "6:PATHWAY_OF_ANOTHER_CHANTIER", "7:NO_SUCH_WEEK"))
                .body("lines[1].problem.status", equalTo(422));
        String current = enrolled.pathway("PREMIERES_HEURES", today.minusWeeks(2));
        asNational().body(batch(line(current, nextWeek, 240, null))).post(path()).then().statusCode(200)
                .body("lines[0].problem.code", equalTo("WEEK_IN_FUTURE"));
    }

    @Test
    void aChantiersStaffRecordsTheWeeksOfTheirOwnChantierOnly() {
        String pathway = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        String body = batch(line(pathway, "2020-W02", 240, null));
        as(Tokens.staff(enrolled.territory, "another-chantier")).body(body).post(path()).then().statusCode(403);
        as(Tokens.coordinator("another-territory")).body(body).post(path()).then().statusCode(403);
        as(Tokens.evaluator()).body(body).post(path()).then().statusCode(403);
        as(Tokens.staff(enrolled.territory, enrolled.chantier)).body(body).post(path()).then().statusCode(200)
                .body("recorded", equalTo(1));
        as(Tokens.staff(enrolled.territory, enrolled.chantier)).body(body)
                .post("/chantiers/no-such-chantier/timesheets").then().statusCode(403);
    }
}
