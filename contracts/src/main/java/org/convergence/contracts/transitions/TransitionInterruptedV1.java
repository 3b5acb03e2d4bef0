package org.convergence.contracts.transitions;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/**
 * The transition was interrupted on {@code interruptedOn}: the participant is back at the chantier, from that ISO week
 * on with no store hours and the chantier hours of the contract in force before the transition started.
 */
public record TransitionInterruptedV1(
        String transitionId,
        String pathwayId,
        LocalDate interruptedOn) implements IntegrationPayload {
}
