package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** A pathway began: the participant entered a program at a chantier on {@code entryDate}. */
public record ParticipantEnrolledV1(
        String pathwayId,
        String participantId,
        String program,
        String territoryId,
        String chantierId,
        LocalDate entryDate) implements IntegrationPayload {
}
