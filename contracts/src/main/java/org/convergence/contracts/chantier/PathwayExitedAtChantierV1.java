package org.convergence.contracts.chantier;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** A pathway of the sending chantier ended, with its DGEFP category and, if known, the housing at exit. */
public record PathwayExitedAtChantierV1(
        String pathwayId,
        LocalDate exitDate,
        String exitCategory,
        String housingAtExit) implements IntegrationPayload {
}
