package org.convergence.enrolment.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.convergence.embedded.FileMongoStackResource;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The database process killed (SIGKILL) under a running service: commands, queries and readiness answer at once
 * and clearly, and everything resumes by itself once the database is back.
 */
@QuarkusTest
@WithTestResource(FileMongoStackResource.class)
class DatabaseOutageTest {

    /** The platform bounds the driver's waits to about 2 s; generous for a loaded CI machine. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(5);

    @Test
    void withTheDatabaseKilledCommandsAndQueriesAnswer503QuicklyReadinessGoesDownAndAllResumesWhenItIsBack() {
        String territory = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String refused = "t-" + UUID.randomUUID().toString().substring(0, 8);
        asNational().body(territoryBody(territory)).post("/territories").then().statusCode(201);

        FileMongoStackResource.killDatabase();
        try {
            answeredQuickly("a command", () -> asNational().body(territoryBody(refused)).post("/territories").then())
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("status", equalTo(503));
            answeredQuickly("a query", () -> asNational().get("/territories/" + territory).then())
                    .statusCode(503).contentType("application/problem+json");
            answeredQuickly("readiness", () -> RestAssured.get("/q/health/ready").then())
                    .statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            FileMongoStackResource.startDatabase();
        }

        long back = System.nanoTime();
        awaitStatus(() -> RestAssured.get("/q/health/ready").then(), 200);
        awaitStatus(() -> asNational().get("/territories/" + territory).then(), 200);
        System.out.printf("database outage: service ready again %d ms after the database restarted%n",
                Duration.ofNanos(System.nanoTime() - back).toMillis());
        asNational().get("/territories/" + refused).then().statusCode(404); // the refused command left nothing
        asNational().body(territoryBody(refused)).post("/territories").then().statusCode(201);
    }

    private static ValidatableResponse answeredQuickly(String what, Supplier<ValidatableResponse> call) {
        long start = System.nanoTime();
        ValidatableResponse response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("database outage: %s answered in %d ms%n", what, took.toMillis());
        assertTrue(took.compareTo(ANSWERED_WITHIN) < 0, what + " took " + took.toMillis() + " ms");
        return response;
    }

    private static void awaitStatus(Supplier<ValidatableResponse> call, int status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = call.get().extract().statusCode();
            if (last == status) {
                return;
            }
            sleep();
        }
        fail("still " + last + " instead of " + status + " 30 s after the database came back");
    }

    private static String territoryBody(String territoryId) {
        return """
                {"territoryId":"%s","name":"Outage","densityKind":"URBAN"}""".formatted(territoryId);
    }

    private static RequestSpecification asNational() {
        return RestAssured.given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
