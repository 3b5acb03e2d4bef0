package org.convergence.contracts.chantier;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** The sending chantier corrects a pathway's entry date. */
public record EntryCorrectedByChantierV1(
        String pathwayId,
        LocalDate entryDate) implements IntegrationPayload {
}
