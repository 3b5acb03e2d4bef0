package org.convergence.platform.messaging;

import org.convergence.contracts.EventEnvelope;

import java.time.Instant;

/**
 * A record the loop is about to dead-letter, as a {@link DeadLetterListener} sees it.
 *
 * @param envelope the decoded envelope, or null when the record is not a valid one
 * @param value    the record's value as it came, any bytes (possibly null)
 * @param code     {@link DeadLetterHeaders#CODE}
 * @param reason   {@link DeadLetterHeaders#REASON}
 */
public record DeadLetter(String topic, int partition, long offset, String key, byte[] value, EventEnvelope envelope,
                         String code, String reason, Instant at) {
}
