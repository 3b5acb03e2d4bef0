package org.convergence.contracts.transitions;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/**
 * A Convergence participant started a transition to an employer's store: from {@code startedOn}'s ISO week on, the
 * week is {@code storeHours} in the store and {@code chantierHours} at the chantier (whole hours a week, the hours
 * service accepted the combined schedule: at most 35).
 */
public record TransitionStartedV1(
        String transitionId,
        String pathwayId,
        String participantId,
        String employerId,
        String storeId,
        LocalDate startedOn,
        int storeHours,
        int chantierHours) implements IntegrationPayload {
}
