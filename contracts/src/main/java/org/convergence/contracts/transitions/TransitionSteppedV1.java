package org.convergence.contracts.transitions;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/**
 * A step of a transition moved hours from the chantier to the store: from {@code steppedOn}'s ISO week on, the week is
 * {@code storeHours} in the store and {@code chantierHours} at the chantier (whole hours a week, at most 35 together).
 */
public record TransitionSteppedV1(
        String transitionId,
        String pathwayId,
        String participantId,
        LocalDate steppedOn,
        int storeHours,
        int chantierHours) implements IntegrationPayload {
}
