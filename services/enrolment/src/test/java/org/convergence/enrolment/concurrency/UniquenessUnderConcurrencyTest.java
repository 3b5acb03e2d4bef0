package org.convergence.enrolment.concurrency;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.enrolment.domain.ChantierMessages.ChantierRegisteredEvent;
import org.convergence.enrolment.domain.PathwayMessages.CheckInRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ParticipantEnrolledEvent;
import org.convergence.enrolment.domain.PathwayMessages.PromotedToConvergenceEvent;
import org.convergence.enrolment.domain.Streams;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.convergence.enrolment.concurrency.ConcurrentRequests.ROUNDS;
import static org.convergence.enrolment.concurrency.ConcurrentRequests.count;
import static org.convergence.enrolment.concurrency.ConcurrentRequests.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every uniqueness rule of enrolment holds when many requests race for it through the real service: sixteen
 * requests at the same instant, {@link ConcurrentRequests#ROUNDS} times, and exactly one wins each time. The design
 * behind each guarantee: docs/adr/0015.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class UniquenessUnderConcurrencyTest {

    private static final int RACERS = 16;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EnrolmentReads reads;

    @Inject
    MongoEventStore store;

    private ConcurrentRequests requests;
    private String territory;

    @BeforeEach
    void setUp() throws Exception {
        requests = new ConcurrentRequests(base.toURI(), Tokens.national());
        territory = territory();
    }

    @AfterEach
    void tearDown() {
        requests.close();
    }

    @Test
    void sixteenSimultaneousEnrolmentsOfOneParticipantInOneProgramAtTwoChantiersLeaveExactlyOneActivePathway()
            throws Exception {
        String first = chantier("CONVERGENCE");
        String second = chantier("CONVERGENCE");
        for (int round = 0; round < ROUNDS; round++) {
            String participant = UUID.randomUUID().toString();
            List<String> pathways = ids(RACERS);
            List<HttpResponse<String>> answers = requests.post("/pathways", RACERS, i -> """
                    {"pathwayId":"%s","participantId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"2020-01-06"}"""
                    .formatted(pathways.get(i), participant, i % 2 == 0 ? first : second));

            assertEquals(1, count(answers, 201), "round " + round + ":\n" + summary(answers));
            answers.stream().filter(a -> a.statusCode() != 201).forEach(a -> {
                assertEquals(422, a.statusCode(), a.body());
                assertTrue(a.body().contains("SECOND_ACTIVE_PATHWAY"), a.body());
            });
            assertEquals(1, pathways.stream().filter(id -> reads.pathway(id).isPresent()).count(),
                    "round " + round + ": one pathway stored");
        }
    }

    @Test
    void sixteenSimultaneousReEntriesAfterAnExitLeaveExactlyOneActivePathway() throws Exception {
        String chantier = chantier("CONVERGENCE");
        for (int round = 0; round < ROUNDS; round++) {
            String participant = UUID.randomUUID().toString();
            String first = UUID.randomUUID().toString();
            RestAssured.given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body("""
                    {"pathwayId":"%s","participantId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"2018-01-08"}"""
                    .formatted(first, participant, chantier)).post("/pathways").then().statusCode(201);
            RestAssured.given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                    .body("{\"exitDate\":\"2019-06-28\",\"category\":\"OTHER\"}")
                    .post("/pathways/" + first + "/exit").then().statusCode(200);
            List<String> pathways = ids(RACERS);
            List<HttpResponse<String>> answers = requests.post("/pathways", RACERS, i -> """
                    {"pathwayId":"%s","participantId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"2020-01-06"}"""
                    .formatted(pathways.get(i), participant, chantier));

            assertEquals(1, count(answers, 201), "round " + round + ":\n" + summary(answers));
            assertEquals(RACERS - 1, count(answers, 422), summary(answers));
            assertEquals(1, pathways.stream().filter(id -> reads.pathway(id).isPresent()).count(),
                    "round " + round + ": one pathway stored");
        }
    }

    @Test
    void sixteenSimultaneousEnrolmentsUnderOnePathwayIdStoreOnePathway() throws Exception {
        String chantier = chantier("CONVERGENCE");
        for (int round = 0; round < ROUNDS; round++) {
            String pathway = UUID.randomUUID().toString();
            List<HttpResponse<String>> answers = requests.post("/pathways", RACERS, i -> """
                    {"pathwayId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"2020-01-06"}"""
                    .formatted(pathway, chantier));

            assertEquals(1, count(answers, 201), "round " + round + ":\n" + summary(answers));
            assertEquals(RACERS - 1, count(answers, 409), summary(answers));
            assertEquals(1, events(Streams.pathway(pathway), ParticipantEnrolledEvent.class));
        }
    }

    @Test
    void sixteenSimultaneousRegistrationsOfOneChantierIdInTwoTerritoriesRegisterItOnce() throws Exception {
        String other = territory();
        for (int round = 0; round < ROUNDS; round++) {
            String chantier = "c-" + UUID.randomUUID().toString().substring(0, 8);
            List<HttpResponse<String>> answers = requests.post(RACERS,
                    i -> "/territories/" + (i % 2 == 0 ? territory : other) + "/chantiers", i -> """
                    {"chantierId":"%s","name":"ACI %d","programs":[{"program":"CONVERGENCE","since":"2019-01-01"}]}"""
                            .formatted(chantier, i));

            assertEquals(1, count(answers, 201), "round " + round + ":\n" + summary(answers));
            assertEquals(RACERS - 1, count(answers, 409), summary(answers));
            assertEquals(1, events(Streams.chantier(chantier), ChantierRegisteredEvent.class));
        }
    }

    @Test
    void sixteenSimultaneousPromotionsOfOnePremieresHeuresPathwayPromoteItOnce() throws Exception {
        String chantier = chantier("PREMIERES_HEURES", "CONVERGENCE");
        for (int round = 0; round < ROUNDS; round++) {
            String premieresHeures = UUID.randomUUID().toString();
            enrol(premieresHeures, "PREMIERES_HEURES", chantier, "2019-09-02");
            List<String> cddis = ids(RACERS);
            List<HttpResponse<String>> answers = requests.post("/pathways/" + premieresHeures + "/promotion", RACERS,
                    i -> """
                            {"convergencePathwayId":"%s","promotionDate":"2020-01-06"}""".formatted(cddis.get(i)));

            assertEquals(1, count(answers, 201), "round " + round + ":\n" + summary(answers));
            answers.stream().filter(a -> a.statusCode() != 201)
                    .forEach(a -> assertTrue(a.statusCode() == 409 || a.statusCode() == 422, a.body()));
            assertEquals(1, events(Streams.pathway(premieresHeures), PromotedToConvergenceEvent.class));
            assertEquals(1, cddis.stream().filter(id -> reads.pathway(id).isPresent()).count(),
                    "round " + round + ": one Convergence pathway stored");
        }
    }

    @Test
    void sixteenSimultaneousCheckInsAtOneMilestoneRecordOne() throws Exception {
        String chantier = chantier("CONVERGENCE");
        for (int round = 0; round < ROUNDS; round++) {
            String pathway = UUID.randomUUID().toString();
            enrol(pathway, "CONVERGENCE", chantier, "2019-05-06");
            RestAssured.given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                    .body("{\"exitDate\":\"2020-06-30\",\"category\":\"OTHER\"}")
                    .post("/pathways/" + pathway + "/exit").then().statusCode(200);
            List<HttpResponse<String>> answers = requests.post("/pathways/" + pathway + "/check-ins", RACERS, i -> """
                    {"milestoneMonths":1,"checkInDate":"2020-07-%02d","employmentStatus":"OTHER","housingSituation":"STREET"}"""
                    .formatted(i + 1));

            assertEquals(1, count(answers, 201), "round " + round + ":\n" + summary(answers));
            answers.stream().filter(a -> a.statusCode() != 201)
                    .forEach(a -> assertTrue(a.statusCode() == 409 || a.body().contains("CHECK_IN_ALREADY_RECORDED"),
                            a.body()));
            assertEquals(1, events(Streams.pathway(pathway), CheckInRecordedEvent.class));
        }
    }

    private long events(String stream, Class<?> type) {
        return store.eventsOf(stream, 0).stream().map(DomainEventMessage::getPayload).filter(type::isInstance).count();
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    private String territory() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        RestAssured.given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body("""
                {"territoryId":"%s","name":"Race","densityKind":"URBAN"}""".formatted(id))
                .post("/territories").then().statusCode(201);
        return id;
    }

    private String chantier(String... programs) {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String carried = String.join(",", java.util.Arrays.stream(programs)
                .map(p -> "{\"program\":\"" + p + "\",\"since\":\"2019-01-01\"}").toList());
        RestAssured.given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body("""
                {"chantierId":"%s","name":"ACI","programs":[%s]}""".formatted(id, carried))
                .post("/territories/" + territory + "/chantiers").then().statusCode(201);
        return id;
    }

    private void enrol(String pathway, String program, String chantier, String entryDate) {
        RestAssured.given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body("""
                {"pathwayId":"%s","program":"%s","chantierId":"%s","entryDate":"%s"}"""
                .formatted(pathway, program, chantier, entryDate)).post("/pathways").then().statusCode(201);
    }
}
