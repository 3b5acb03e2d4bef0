package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** A registered chantier started carrying one more program from {@code since}. */
public record ChantierProgramStartedV1(String chantierId, String territoryId, String program, LocalDate since)
        implements IntegrationPayload {
}
