package org.convergence.enrolment.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operator sees the relay on /q/metrics: its backlog, what it published, the rounds that failed. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class RelayMetricsEndpointTest {

    @Test
    void theRelaysBacklogPublishedEventsAndFailedRoundsAreOnTheMetricsEndpointAndCountACommand() throws Exception {
        double before = sample("convergence_relay_events_published_total");
        assertTrue(Double.isFinite(sample("convergence_relay_rounds_failed_total")));
        assertTrue(metrics().contains("convergence_relay_backlog_oldest_age_seconds"));
        assertTrue(metrics().contains("convergence_relay_streams_skipped_total"));

        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body("{\"territoryId\":\"m-%s\",\"name\":\"Metz\",\"densityKind\":\"URBAN\"}"
                        .formatted(UUID.randomUUID().toString().substring(0, 8)))
                .post("/territories").then().statusCode(201);

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (sample("convergence_relay_events_published_total") < before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(sample("convergence_relay_events_published_total") >= before + 1, "the new fact was counted");
        assertEquals(1, sample("convergence_relay_lease_held"));
        assertTrue(sample("convergence_relay_backlog_streams") >= 0);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double sample(String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics());
        assertTrue(matcher.find(), name + " is on /q/metrics");
        return Double.parseDouble(matcher.group(1));
    }
}
