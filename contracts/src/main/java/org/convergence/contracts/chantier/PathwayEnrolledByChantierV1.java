package org.convergence.contracts.chantier;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** The sending chantier enrolled a participant: {@code participantId} names a known person, or is null for a new one. */
public record PathwayEnrolledByChantierV1(
        String pathwayId,
        String participantId,
        String program,
        LocalDate entryDate) implements IntegrationPayload {
}
