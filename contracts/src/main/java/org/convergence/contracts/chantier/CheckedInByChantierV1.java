package org.convergence.contracts.chantier;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** A follow-up check-in, {@code milestoneMonths} after the exit of a pathway of the sending chantier. */
public record CheckedInByChantierV1(
        String pathwayId,
        int milestoneMonths,
        LocalDate checkInDate,
        String employmentStatus,
        String housingSituation) implements IntegrationPayload {
}
