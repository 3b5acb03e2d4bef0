package org.convergence.enrolment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands and events of a participant's identity. The identity arrives already encrypted with a key of that
 * participant: the event store only ever holds ciphertext, and erasing the key makes it unreadable everywhere.
 */
public final class ParticipantMessages {

    private ParticipantMessages() {
    }

    public record RecordIdentityCommand(String participantId, String territoryId, String chantierId,
                                        String sealedIdentity) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.participant(participantId);
        }
    }

    public record EraseIdentityCommand(String participantId) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.participant(participantId);
        }
    }

    /** {@code territoryId} and {@code chantierId} say who may read it; the identity itself is sealed. */
    public record IdentityRecordedEvent(String participantId, String territoryId, String chantierId,
                                        String sealedIdentity) {
    }

    public record IdentityErasedEvent(String participantId) {
    }
}
