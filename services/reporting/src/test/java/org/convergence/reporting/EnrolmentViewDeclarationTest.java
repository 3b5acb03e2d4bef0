package org.convergence.reporting;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.convergence.contracts.Topics;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.EventPublisher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service turns the platform's enrolment view on with one line of configuration: the platform then runs its
 * consumer, with its own group, readiness and metrics, and the service reads pathways by id. (Reporting has its
 * own richer projection and leaves the view off; this profile turns it on to show what a new service gets.)
 */
@QuarkusTest
@TestProfile(EnrolmentViewDeclarationTest.WithTheView.class)
@WithTestResource(ConvergenceStackResource.class)
class EnrolmentViewDeclarationTest {

    public static class WithTheView implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convergence.views.enrolment.enabled", "true");
        }
    }

    @Inject
    EnrolmentView view;

    @Test
    void aServiceThatTurnsTheViewOnReadsEnrolmentsPathwaysFromIt() {
        History history = new History();
        History.Pathway pathway = history.pathway("lyon", "fndsa", History.uuid(), "CONVERGENCE");
        pathway.enrolled(LocalDate.of(2020, 1, 6));
        pathway.exited(LocalDate.of(2021, 3, 31), "DURABLE_EMPLOYMENT");
        try (EventPublisher publisher = new EventPublisher()) {
            history.envelopes().forEach(envelope -> publisher.publish(Topics.ENROLMENT, envelope));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> view.pathway(pathway.pathwayId)
                .filter(p -> p.endDate() != null).isPresent());
        EnrolmentView.Pathway found = view.requirePathway(pathway.pathwayId);
        assertEquals(pathway.participantId, found.participantId());
        assertEquals(LocalDate.of(2021, 3, 31), found.endDate());
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'consumer enrolment-view' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'consumer enrolment-view' }.data.group",
                        startsWith("reporting-enrolment-view-"));
    }
}
