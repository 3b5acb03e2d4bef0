package org.convergence.enrolment.query;

/** A participant's sealed identity, where it was recorded (for scope checks), and whether it was erased. */
public record ParticipantRecord(String participantId, String territoryId, String chantierId, String sealedIdentity,
                                boolean erased) {
}
