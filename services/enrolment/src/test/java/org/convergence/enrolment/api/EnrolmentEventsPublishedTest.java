package org.convergence.enrolment.api;

import org.convergence.testsupport.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.convergence.contracts.Topics;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What leaves the enrolment service: contract envelopes keyed by participant, with no identity data. */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class EnrolmentEventsPublishedTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aStoredEnrolmentAndExitReachTheTopicAsIntegrationEventsKeyedByParticipant() throws Exception {
        String territory = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String chantier = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String pathwayId = UUID.randomUUID().toString();
        String token = Tokens.national();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"territoryId\":\"%s\",\"name\":\"Lyon\",\"densityKind\":\"URBAN\"}".formatted(territory))
                .post("/territories").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"chantierId\":\"%s\",\"name\":\"FNDSA\",\"programs\":[{\"program\":\"CONVERGENCE\",\"since\":\"2020-01-01\"}]}"
                        .formatted(chantier))
                .post("/territories/" + territory + "/chantiers").then().statusCode(201);
        String participantId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"pathwayId\":\"%s\",\"program\":\"CONVERGENCE\",\"chantierId\":\"%s\",\"entryDate\":\"2018-11-05\"}"
                        .formatted(pathwayId, chantier))
                .post("/pathways").then().statusCode(201).extract().path("participantId");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"exitDate\":\"2020-03-02\",\"category\":\"POSITIVE_EXIT\"}")
                .post("/pathways/" + pathwayId + "/exit").then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = recordsOfPathway(pathwayId, 2);

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

    private List<ConsumerRecord<String, byte[]>> recordsOfPathway(String pathwayId, int expected) throws Exception {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConvergenceStack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "observer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ENROLMENT));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode payload = json.readTree(record.value()).get("payload");
                    if (pathwayId.equals(payload.path("pathwayId").asText())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
