package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** The structure carrying a territory's coordination and pooled resources, from a date. */
public record CoordinationDesignatedV1(String territoryId, String structureName, LocalDate since)
        implements IntegrationPayload {
}
