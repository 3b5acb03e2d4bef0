package org.convergence.platform.eventstore;

import java.time.Instant;
import java.util.Map;

/**
 * One event as kept inside a commit document: the domain payload as JSON-compatible BSON, its Java type,
 * and the Axon message identity. The event id is stable, so a re-relayed event keeps its id.
 */
record StoredEvent(String eventId, long sequence, String payloadType, Instant timestamp,
                   org.bson.Document payload, Map<String, String> metadata) {
}
