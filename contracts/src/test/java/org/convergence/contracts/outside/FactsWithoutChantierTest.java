package org.convergence.contracts.outside;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.InvalidIntegrationEventException;
import org.convergence.contracts.corpus.ContractSamples;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.convergence.contracts.outside.EmployerEvents.EMPLOYER_REGISTERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The envelope serves facts about an employer, a partner or a store: no territory, no chantier, a subject key. */
class FactsWithoutChantierTest {

    private static final Instant RECORDED_AT = Instant.parse("2026-01-15T10:00:00Z");

    private final IntegrationEventCodec codec = new IntegrationEventCodec(
            List.of(EMPLOYER_REGISTERED, EnrolmentEvents.TERRITORY_REGISTERED),
            Clock.fixed(RECORDED_AT, ZoneOffset.UTC));
    private final ContractSamples samples = new ContractSamples("paris", "emmaus-defi", RECORDED_AT);

    @Test
    void a_fact_about_an_employer_travels_without_territory_or_chantier_keyed_by_the_employer() {
        ObjectNode envelope = samples.envelope(EMPLOYER_REGISTERED, 1);
        assertFalse(envelope.has("territoryId"));
        assertFalse(envelope.has("chantierId"));

        EventEnvelope decoded = codec.decode(ContractSamples.bytes(envelope));

        assertNull(decoded.territoryId());
        assertNull(decoded.chantierId());
        assertEquals(codec.payload(decoded, EMPLOYER_REGISTERED).employerId(), decoded.key());
    }

    @Test
    void its_key_must_still_be_its_subject() {
        ObjectNode envelope = samples.envelope(EMPLOYER_REGISTERED, 1);
        envelope.put("key", "another-employer");

        InvalidIntegrationEventException refused = assertThrows(InvalidIntegrationEventException.class,
                () -> codec.decode(ContractSamples.bytes(envelope)));

        assertEquals("key", refused.field());
    }

    @Test
    void a_territory_fact_still_needs_its_territory() {
        ObjectNode envelope = samples.envelope(EnrolmentEvents.TERRITORY_REGISTERED, 1);
        envelope.remove("territoryId");

        InvalidIntegrationEventException refused = assertThrows(InvalidIntegrationEventException.class,
                () -> codec.decode(ContractSamples.bytes(envelope)));

        assertEquals("territoryId", refused.field());
    }
}
