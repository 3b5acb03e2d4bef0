package org.convergence.enrolment.api;

import org.convergence.testsupport.EnrolmentApi;
import org.convergence.testsupport.Tokens;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.platform.eventstore.MongoEventStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The historic import in CSV: the same line-by-line rules as JSON lines, with a header row. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class CsvImportApiTest {

    @Inject
    MongoDatabase database;

    @Test
    void aCsvImportStoresValidLinesWithTheirRealDatesReportsTheOthersAndCanBeRerun() {
        String territory = EnrolmentApi.territory("Lille");
        String chantier = EnrolmentApi.chantier(territory, "2015-01-01", "CONVERGENCE");
        String inProgress = UUID.randomUUID().toString();
        String uncategorised = UUID.randomUUID().toString();
        String tooLong = UUID.randomUUID().toString();
        String csv = String.join("\n",
                "pathwayId,program,chantierId,entryDate,exitDate,exitCategory,housingAtExit",
                inProgress + ",CONVERGENCE," + chantier + ",2021-03-01,,,",
                uncategorised + ",CONVERGENCE," + chantier + ",2016-01-04,2018-06-29,,\"SOCIAL_HOUSING\"",
                UUID.randomUUID() + ",CONVERGENCE,no-such-chantier,2019-01-07,,,",
                UUID.randomUUID() + ",CONVERGENCE," + chantier + ",2019-02-30,,,",
                tooLong + ",CONVERGENCE," + chantier + ",2015-01-05,2020-03-31,OTHER,",
                UUID.randomUUID() + ",CONVERGENCE," + chantier + ",2019-06-03,2019-05-31,OTHER,",
                "");

        postCsv(csv).then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected.line", equalTo(List.of(4, 5, 6, 7)))
                .body("rejected[0].reason", containsString("unknown chantier"))
                .body("rejected[1].reason", containsString("2019-02-30"))
                .body("rejected[2].reason", containsString("at most 60 months"))
                .body("rejected[2].code", equalTo("PAST_FIVE_YEARS"))
                .body("rejected[3].reason", containsString("is before the entry date 2019-06-03"));
        given().auth().oauth2(Tokens.national()).get("/pathways/" + tooLong).then().statusCode(404);
        postCsv("pathwayId,participantId,program,chantierId,entryDate\n" + UUID.randomUUID()
                + ",Jean Dupont,CONVERGENCE," + chantier + ",2019-01-07\n").then().statusCode(200)
                .body("accepted", equalTo(0))
                .body("rejected[0].reason", equalTo("participantId: must be a lowercase UUID (8-4-4-4-12 hexadecimal digits)"));
        given().auth().oauth2(Tokens.national()).get("/pathways/" + uncategorised).then().statusCode(200)
                .body("entryDate", equalTo("2016-01-04"))
                .body("exitDate", equalTo("2018-06-29"))
                .body("exitCategory", nullValue())
                .body("housingAtExit", equalTo("SOCIAL_HOUSING"));

        long before = database.getCollection(MongoEventStore.COMMITS).countDocuments();
        postCsv(csv).then().statusCode(200).body("accepted", equalTo(0)).body("alreadyImported", equalTo(2));
        assertEquals(before, database.getCollection(MongoEventStore.COMMITS).countDocuments(), "nothing stored twice");
    }

    @Test
    void aCsvWithAnUnknownColumnIsRefusedAsAWhole() {
        postCsv("pathwayId,program,chantierId,entryDate,lastName\n").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"))
                .body("errors[0].message", containsString("unknown column 'lastName'"));
    }

    private static io.restassured.response.Response postCsv(String csv) {
        return given().auth().oauth2(Tokens.national()).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/imports/pathways");
    }
}
