package org.convergence.contracts.accompaniment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/**
 * A barrier of a pathway took a status on {@code changedOn}: {@code IDENTIFIED} (also a barrier found after the
 * assessment), {@code IN_PROGRESS} or {@code RESOLVED}. A pathway's changes of one barrier come in date order.
 */
public record BarrierStatusChangedV1(
        String pathwayId,
        String participantId,
        String category,
        String status,
        LocalDate changedOn) implements IntegrationPayload {
}
