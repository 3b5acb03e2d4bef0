package org.convergence.contracts.accompaniment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** Health rights of a kind ({@code PUMA}, {@code CSS}, {@code AME}, {@code OTHER}) were opened on {@code openedOn}. */
public record HealthRightsOpenedV1(
        String pathwayId,
        String participantId,
        String kind,
        LocalDate openedOn) implements IntegrationPayload {
}
