package org.convergence.enrolment.inbound;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convergence.contracts.chantier.ChantierPathwayFacts;
import org.convergence.contracts.chantier.CheckedInByChantierV1;
import org.convergence.contracts.chantier.ExitCorrectedByChantierV1;
import org.convergence.contracts.chantier.PathwayEnrolledByChantierV1;
import org.convergence.contracts.chantier.PathwayExitedAtChantierV1;
import org.convergence.contracts.chantier.PathwayPromotedByChantierV1;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.testsupport.EnrolmentApi;
import org.convergence.testsupport.Rest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.convergence.enrolment.inbound.ChantierSoftware.deadLetters;
import static org.convergence.enrolment.inbound.ChantierSoftware.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each refusal of the REST API has its Kafka twin: the same fact sent by a chantier's software is dead-lettered
 * with the code the REST API answers in its 422 (or CONFLICT for its 409), because both doors call the same
 * application services.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class RestRefusalTwinsTest {

    private static final LocalDate EXIT = LocalDate.of(2021, 3, 1);

    @Test
    void every_rule_refusal_of_rest_comes_out_of_the_dead_letter_topic_with_its_code() {
        String territory = EnrolmentApi.territory("Twins");
        String chantier = EnrolmentApi.chantier(territory, "2010-01-01", "CONVERGENCE", "PREMIERES_HEURES");
        String convergenceOnly = EnrolmentApi.chantier(territory, "2010-01-01", "CONVERGENCE");
        Map<String, String> expected = new LinkedHashMap<>(); // pathway key -> code
        Map<String, String> sender = new LinkedHashMap<>(); // pathway key -> chantier whose topic it was sent on

        try (ChantierSoftware software = new ChantierSoftware(territory, chantier);
             ChantierSoftware other = new ChantierSoftware(territory, convergenceOnly)) {
            String notCarried = fresh();
            other.send(ChantierPathwayFacts.ENROLLED, notCarried, new PathwayEnrolledByChantierV1(notCarried, null,
                    "PREMIERES_HEURES", LocalDate.of(2022, 1, 3)), LocalDate.of(2022, 1, 3));
            expected.put(notCarried, "PROGRAM_NOT_CARRIED");
            sender.put(notCarried, convergenceOnly);

            String unknownProgram = fresh();
            software.send(ChantierPathwayFacts.ENROLLED, unknownProgram, new PathwayEnrolledByChantierV1(
                    unknownProgram, null, "NO_SUCH_PROGRAM", LocalDate.of(2022, 1, 3)), LocalDate.of(2022, 1, 3));
            expected.put(unknownProgram, "UNKNOWN_PROGRAM");

            String taken = open(chantier, "CONVERGENCE", "2020-01-06");
            software.send(ChantierPathwayFacts.ENROLLED, taken, new PathwayEnrolledByChantierV1(taken, null,
                    "CONVERGENCE", LocalDate.of(2020, 1, 6)), LocalDate.of(2020, 1, 6));
            expected.put(taken, "CONFLICT");

            String openOne = open(chantier, "CONVERGENCE", "2020-01-06");
            software.send(ChantierPathwayFacts.EXIT_CORRECTED, openOne, new ExitCorrectedByChantierV1(openOne, EXIT,
                    "OTHER", null), EXIT);
            expected.put(openOne, "NO_EXIT_TO_CORRECT");

            String openTwo = open(chantier, "CONVERGENCE", "2020-01-06");
            software.send(ChantierPathwayFacts.CHECKED_IN, openTwo, checkIn(openTwo, 1, LocalDate.of(2021, 4, 1)),
                    LocalDate.of(2021, 4, 1));
            expected.put(openTwo, "NO_FOLLOW_UP");

            String milestone = exited(chantier);
            software.send(ChantierPathwayFacts.CHECKED_IN, milestone, checkIn(milestone, 2,
                    LocalDate.of(2021, 5, 1)), LocalDate.of(2021, 5, 1));
            expected.put(milestone, "UNKNOWN_MILESTONE");

            String early = exited(chantier);
            software.send(ChantierPathwayFacts.CHECKED_IN, early, checkIn(early, 1, LocalDate.of(2021, 2, 1)),
                    LocalDate.of(2021, 2, 1));
            expected.put(early, "CHECK_IN_BEFORE_EXIT");

            String late = exited(chantier);
            software.send(ChantierPathwayFacts.CHECKED_IN, late, checkIn(late, 12, LocalDate.of(2022, 6, 1)),
                    LocalDate.of(2022, 6, 1));
            expected.put(late, "FOLLOW_UP_CLOSED");

            String twice = exited(chantier);
            Rest.asNational().body("""
                    {"milestoneMonths":1,"checkInDate":"2021-04-01","employmentStatus":"OTHER",
                     "housingSituation":"STREET"}""").post("/pathways/" + twice + "/check-ins").then().statusCode(201);
            software.send(ChantierPathwayFacts.CHECKED_IN, twice, checkIn(twice, 1, LocalDate.of(2021, 4, 2)),
                    LocalDate.of(2021, 4, 2));
            expected.put(twice, "CHECK_IN_ALREADY_RECORDED");

            String convergence = open(chantier, "CONVERGENCE", "2020-01-06");
            software.send(ChantierPathwayFacts.PROMOTED, convergence, new PathwayPromotedByChantierV1(convergence,
                    fresh(), LocalDate.of(2020, 6, 1)), LocalDate.of(2020, 6, 1));
            expected.put(convergence, "ONLY_PREMIERES_HEURES_IS_PROMOTED");

            String premieresHeures = open(chantier, "PREMIERES_HEURES", "2022-02-01");
            software.send(ChantierPathwayFacts.PROMOTED, premieresHeures, new PathwayPromotedByChantierV1(
                    premieresHeures, fresh(), LocalDate.of(2022, 1, 3)), LocalDate.of(2022, 1, 3));
            expected.put(premieresHeures, "PROMOTION_BEFORE_ENTRY");

            String longOne = open(chantier, "CONVERGENCE", "2015-01-05");
            software.send(ChantierPathwayFacts.EXITED, longOne, new PathwayExitedAtChantierV1(longOne,
                    LocalDate.of(2021, 1, 5), "OTHER", null), LocalDate.of(2021, 1, 5));
            expected.put(longOne, "PAST_FIVE_YEARS");
        }

        for (Map.Entry<String, String> twin : expected.entrySet()) {
            List<ConsumerRecord<String, byte[]>> dead = deadLetters(
                    sender.getOrDefault(twin.getKey(), chantier), twin.getKey(), 1, Duration.ofSeconds(30));
            assertEquals(1, dead.size(), twin.getValue() + " not dead-lettered");
            assertEquals(twin.getValue(), header(dead.get(0), "dlq.code"), header(dead.get(0), "dlq.reason"));
        }
    }

    private static String open(String chantier, String program, String entryDate) {
        String pathway = fresh();
        EnrolmentApi.enrolled(pathway, program, chantier, entryDate);
        return pathway;
    }

    private static String exited(String chantier) {
        String pathway = open(chantier, "CONVERGENCE", "2020-01-06");
        Rest.asNational().body("{\"exitDate\":\"" + EXIT + "\",\"category\":\"OTHER\"}")
                .post("/pathways/" + pathway + "/exit").then().statusCode(200);
        return pathway;
    }

    private static CheckedInByChantierV1 checkIn(String pathway, int milestone, LocalDate on) {
        return new CheckedInByChantierV1(pathway, milestone, on, "OTHER", "STREET");
    }

    private static String fresh() {
        return UUID.randomUUID().toString();
    }
}
