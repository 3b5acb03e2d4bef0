package org.convergence.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegrationEventCodecTest {

    private final IntegrationEventCodec codec = new IntegrationEventCodec(EnrolmentEvents.ALL);

    @Test
    void everyPayloadRecordHasExactlyThePropertiesOfItsSchema() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (IntegrationEventType<?> type : EnrolmentEvents.ALL) {
            try (InputStream in = getClass().getResourceAsStream(type.schemaResource())) {
                JsonNode schema = mapper.readTree(in);
                Set<String> schemaProperties = new TreeSet<>();
                schema.path("properties").fieldNames().forEachRemaining(schemaProperties::add);
                Set<String> recordComponents = Arrays.stream(type.payloadType().getRecordComponents())
                        .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
                assertEquals(schemaProperties, recordComponents, type.name());
            }
        }
    }

    @Test
    void anEnvelopeSurvivesARoundTrip() {
        ParticipantEnrolledV1 payload = new ParticipantEnrolledV1(
                "pw-1", "p-1", "CONVERGENCE", "paris", "emmaus-defi", LocalDate.of(2019, 3, 4), null);
        EventEnvelope envelope = new EventEnvelope("e-1", "pathway.enrolled", 1, LocalDate.of(2019, 3, 4),
                Instant.parse("2026-11-27T10:00:00Z"), "p-1", "paris", "emmaus-defi", codec.toJson(payload));

        EventEnvelope decoded = codec.decode(codec.encode(envelope));

        assertEquals(envelope, decoded);
        assertEquals(payload, codec.payload(decoded, EnrolmentEvents.PARTICIPANT_ENROLLED));
    }

    @Test
    void aPayloadMissingARequiredFieldIsRejectedWithItsName() {
        String json = """
                {"eventId":"e-1","type":"pathway.enrolled","schemaVersion":1,"occurredOn":"2020-01-01",
                 "recordedAt":"2026-11-27T10:00:00Z","key":"p-1",
                 "payload":{"pathwayId":"pw-1","participantId":"p-1","program":"CONVERGENCE",
                            "territoryId":"paris","chantierId":"c-1"}}""";

        InvalidIntegrationEventException error = assertThrows(InvalidIntegrationEventException.class,
                () -> codec.decode(json.getBytes(StandardCharsets.UTF_8)));

        assertTrue(error.getMessage().contains("entryDate"), error.getMessage());
    }

    @Test
    void anUnknownTypeOrBrokenJsonIsRejected() {
        String unknown = """
                {"eventId":"e-1","type":"pathway.teleported","schemaVersion":1,"occurredOn":"2020-01-01",
                 "recordedAt":"2026-11-27T10:00:00Z","key":"p-1","payload":{}}""";
        assertThrows(InvalidIntegrationEventException.class,
                () -> codec.decode(unknown.getBytes(StandardCharsets.UTF_8)));
        assertThrows(InvalidIntegrationEventException.class,
                () -> codec.decode("{not json".getBytes(StandardCharsets.UTF_8)));
        assertThrows(InvalidIntegrationEventException.class, () -> codec.decode(null));
    }
}
