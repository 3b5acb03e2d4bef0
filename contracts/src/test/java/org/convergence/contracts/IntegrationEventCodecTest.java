package org.convergence.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convergence.contracts.corpus.ContractSamples;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class IntegrationEventCodecTest {

    private static final Instant RECORDED_AT = Instant.parse("2026-01-15T10:00:00Z");
    private static final String PARTICIPANT = "6c7d2f71-c2db-4f84-8829-8d74f07253aa";
    private static final String PATHWAY = "0b0f3c0e-5b57-4c1f-9d43-2f1f4b1c2d3e";

    private final IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all(),
            Clock.fixed(RECORDED_AT.plusSeconds(60), ZoneOffset.UTC));
    private final ContractSamples samples = new ContractSamples("paris", "emmaus-defi", RECORDED_AT);

    @Test
    void an_envelope_survives_a_round_trip() {
        ParticipantEnrolledV1 payload = new ParticipantEnrolledV1(PATHWAY, PARTICIPANT, "CONVERGENCE", "paris",
                "emmaus-defi", LocalDate.of(2019, 3, 4), null);
        EventEnvelope envelope = new EventEnvelope("0f8fad5b-d9cb-469f-a165-70867728950e", "pathway.enrolled", 1,
                LocalDate.of(2019, 3, 4), RECORDED_AT, PARTICIPANT, "paris", "emmaus-defi", codec.toJson(payload));

        EventEnvelope decoded = codec.decode(codec.encode(envelope));

        assertEquals(envelope, decoded);
        assertEquals(payload, codec.payload(decoded, EnrolmentEvents.PARTICIPANT_ENROLLED));
    }

    @Test
    void optional_fields_may_be_absent_as_producers_omit_them() {
        PathwayExitRecordedV1 historicExit = new PathwayExitRecordedV1(PATHWAY, PARTICIPANT, "CONVERGENCE",
                LocalDate.of(2020, 3, 2), null, null);
        EventEnvelope envelope = new EventEnvelope("0f8fad5b-d9cb-469f-a165-70867728950e",
                "pathway.exit-recorded", 1, LocalDate.of(2020, 3, 2), RECORDED_AT, PARTICIPANT, "paris",
                "emmaus-defi", codec.toJson(historicExit));

        assertEquals(historicExit, codec.payload(codec.decode(codec.encode(envelope)),
                EnrolmentEvents.PATHWAY_EXIT_RECORDED));
    }

    @Test
    void a_schema_version_written_as_a_string_is_refused() {
        assertRefused("schemaVersion", enrolment(e -> e.put("schemaVersion", "1")));
    }

    @Test
    void an_entry_date_of_year_zero_or_written_as_a_number_is_refused() {
        assertRefused("payload.entryDate", enrolment(e -> payload(e).put("entryDate", "0000-01-01")));
        assertRefused("payload.entryDate", enrolment(e -> payload(e).put("entryDate", 20200203)));
        assertRefused("payload.entryDate", enrolment(e -> payload(e).put("entryDate", "1989-12-31")));
        assertRefused("payload.entryDate", enrolment(e -> payload(e).put("entryDate", "2026-01-17")));
    }

    @Test
    void an_entry_date_one_day_past_the_recording_day_is_taken_for_a_producer_judging_today_in_paris() {
        codec.decode(enrolment(e -> payload(e).put("entryDate", "2026-01-16")));
    }

    @Test
    void an_exit_category_outside_the_dgefp_list_is_refused() {
        byte[] exit = bytes(samples.envelope(EnrolmentEvents.PATHWAY_EXIT_RECORDED, 1), e ->
                payload(e).put("exitCategory", "RETIRED"));
        assertRefused("payload.exitCategory", exit);
    }

    @Test
    void a_payload_whose_territory_differs_from_its_envelope_is_refused() {
        assertRefused("payload.territoryId", enrolment(e -> e.put("territoryId", "lyon")));
        assertRefused("payload.chantierId", enrolment(e -> e.put("chantierId", "fndsa")));
    }

    @Test
    void ids_of_the_wrong_format_are_refused_however_consistent() {
        assertRefused("territoryId", enrolment(e -> {
            e.put("territoryId", "$set");
            payload(e).put("territoryId", "$set");
        }));
        assertRefused("chantierId", enrolment(e -> {
            e.put("chantierId", "c".repeat(100_000));
            payload(e).put("chantierId", "c".repeat(100_000));
        }));
        assertRefused("payload.pathwayId", enrolment(e -> payload(e).put("pathwayId", "1-1-1-1-1")));
    }

    @Test
    void unknown_fields_are_refused_in_the_envelope_and_in_the_payload() {
        assertRefused("extra", enrolment(e -> e.put("extra", 1)));
        assertRefused("payload.extra", enrolment(e -> payload(e).put("extra", "x")));
    }

    @Test
    void a_program_code_unknown_to_any_catalogue_is_left_to_the_consumer_but_a_malformed_one_is_refused() {
        codec.decode(enrolment(e -> payload(e).put("program", "PETITS_PAS")));
        assertRefused("payload.program", enrolment(e -> payload(e).put("program", "petits pas")));
    }

    @Test
    void a_record_without_value_or_with_the_json_null_is_refused_not_thrown_at() {
        assertRefused(null, null);
        assertRefused(null, "null".getBytes(StandardCharsets.UTF_8));
        assertRefused(null, new byte[0]);
    }

    @Test
    void a_fact_recorded_in_the_future_is_refused() {
        assertRefused("recordedAt", enrolment(e -> e.put("recordedAt", "2026-01-17T10:00:00Z")));
    }

    @Test
    void a_record_whose_kafka_key_is_not_its_envelope_key_is_refused() {
        byte[] value = enrolment(e -> { });
        String key = samples.envelope(EnrolmentEvents.PARTICIPANT_ENROLLED, 1).get("key").asText();
        assertEquals(key, codec.decode(key, value).key());
        InvalidIntegrationEventException refused = assertThrows(InvalidIntegrationEventException.class,
                () -> codec.decode("someone-else", value));
        assertEquals("key", refused.field());
    }

    @Test
    void whatever_the_bytes_decode_throws_nothing_but_a_refusal() {
        Random random = new Random(20261115);
        byte[] valid = enrolment(e -> { });
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = i % 2 == 0 ? valid.clone() : new byte[random.nextInt(600)];
            if (i % 2 == 0) {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            } else {
                random.nextBytes(bytes);
            }
            try {
                codec.decode(bytes);
            } catch (InvalidIntegrationEventException refused) {
                assertTrue(refused.getMessage().length() <= 501);
            } catch (Throwable other) {
                fail("threw " + other + " for " + new String(bytes, StandardCharsets.ISO_8859_1), other);
            }
        }
    }

    @Test
    void a_reason_never_carries_control_characters_nor_more_than_a_bounded_length() {
        InvalidIntegrationEventException refused = assertThrows(InvalidIntegrationEventException.class,
                () -> codec.decode(enrolment(e -> payload(e).put("\u202E" + "x".repeat(10_000) + "\u0000", 1))));
        assertTrue(refused.getMessage().length() <= 501, refused.getMessage());
        assertTrue(refused.getMessage().chars().noneMatch(c -> c < 0x20 || c == 0x202E), refused.getMessage());
    }

    private byte[] enrolment(Consumer<ObjectNode> change) {
        return bytes(samples.envelope(EnrolmentEvents.PARTICIPANT_ENROLLED, 1), change);
    }

    private static byte[] bytes(ObjectNode envelope, Consumer<ObjectNode> change) {
        change.accept(envelope);
        return ContractSamples.bytes(envelope);
    }

    private static ObjectNode payload(ObjectNode envelope) {
        return (ObjectNode) envelope.get("payload");
    }

    private void assertRefused(String field, byte[] value) {
        InvalidIntegrationEventException refused = assertThrows(InvalidIntegrationEventException.class,
                () -> codec.decode(value));
        if (field == null) {
            assertNull(refused.field(), refused.getMessage());
        } else {
            assertEquals(field, refused.field(), refused.getMessage());
        }
    }
}
