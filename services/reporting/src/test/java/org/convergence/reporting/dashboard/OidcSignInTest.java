package org.convergence.reporting.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.reporting.figures.FiguresService;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenID Connect sign-in against a provider started by the test (discovery, authorization and token endpoints):
 * the ID token becomes the dashboard session, its claims give the roles and scopes the API gives, and a callback
 * that is not the answer to this browser's own request (state, nonce, flow cookie) is refused.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
@WithTestResource(TestIdentityProvider.class)
class OidcSignInTest {

    private static final int YEAR = 2018;

    @Inject
    FiguresService figures;

    /** What the provider sent back to the browser, and the flow cookie the sign-in start set. */
    private record ProviderAnswer(String code, String state, String flow) {
    }

    @Test
    void aCoordinatorSignedInThroughTheProviderSeesItsTerritoryAndIsRefusedAnother() {
        try (Scenario own = new Scenario(YEAR); Scenario other = new Scenario(YEAR)) {
            own.awaitFigures(figures);
            other.awaitFigures(figures);
            TestIdentityProvider.signInNext("coord-oidc", "territory-coordinator", Map.of("territory", own.territory));
            ProviderAnswer answer = authorize();
            Response callback = callback(answer.code(), answer.state(), answer.flow());
            callback.then().statusCode(200);
            String session = callback.getCookie(SessionCookie.NAME);
            assertNotNull(session, "session cookie");
            assertTrue(callback.getDetailedCookie(SessionCookie.NAME).isHttpOnly(), "HttpOnly");

            withSession(session).queryParam("year", YEAR).get("/dashboard/territories/{t}", own.territory).then()
                    .statusCode(200);
            withSession(session).queryParam("year", YEAR).get("/dashboard/territories/{t}", other.territory).then()
                    .statusCode(403);
            withSession(session).get("/figures/territories/{t}/{y}", own.territory, YEAR).then().statusCode(200);
            withSession(session).get("/figures/territories/{t}/{y}", other.territory, YEAR).then().statusCode(403);
            withSession(session).get("/figures/national/{y}", YEAR).then().statusCode(403);
        }
    }

    @Test
    void aCallbackWhoseStateIsNotTheOneThisBrowserStartedWithIsRefused() {
        TestIdentityProvider.signInNext("national-oidc", "national", Map.of());
        ProviderAnswer answer = authorize();
        refused(callback(answer.code(), "forged-state", answer.flow()));
    }

    @Test
    void aCallbackWithoutTheFlowCookieOfThisBrowserIsRefused() {
        TestIdentityProvider.signInNext("national-oidc", "national", Map.of());
        ProviderAnswer answer = authorize();
        refused(callback(answer.code(), answer.state(), null));
    }

    @Test
    void anIdTokenCarryingAnotherSignInsNonceIsRefused() {
        TestIdentityProvider.signInNext("national-oidc", "national", Map.of());
        TestIdentityProvider.forceNonce("a-nonce-of-another-sign-in");
        ProviderAnswer answer = authorize();
        refused(callback(answer.code(), answer.state(), answer.flow()));
    }

    @Test
    void aNationalMemberSignedInThroughTheProviderReadsTheNation() {
        TestIdentityProvider.signInNext("national-oidc", "national", Map.of());
        ProviderAnswer answer = authorize();
        Response callback = callback(answer.code(), answer.state(), answer.flow());
        callback.then().statusCode(200);
        withSession(callback.getCookie(SessionCookie.NAME)).get("/figures/national/{y}", YEAR).then()
                .statusCode(200);
    }

    private static void refused(Response callback) {
        callback.then().statusCode(401);
        String session = callback.getCookie(SessionCookie.NAME);
        assertTrue(session == null || session.isEmpty(), "no session: " + session);
    }

    /** The browser's way to the provider and back: start, then the provider's authorization endpoint. */
    private static ProviderAnswer authorize() {
        Response start = RestAssured.given().redirects().follow(false).get("/dashboard/sign-in/oidc");
        start.then().statusCode(303);
        String flow = start.getCookie(OidcSignInResource.FLOW_COOKIE);
        assertNotNull(flow, "flow cookie");
        Response provider = RestAssured.given().redirects().follow(false).urlEncodingEnabled(false)
                .get(start.header("Location"));
        provider.then().statusCode(302);
        Map<String, String> query = query(URI.create(provider.header("Location")).getRawQuery());
        assertEquals(2, query.size(), query.toString());
        return new ProviderAnswer(query.get("code"), query.get("state"), flow);
    }

    private static Response callback(String code, String state, String flow) {
        RequestSpecification request = RestAssured.given().redirects().follow(false).queryParam("code", code)
                .queryParam("state", state);
        if (flow != null) {
            request.cookie(OidcSignInResource.FLOW_COOKIE, flow);
        }
        return request.get("/dashboard/sign-in/oidc/callback");
    }

    private static RequestSpecification withSession(String session) {
        return RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, session);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
