package org.convergence.hours.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.hours.Enrolled;
import org.convergence.hours.domain.HoursMessages.ContractedHoursDecidedEvent;
import org.convergence.hours.domain.IsoWeek;
import org.convergence.hours.domain.StoreScheduleMessages.StoreHoursScheduledEvent;
import org.convergence.hours.domain.Streams;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.AtOnce;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.convergence.testsupport.Rest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ADR 0020's guarantee: a chantier decision (hours' own REST) and a transition step (the service door the transitions
 * service calls) that are each fine alone but break 35 hours together, fired at the same instant, many times: one
 * passes, the other is refused by WEEKLY_LIMIT_35, and no week of the stored events is above 35.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class WeeklyLimitUnderConcurrencyTest {

    private static final int ROUNDS = Integer.getInteger("weekly-limit.rounds", 50);
    private static final LocalDate ENTRY = LocalDate.of(2020, 1, 6);
    private static final LocalDate START = LocalDate.of(2020, 9, 7);
    private static final LocalDate STEP = LocalDate.of(2020, 9, 28);
    private static final LocalDate DECISION = LocalDate.of(2020, 10, 5);

    @Inject
    EnrolmentView view;

    @Inject
    MongoEventStore store;

    @Test
    void aChantierDecisionAndAStoreStepFiredTogetherNeverTakeAWeekAboveThirtyFiveHours() throws Exception {
        try (Enrolled enrolled = new Enrolled(view, LocalDate.of(2019, 1, 7), "CONVERGENCE")) {
            String staff = Tokens.staff(enrolled.territory, enrolled.chantier);
            List<String> pathways = enrolled.pathways(ROUNDS, "CONVERGENCE", ENTRY);
            int decisionsWon = 0;
            for (String pathway : pathways) {
                String transition = UUID.randomUUID().toString();
                String door = "/service/pathways/" + pathway + "/store-schedule/" + transition + "/";
                as(staff).body("""
                        {"effectiveOn":"2020-01-06","weeklyHours":26,"reason":"CONTRACT_START"}""")
                        .post("/pathways/" + pathway + "/contracted-hours").then().statusCode(200);
                as(StoreScheduleApiTest.SCHEDULER).body(StoreScheduleApiTest.change(transition, "START",
                        START.toString(), 8, 26)).put(door + 1).then().statusCode(200);

                // Alone, each is 35: 27 + 8 from 2020-W41, or 26 + 9 from 2020-W40. Together, 27 + 9 = 36.
                List<Response> answers = atOnce(List.of(
                        () -> as(staff).body("""
                                {"effectiveOn":"%s","weeklyHours":27,"reason":"PARTICIPANT_WISH"}"""
                                .formatted(DECISION)).post("/pathways/" + pathway + "/contracted-hours"),
                        () -> as(StoreScheduleApiTest.SCHEDULER).body(StoreScheduleApiTest.change(transition,
                                "STEP", STEP.toString(), 9, 26)).put(door + 2)));

                assertNoWeekAboveThirtyFive(pathway);
                List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
                assertEquals(List.of(200, 422), statuses, "round of " + pathway);
                Response refused = answers.stream().filter(a -> a.statusCode() == 422).findFirst().orElseThrow();
                assertEquals("WEEKLY_LIMIT_35", refused.path("code"));
                decisionsWon += answers.get(0).statusCode() == 200 ? 1 : 0;
            }
            System.out.printf("weekly limit under concurrency: %d rounds, the chantier decision won %d, the store "
                    + "step %d%n", ROUNDS, decisionsWon, ROUNDS - decisionsWon);
        }
    }

    /** Replays the pathway's stored schedule events, day by day, independently of the aggregate's own check. */
    private void assertNoWeekAboveThirtyFive(String pathway) {
        TreeMap<LocalDate, Integer> chantier = new TreeMap<>();
        TreeMap<LocalDate, Integer> storeHours = new TreeMap<>();
        for (DomainEventMessage<?> event : store.eventsOf(Streams.contract(pathway), 0)) {
            if (event.getPayload() instanceof ContractedHoursDecidedEvent decided) {
                chantier.put(decided.effectiveOn(), decided.weeklyHours());
            } else if (event.getPayload() instanceof StoreHoursScheduledEvent scheduled) {
                storeHours.put(scheduled.effectiveOn(), scheduled.storeHours());
            }
        }
        for (IsoWeek week = IsoWeek.of(ENTRY); week.compareTo(IsoWeek.of(LocalDate.of(2021, 1, 1))) < 0;
             week = week.next()) {
            int chantierMax = 0;
            int storeMax = 0;
            for (LocalDate day = week.monday(); !day.isAfter(week.sunday()); day = day.plusDays(1)) {
                chantierMax = Math.max(chantierMax, valueOn(chantier, day));
                storeMax = Math.max(storeMax, valueOn(storeHours, day));
            }
            assertTrue(chantierMax + storeMax <= 35, "week " + week + " of " + pathway + " has " + chantierMax
                    + " at the chantier and " + storeMax + " in the store");
        }
    }

    private static int valueOn(TreeMap<LocalDate, Integer> steps, LocalDate day) {
        Map.Entry<LocalDate, Integer> entry = steps.floorEntry(day);
        return entry == null ? 0 : entry.getValue();
    }

    private static List<Response> atOnce(List<Callable<Response>> calls) throws Exception {
        return AtOnce.run(calls);
    }
}
