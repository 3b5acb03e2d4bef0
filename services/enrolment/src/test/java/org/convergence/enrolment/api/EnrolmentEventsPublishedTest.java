package org.convergence.enrolment.api;

import org.convergence.testsupport.EnrolmentApi;
import org.convergence.testsupport.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convergence.contracts.Topics;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.convergence.testsupport.Rest.asNational;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What leaves the enrolment service: contract envelopes keyed by participant, with no identity data. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class EnrolmentEventsPublishedTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aStoredEnrolmentAndExitReachTheTopicAsIntegrationEventsKeyedByParticipant() throws Exception {
        String territory = EnrolmentApi.territory("Lyon");
        String chantier = EnrolmentApi.chantier(territory, "2020-01-01", "CONVERGENCE");
        String pathwayId = UUID.randomUUID().toString();
        String participantId = EnrolmentApi.enrolled(pathwayId, "CONVERGENCE", chantier, "2018-11-05");
        asNational().body("{\"exitDate\":\"2020-03-02\",\"category\":\"POSITIVE_EXIT\"}")
                .post("/pathways/" + pathwayId + "/exit").then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> records;
        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(), Topics.ENROLMENT)) {
            records = reader.readKey(participantId, 2, Duration.ofSeconds(30));
        }

        assertEquals(2, records.size());
        JsonNode enrolled = json.readTree(records.get(0).value());
        JsonNode exited = json.readTree(records.get(1).value());
        assertEquals(participantId, records.get(0).key());
        assertEquals(participantId, records.get(1).key());
        assertEquals("pathway.enrolled", enrolled.get("type").asText());
        assertEquals(1, enrolled.get("schemaVersion").asInt());
        assertEquals("2018-11-05", enrolled.get("occurredOn").asText());
        assertEquals(territory, enrolled.get("territoryId").asText());
        assertEquals(chantier, enrolled.get("chantierId").asText());
        assertEquals(Set.of("pathwayId", "participantId", "program", "territoryId", "chantierId", "entryDate"),
                fieldNames(enrolled.get("payload")));
        assertEquals("pathway.exit-recorded", exited.get("type").asText());
        assertEquals("2020-03-02", exited.get("occurredOn").asText());
        assertEquals("POSITIVE_EXIT", exited.get("payload").get("exitCategory").asText());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
