package org.convergence.hours.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.ContractedHoursDecidedV1;
import org.convergence.contracts.hours.HoursEvents;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.hours.Enrolled;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.TestEnvelopes;
import org.convergence.testsupport.Tokens;
import org.convergence.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.convergence.testsupport.Rest.as;
import static org.convergence.testsupport.Rest.asNational;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class ContractedHoursApiTest {

    private static final LocalDate SINCE = LocalDate.of(2019, 1, 7);
    private static final LocalDate ENTRY = LocalDate.of(2020, 1, 6);

    @Inject
    EnrolmentView view;

    private Enrolled enrolled;

    @BeforeEach
    void aChantierCarryingPremieresHeures() {
        enrolled = new Enrolled(view, SINCE, "PREMIERES_HEURES");
    }

    @AfterEach
    void close() {
        enrolled.close();
    }

    private static String decision(String effectiveOn, int hours, String reason) {
        return """
                {"effectiveOn":"%s","weeklyHours":%d,"reason":"%s"}""".formatted(effectiveOn, hours, reason);
    }

    @Test
    void beforeAnyDecisionAPathwayHasItsProgramsDefaultThenEachDecisionIsListedWithItsReasonAndWhoTookIt() {
        String pathway = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        asNational().get("/pathways/" + pathway + "/contracted-hours").then().statusCode(200)
                .body("weeklyHoursToday", equalTo(4)).body("programDefault", equalTo(true))
                .body("nextLadderStep", equalTo(6));

        as(Tokens.staff(enrolled.territory, enrolled.chantier)).body(decision("2020-01-06", 4, "CONTRACT_START"))
                .post("/pathways/" + pathway + "/contracted-hours").then().statusCode(200);
        as(Tokens.staff(enrolled.territory, enrolled.chantier)).body(decision("2020-03-02", 6, "LADDER_STEP"))
                .post("/pathways/" + pathway + "/contracted-hours").then().statusCode(200)
                .body("weeklyHoursToday", equalTo(6)).body("programDefault", equalTo(false))
                .body("nextLadderStep", equalTo(8))
                .body("decisions.weeklyHours", contains(4, 6))
                .body("decisions[1].previousWeeklyHours", equalTo(4))
                .body("decisions[1].reason", equalTo("LADDER_STEP"))
                .body("decisions[1].decidedBy", equalTo("staff-" + enrolled.chantier));

        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(), Topics.HOURS)) {
            List<EventEnvelope> published = reader.readKey(pathway, 2, Duration.ofSeconds(30)).stream()
                    .map(r -> TestEnvelopes.CODEC.decode(r.value())).toList();
            assertEquals(2, published.size());
            ContractedHoursDecidedV1 step = TestEnvelopes.CODEC.payload(published.get(1),
                    HoursEvents.CONTRACTED_HOURS_DECIDED);
            assertEquals(new ContractedHoursDecidedV1(pathway, step.participantId(), "PREMIERES_HEURES",
                    LocalDate.of(2020, 3, 2), 6, 4, "LADDER_STEP", "staff-" + enrolled.chantier), step);
            assertEquals(enrolled.chantier, published.get(1).chantierId());
        }
    }

    @Test
    void theSameDecisionSentTwiceIsRecordedOnce() {
        String pathway = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        for (int i = 0; i < 2; i++) {
            asNational().body(decision("2020-01-06", 4, "CONTRACT_START"))
                    .post("/pathways/" + pathway + "/contracted-hours").then().statusCode(200)
                    .body("decisions", hasSize(1));
        }
    }

    @Test
    void refusalsAreProblemsNamingTheRule() {
        String pathway = enrolled.pathway("PREMIERES_HEURES", ENTRY, LocalDate.of(2020, 6, 30));
        refused(pathway, decision("2020-01-05", 4, "CONTRACT_START"), "DECISION_BEFORE_ENTRY");
        refused(pathway, decision("2020-07-01", 6, "OTHER"), "DECISION_AFTER_EXIT");
        refused(pathway, decision("2020-02-03", 21, "OTHER"), "HOURS_OUT_OF_BOUNDS");
        refused(pathway, decision("2020-02-03", 8, "LADDER_STEP"), "NOT_THE_NEXT_LADDER_STEP");
        refused(UUID.randomUUID().toString(), decision("2020-02-03", 6, "OTHER"), "UNKNOWN_PATHWAY");
        asNational().get("/pathways/" + pathway + "/contracted-hours").then().statusCode(200)
                .body("decisions", hasSize(0));
    }

    private static void refused(String pathway, String body, String code) {
        asNational().body(body).post("/pathways/" + pathway + "/contracted-hours").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo(code));
    }

    @Test
    void onlyTheNationalTeamTheTerritorysCoordinatorAndTheChantiersStaffReachAPathwaysContract() {
        String pathway = enrolled.pathway("PREMIERES_HEURES", ENTRY);
        String path = "/pathways/" + pathway + "/contracted-hours";
        as(Tokens.coordinator(enrolled.territory)).get(path).then().statusCode(200);
        as(Tokens.staff(enrolled.territory, enrolled.chantier)).get(path).then().statusCode(200);
        as(Tokens.staff(enrolled.territory, "another-chantier")).get(path).then().statusCode(403);
        as(Tokens.coordinator("another-territory")).get(path).then().statusCode(403);
        as(Tokens.staff(enrolled.territory, "another-chantier")).body(decision("2020-01-06", 4, "CONTRACT_START"))
                .post(path).then().statusCode(403);
        as(Tokens.evaluator()).get(path).then().statusCode(403);
        // A scoped caller cannot tell an unknown pathway from another chantier's.
        as(Tokens.staff(enrolled.territory, enrolled.chantier))
                .get("/pathways/" + UUID.randomUUID() + "/contracted-hours").then().statusCode(403)
                .body("code", nullValue());
    }
}
