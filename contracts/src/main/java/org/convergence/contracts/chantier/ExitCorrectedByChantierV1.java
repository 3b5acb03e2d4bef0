package org.convergence.contracts.chantier;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** The sending chantier corrects a pathway's exit: date, category and housing. */
public record ExitCorrectedByChantierV1(
        String pathwayId,
        LocalDate exitDate,
        String exitCategory,
        String housingAtExit) implements IntegrationPayload {
}
