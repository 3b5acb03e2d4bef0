package org.convergence.reporting.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.convergence.contracts.Topics;
import org.convergence.contracts.transitions.TransitionEvents;
import org.convergence.contracts.transitions.TransitionMeetingHeldV1;
import org.convergence.contracts.transitions.TransitionStartedV1;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.EventPublisher;
import org.convergence.testsupport.Ids;
import org.convergence.testsupport.Rest;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The meeting alert list over REST (issue 10, item 4), fed through the broker: pseudonymous ids, for the national
 * team, the territory's coordination and the chantier's staff only.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class TransitionAlertsApiTest {

    @Test
    void aTransitionWithoutAMeetingForMoreThanFourWeeksIsListedForItsChantierAndTerritoryOnly() {
        String territory = Ids.fresh("t");
        String chantier = Ids.fresh("c");
        String pathway = UUID.randomUUID().toString();
        String participant = UUID.randomUUID().toString();
        String transition = UUID.randomUUID().toString();
        try (EnrolmentFacts enrolment = new EnrolmentFacts(territory);
             EventPublisher transitions = new EventPublisher()) {
            enrolment.chantier(chantier, "CONVERGENCE", LocalDate.of(2015, 1, 1));
            enrolment.enrol(participant, pathway, "CONVERGENCE", chantier, LocalDate.of(2020, 1, 6));
            transitions.publish(Topics.TRANSITIONS, TransitionEvents.TRANSITION_STARTED, new TransitionStartedV1(
                    transition, pathway, participant, "franprix", "franprix-paris-11", LocalDate.of(2020, 3, 2), 8,
                    18), LocalDate.of(2020, 3, 2), pathway, territory, chantier);
            transitions.publish(Topics.TRANSITIONS, TransitionEvents.TRANSITION_MEETING_HELD,
                    new TransitionMeetingHeldV1(transition, pathway, LocalDate.of(2020, 3, 30)),
                    LocalDate.of(2020, 3, 30), pathway, territory, chantier);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Rest.asNational()
                .get("/transition-alerts/territories/" + territory + "?asOf=2020-05-01").then().statusCode(200)
                .body("count", equalTo(1))
                .body("weeks", equalTo(4))
                .body("alerts.transitionId", contains(transition))
                .body("alerts[0].participantId", equalTo(participant))
                .body("alerts[0].lastMeetingOn", equalTo("2020-03-30"))
                .body("alerts[0].dueOn", equalTo("2020-04-27")));
        Rest.asNational().get("/transition-alerts/territories/" + territory + "?asOf=2020-04-27").then()
                .statusCode(200).body("count", equalTo(0));
        Rest.as(Tokens.staff(territory, chantier)).get("/transition-alerts/chantiers/" + chantier + "?asOf=2020-05-01")
                .then().statusCode(200).body("count", equalTo(1)).body("chantierId", equalTo(chantier));
        Rest.as(Tokens.coordinator(territory)).get("/transition-alerts/territories/" + territory).then()
                .statusCode(200);

        Rest.as(Tokens.staff(territory, Ids.fresh("c"))).get("/transition-alerts/chantiers/" + chantier).then()
                .statusCode(403);
        Rest.as(Tokens.coordinator(Ids.fresh("t"))).get("/transition-alerts/territories/" + territory).then()
                .statusCode(403);
        Rest.as(Tokens.evaluator()).get("/transition-alerts/territories/" + territory).then().statusCode(403);
        Rest.as(Tokens.staff(territory, chantier)).get("/transition-alerts/territories/" + territory).then()
                .statusCode(403);
        Rest.asNational().get("/transition-alerts/chantiers/" + Ids.fresh("c")).then().statusCode(404);
    }
}
