package org.convergence.enrolment.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform's bound on requests in flight stands in front of the service (its behaviour is pinned by the
 * platform's {@code OverloadGuardTest}): an operator sees it on /q/metrics, and the service's own endpoints are not
 * counted.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class OverloadGuardEndpointTest {

    @Test
    void requestsInFlightAndOverloadRefusalsAreOnTheMetricsEndpoint() {
        given().auth().oauth2(Tokens.national()).get("/territories/nowhere").then().statusCode(404);

        assertEquals(0, sample("convergence_http_requests_in_flight"), "a finished request gave its slot back");
        assertTrue(sample("convergence_http_requests_overloaded_total") >= 0);
    }

    private static double sample(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        assertTrue(matcher.find(), name + " is on /q/metrics");
        return Double.parseDouble(matcher.group(1));
    }
}
