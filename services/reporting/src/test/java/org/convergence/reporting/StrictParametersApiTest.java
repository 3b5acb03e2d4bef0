package org.convergence.reporting;

import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.testsupport.RawHttp;
import org.convergence.testsupport.Tokens;
import org.convergence.testsupport.corpus.StoreSnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed path and query parameters, as the tester of issue 12 sent them: 400 naming the parameter, not 404. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class StrictParametersApiTest {

    @Inject
    MongoDatabase database;

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource({
            "/figures/national/abc, year",
            "/figures/national/+2020, year",
            "/figures/national/02020, year",
            "/figures/national/2020.0, year",
            "/figures/national/1999, year",
            "/figures/territories/paris/abc, year",
            "/figures/territories/Paris/2020, territoryId",
            "/figures/territories/%24set/2020, territoryId",
            "/figures/chantiers/a.b/2020, chantierId",
            "/figures/national/territories?asOf=today, asOf",
            "/figures/national/territories?asOf=2020-1-1, asOf",
            "/figures/national/territories?asOf=%2B2020-01-01, asOf",
            "/work-lists/territories/paris?asOf=today, asOf",
            "/participants?page=1.5, page",
            "/participants?page=%2B1, page",
            "/participants?page=01, page",
            "/participants?page=-1, page",
            "/participants?size=abc, size",
            "/participants?size=101, size",
            "/participants?asOf=today, asOf",
            "/participants?territoryId=%00, territoryId",
            "/participants?chantierId=Paris, chantierId",
            "/participants?program=convergence, program",
            "/participants?status=%E2%80%AE, status",
            "/participants?page=0&page=1, page",
            "/participants?pgae=1, pgae"
    })
    void aMalformedParameterIsABadRequestNamingIt(String target, String parameter) {
        Map<String, String> before = StoreSnapshot.current(database).get();
        RawHttp.Answer answer = new RawHttp("localhost", RestAssured.port).request("GET", target,
                Map.of("Authorization", "Bearer " + Tokens.national()), null);

        assertEquals(400, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.contentType(), answer.toString());
        assertTrue(answer.body().contains("\"field\":\"" + parameter + "\""), answer.toString());
        assertEquals(before, StoreSnapshot.current(database).get(), "the read model did not move");
    }
}
