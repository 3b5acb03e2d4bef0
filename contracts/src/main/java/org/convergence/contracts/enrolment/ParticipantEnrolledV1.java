package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/**
 * A pathway began: the participant entered a program at a chantier on {@code entryDate}.
 * {@code promotedFromPathwayId} names the Premières Heures pathway this one continues, if any (optional,
 * added compatibly to v1: older consumers ignore it).
 */
public record ParticipantEnrolledV1(
        String pathwayId,
        String participantId,
        String program,
        String territoryId,
        String chantierId,
        LocalDate entryDate,
        String promotedFromPathwayId) implements IntegrationPayload {
}
