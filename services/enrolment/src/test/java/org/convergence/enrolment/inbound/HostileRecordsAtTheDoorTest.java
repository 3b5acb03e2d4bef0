package org.convergence.enrolment.inbound;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.Topics;
import org.convergence.contracts.catalog.ContractCatalog;
import org.convergence.contracts.chantier.ChantierPathwayFacts;
import org.convergence.contracts.chantier.PathwayEnrolledByChantierV1;
import org.convergence.contracts.corpus.ContractSamples;
import org.convergence.contracts.corpus.HostileRecord;
import org.convergence.contracts.corpus.HostileRecords;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.testsupport.EnrolmentApi;
import org.convergence.testsupport.Rest;
import org.convergence.testsupport.Tokens;
import org.convergence.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.convergence.enrolment.inbound.ChantierSoftware.header;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inbound door as careless or hostile chantier software would try it: records of the contracts' hostile corpus
 * for this topic's types (generated from their schemas), sent between valid enrolments. Each hostile record reaches
 * the dead-letter topic as MALFORMED_RECORD with a reason naming its field; every valid enrolment is applied; the
 * chantier's staff find the rejections in their list.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class HostileRecordsAtTheDoorTest {

    private static final int SAMPLE = 80;
    /** The broker takes at most about 1 MB per record: larger ones are the codec tests' business. */
    private static final int BROKER_LIMIT = 900_000;

    @Test
    void hostile_records_are_dead_lettered_as_malformed_and_the_valid_ones_between_them_are_applied() {
        String territory = EnrolmentApi.territory("Hostile");
        String chantier = EnrolmentApi.chantier(territory, "2015-01-01", "CONVERGENCE");
        String run = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        List<IntegrationEventType<?>> types = ContractCatalog.discovered().types().stream()
                .filter(type -> ContractCatalog.discovered().topicOf(type)
                        .equals(Topics.CHANTIER_PATHWAYS_ADDRESS))
                .toList();
        assertEquals(6, types.size());
        List<HostileRecord> hostile = HostileRecords.sample(new HostileRecords(new ContractSamples(territory,
                chantier, Instant.now())).generate(types).stream()
                .filter(record -> record.value() == null || record.value().length < BROKER_LIMIT).toList(), SAMPLE);

        Map<String, HostileRecord> byKey = new HashMap<>();
        List<String> valid = new ArrayList<>();
        try (ChantierSoftware software = new ChantierSoftware(territory, chantier)) {
            for (int i = 0; i < hostile.size(); i++) {
                String key = run + "-" + i;
                byKey.put(key, hostile.get(i));
                software.raw(key, hostile.get(i).value());
                if (i % 10 == 0) {
                    String pathway = UUID.randomUUID().toString();
                    software.send(ChantierPathwayFacts.ENROLLED, pathway, new PathwayEnrolledByChantierV1(pathway,
                            null, "CONVERGENCE", LocalDate.of(2020, 1, 6).plusDays(i)), LocalDate.of(2020, 1, 6));
                    valid.add(pathway);
                }
            }
        }

        Map<String, ConsumerRecord<String, byte[]>> deadLetters = deadLetters(chantier, run, byKey.size());
        for (Map.Entry<String, HostileRecord> sent : byKey.entrySet()) {
            ConsumerRecord<String, byte[]> dead = deadLetters.get(sent.getKey());
            assertNotNull(dead, "not dead-lettered: " + sent.getValue());
            assertEquals("MALFORMED_RECORD", header(dead, "dlq.code"), sent.getValue().toString());
            String reason = header(dead, "dlq.reason");
            if (sent.getValue().field() != null) {
                assertTrue(reason.contains(sent.getValue().field()),
                        sent.getValue() + ": reason '" + reason + "' does not name " + sent.getValue().field());
            }
        }
        for (String pathway : valid) {
            Rest.asNational().get("/pathways/" + pathway).then().statusCode(200);
        }
        Rest.as(Tokens.staff(territory, chantier)).get("/chantiers/" + chantier + "/inbound-rejections").then()
                .statusCode(200)
                .body("rejections", hasSize(greaterThanOrEqualTo(SAMPLE / 2)))
                .body("rejections.code", everyItem(is("MALFORMED_RECORD")));
    }

    /** The dead letters of this run's records, by key, once all {@code expected} are there or a minute passed. */
    private static Map<String, ConsumerRecord<String, byte[]>> deadLetters(String chantier, String run,
                                                                          int expected) {
        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(),
                Topics.deadLetterOf(Topics.chantierPathwaysOf(chantier)))) {
            Map<String, ConsumerRecord<String, byte[]>> found =
                    reader.readKeysStartingWith(run + "-", expected, Duration.ofSeconds(60));
            assertEquals(expected, found.size(), "hostile records dead-lettered");
            return found;
        }
    }
}
