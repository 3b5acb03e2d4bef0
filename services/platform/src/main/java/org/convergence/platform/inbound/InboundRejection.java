package org.convergence.platform.inbound;

import java.time.Instant;

/**
 * One record a chantier's software sent that was not applied, as its staff read it: when, the rule's code and the
 * reason (never the record's content), and where to find the record itself.
 *
 * @param recordId the id the sender gave the record (its envelope's {@code eventId}); null if it could not be read
 * @param type     the record's type, e.g. {@code chantier-pathway.exited}; null if it could not be read
 * @param key      the record's Kafka key if it is an id (a pathway id), otherwise null
 */
public record InboundRejection(Instant at, String code, String reason, String recordId, String type, String key,
                               String topic, int partition, long offset) {
}
