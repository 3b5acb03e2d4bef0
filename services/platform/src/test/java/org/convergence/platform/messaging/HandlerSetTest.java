package org.convergence.platform.messaging;

import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.platform.support.Facts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * ADR 0044: the payload's record read on the consumer's decoder thread is the one a handler receives; the thread
 * applying the batch does not read the payload again.
 */
class HandlerSetTest {

    private final List<IntegrationPayload> received = new ArrayList<>();
    private final HandlerSet<Void> handlers = HandlerSet.<Void>forTopic("test.handler-set")
            .on(EnrolmentEvents.TERRITORY_REGISTERED, (fact, context) -> received.add(fact.payload()))
            .build();

    @Test
    void aFactBoundFromAnEventTheDecoderReadGetsThatPayloadNotAnotherReading() {
        ConsumedEvent written = Facts.enrolmentFact(EnrolmentEvents.TERRITORY_REGISTERED,
                new TerritoryRegisteredV1("west", "West", "URBAN"), "west", "west", null);
        IntegrationEventCodec.Decoded decoded = Facts.CODEC.decodeWithPayload("west",
                Facts.CODEC.encode(written.envelope()));
        ConsumedEvent consumed = new ConsumedEvent("test.handler-set", 0, 7, decoded.envelope(), decoded.payload());

        handlers.bind(consumed, Facts.CODEC).orElseThrow().apply(null);

        assertSame(decoded.payload(), received.get(0), "the decoder's record, not a second reading");
        assertEquals(new TerritoryRegisteredV1("west", "West", "URBAN"), received.get(0));
        assertEquals(new ConsumedEvent("test.handler-set", 0, 7, decoded.envelope()), consumed,
                "the payload's record is derived from the envelope: no part of the event's identity");
    }

    @Test
    void anEventWithoutItsPayloadReadIsReadWhenBound() {
        ConsumedEvent event = Facts.enrolmentFact(EnrolmentEvents.TERRITORY_REGISTERED,
                new TerritoryRegisteredV1("east", "East", "URBAN"), "east", "east", null);
        assertNull(event.payload());

        handlers.bind(event, Facts.CODEC).orElseThrow().apply(null);
        handlers.bind(event, Facts.CODEC).orElseThrow().apply(null);

        assertEquals(new TerritoryRegisteredV1("east", "East", "URBAN"), received.get(0));
        assertNotSame(received.get(0), received.get(1), "read at each binding");
    }
}
