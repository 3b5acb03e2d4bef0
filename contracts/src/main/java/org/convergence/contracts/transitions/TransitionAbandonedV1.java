package org.convergence.contracts.transitions;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/**
 * The participant abandoned the transition on {@code abandonedOn}: from that ISO week on no store hours, and the
 * chantier hours of the contract in force before the transition started (the pathway itself goes on).
 */
public record TransitionAbandonedV1(
        String transitionId,
        String pathwayId,
        LocalDate abandonedOn) implements IntegrationPayload {
}
