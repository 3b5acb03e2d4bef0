package org.convergence.reporting.door;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.Topics;
import org.convergence.contracts.corpus.ContractSamples;
import org.convergence.contracts.corpus.HostileRecord;
import org.convergence.contracts.corpus.HostileRecords;
import org.convergence.contracts.enrolment.ChantierRegisteredV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.testsupport.EventPublisher;
import org.convergence.testsupport.Tokens;
import org.convergence.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka door as outside software would try it: a plain producer writes a hundred records of the hostile corpus
 * (generated from the contracts' schemas) between valid facts on {@code convergence.enrolment.v1}. Every hostile
 * record ends in the dead-letter topic with its reason in headers, every valid fact around them is applied, and the
 * figures are those of the valid facts only.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class HostileRecordsOnTheTopicTest {

    private static final int SAMPLE = 100;
    /** The broker takes at most about 1 MB per record: larger hostile records are the codec tests' business. */
    private static final int BROKER_LIMIT = 900_000;

    private final String territory = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String chantier = "c-" + UUID.randomUUID().toString().substring(0, 8);
    private final String run = "hostile-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void every_hostile_record_is_dead_lettered_with_its_reason_and_the_valid_facts_around_them_are_applied() {
        ContractSamples samples = new ContractSamples(territory, chantier, Instant.now());
        List<HostileRecord> hostile = HostileRecords.sample(new HostileRecords(samples)
                .generate(IntegrationEvents.all()).stream()
                .filter(record -> record.value() == null || record.value().length < BROKER_LIMIT).toList(), SAMPLE);
        Map<String, HostileRecord> byKey = new HashMap<>();
        int enrolled = 0;
        int exited = 0;
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.publish(Topics.ENROLMENT, EnrolmentEvents.TERRITORY_REGISTERED,
                    new TerritoryRegisteredV1(territory, "Hostile", "URBAN"), LocalDate.of(2019, 1, 1), territory,
                    territory, null);
            publisher.publish(Topics.ENROLMENT, EnrolmentEvents.CHANTIER_REGISTERED,
                    new ChantierRegisteredV1(chantier, territory, "Door", List.of(
                            new ChantierRegisteredV1.ProgramCarried("CONVERGENCE", LocalDate.of(2019, 1, 1)))),
                    LocalDate.of(2019, 1, 1), territory, territory, chantier);
            List<EventEnvelope> enrolments = new ArrayList<>();
            for (int i = 0; i < hostile.size(); i++) {
                String key = run + "-" + i;
                byKey.put(key, hostile.get(i));
                publisher.raw(Topics.ENROLMENT, key, hostile.get(i).value());
                if (i % 10 == 0) {
                    enrolments.add(enrol(publisher, LocalDate.of(2020, 1, 6).plusDays(i)));
                    enrolled++;
                }
                if (i % 20 == 5) {
                    exit(publisher, enrolments.get(enrolments.size() - 1), LocalDate.of(2020, 6, 30).plusDays(i));
                    exited++;
                }
            }

            Map<String, ConsumerRecord<String, byte[]>> deadLetters = deadLetters(byKey.size());
            for (Map.Entry<String, HostileRecord> sent : byKey.entrySet()) {
                ConsumerRecord<String, byte[]> dead = deadLetters.get(sent.getKey());
                assertNotNull(dead, "not dead-lettered: " + sent.getValue());
                String reason = header(dead, "dlq.reason");
                assertTrue(reason != null && !reason.isBlank(), "no reason for " + sent.getValue());
                if (sent.getValue().field() != null) {
                    assertTrue(reason.contains(sent.getValue().field()),
                            sent.getValue() + ": reason '" + reason + "' does not name " + sent.getValue().field());
                }
                assertEquals(Topics.ENROLMENT, header(dead, "dlq.source.topic"));
            }
            awaitFigures(2020, enrolled, exited);

            enrol(publisher, LocalDate.of(2020, 12, 1));
            awaitFigures(2020, enrolled + 1, exited);
        }
    }

    private EventEnvelope enrol(EventPublisher publisher, LocalDate entryDate) {
        String participant = UUID.randomUUID().toString();
        return publisher.publish(Topics.ENROLMENT, EnrolmentEvents.PARTICIPANT_ENROLLED,
                new ParticipantEnrolledV1(UUID.randomUUID().toString(), participant, "CONVERGENCE", territory,
                        chantier, entryDate, null), entryDate, participant, territory, chantier);
    }

    private void exit(EventPublisher publisher, EventEnvelope enrolment, LocalDate exitDate) {
        ParticipantEnrolledV1 enrolled = publisher.codec().payload(enrolment, EnrolmentEvents.PARTICIPANT_ENROLLED);
        publisher.publish(Topics.ENROLMENT, EnrolmentEvents.PATHWAY_EXIT_RECORDED,
                new PathwayExitRecordedV1(enrolled.pathwayId(), enrolled.participantId(), "CONVERGENCE", exitDate,
                        "POSITIVE_EXIT", null), exitDate, enrolled.participantId(), territory, chantier);
    }

    /** The dead letters of this run's records, by key, once all {@code expected} are there or a minute passed. */
    private Map<String, ConsumerRecord<String, byte[]>> deadLetters(int expected) {
        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(),
                Topics.deadLetterOf(Topics.ENROLMENT))) {
            Map<String, ConsumerRecord<String, byte[]>> found =
                    reader.readKeysStartingWith(run + "-", expected, Duration.ofSeconds(60));
            assertEquals(expected, found.size(), "hostile records dead-lettered");
            return found;
        }
    }

    private void awaitFigures(int year, int accompanied, int exits) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                RestAssured.given().auth().oauth2(Tokens.national())
                        .get("/figures/territories/" + territory + "/" + year)
                        .then().statusCode(200)
                        .body("accompanied", equalTo(accompanied))
                        .body("exits", equalTo(exits)));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
