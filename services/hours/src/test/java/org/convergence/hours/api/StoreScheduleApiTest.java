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
import java.util.Map;
import java.util.UUID;

import static org.convergence.testsupport.Rest.as;
import static org.hamcrest.Matchers.equalTo;

/** The service-to-service door of the combined weekly schedule (ADR 0020). */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class StoreScheduleApiTest {

    static final String SCHEDULER = Tokens.forRole("service-transitions", StoreScheduleResource.STORE_SCHEDULER,
            Map.of());

    @Inject
    EnrolmentView view;

    private Enrolled enrolled;
    private String pathway;
    private final String transition = UUID.randomUUID().toString();

    @BeforeEach
    void aConvergencePathwayOnTwentySixHours() {
        enrolled = new Enrolled(view, LocalDate.of(2019, 1, 7), "CONVERGENCE");
        pathway = enrolled.pathway("CONVERGENCE", LocalDate.of(2020, 1, 6));
        as(Tokens.staff(enrolled.territory, enrolled.chantier)).body("""
                {"effectiveOn":"2020-01-06","weeklyHours":26,"reason":"CONTRACT_START"}""")
                .post("/pathways/" + pathway + "/contracted-hours").then().statusCode(200);
    }

    @AfterEach
    void close() {
        enrolled.close();
    }

    static String change(String transition, String change, String on, Integer store, Integer chantier) {
        return """
                {"transitionId":"%s","change":"%s","on":"%s","storeHours":%s,"chantierHours":%s}"""
                .formatted(transition, change, on, store, chantier);
    }

    private String path(int number) {
        return "/service/pathways/" + pathway + "/store-schedule/" + transition + "/" + number;
    }

    @Test
    void theSameKeyAndBodyAnswerTheSameAndAnotherBodyUnderThatKeyIsAConflictNamingTheRule() {
        String start = change(transition, "START", "2020-09-07", 8, 26);
        as(SCHEDULER).get(path(1)).then().statusCode(404);
        as(SCHEDULER).body(start).put(path(1)).then().statusCode(200)
                .body("storeHours", equalTo(8)).body("chantierHours", equalTo(26))
                .body("effectiveOn", equalTo("2020-09-07"));
        as(SCHEDULER).body(start).put(path(1)).then().statusCode(200)
                .body("storeHours", equalTo(8)).body("key", equalTo(transition + ":1"));
        as(SCHEDULER).body(change(transition, "START", "2020-09-07", 9, 26)).put(path(1)).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("SCHEDULE_KEY_REUSED"));
        as(SCHEDULER).get(path(1)).then().statusCode(200).body("request.storeHours", equalTo(8))
                .body("request.change", equalTo("START"));
    }

    @Test
    void aStepAboveThirtyFiveHoursIsRefusedWithTheRuleNamedWeeklyLimit35() {
        as(SCHEDULER).body(change(transition, "START", "2020-09-07", 8, 26)).put(path(1)).then().statusCode(200);
        as(SCHEDULER).body(change(transition, "STEP", "2020-10-05", 15, 21)).put(path(2)).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("WEEKLY_LIMIT_35"));
    }

    @Test
    void aChantierDecisionAboveThirtyFiveHoursWithTheStoreIsRefusedWithTheRuleNamedWeeklyLimit35() {
        as(SCHEDULER).body(change(transition, "START", "2020-09-07", 8, 26)).put(path(1)).then().statusCode(200);
        as(Tokens.staff(enrolled.territory, enrolled.chantier)).body("""
                {"effectiveOn":"2020-10-05","weeklyHours":28,"reason":"PARTICIPANT_WISH"}""")
                .post("/pathways/" + pathway + "/contracted-hours").then().statusCode(422)
                .body("code", equalTo("WEEKLY_LIMIT_35"));
    }

    @Test
    void onlyTheStoreSchedulerRoleReachesTheStoreScheduleAndItReachesNothingElse() {
        String start = change(transition, "START", "2020-09-07", 8, 26);
        as(Tokens.national()).body(start).put(path(1)).then().statusCode(403);
        as(Tokens.staff(enrolled.territory, enrolled.chantier)).body(start).put(path(1)).then().statusCode(403);
        as(Tokens.of("employer", Map.of("employer", "franprix"))).body(start).put(path(1)).then().statusCode(403);
        as(SCHEDULER).get("/pathways/" + pathway + "/contracted-hours").then().statusCode(403);
        as(SCHEDULER).body("""
                {"effectiveOn":"2020-10-05","weeklyHours":27,"reason":"PARTICIPANT_WISH"}""")
                .post("/pathways/" + pathway + "/contracted-hours").then().statusCode(403);
    }
}
