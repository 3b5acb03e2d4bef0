package org.convergence.contracts.transitions;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/**
 * The transition ended at full time in the store, in CDI, on {@code completedOn}: the Convergence pathway exits in
 * durable employment on that date (enrolment reacts to this fact; it adds no manual step).
 */
public record TransitionCompletedV1(
        String transitionId,
        String pathwayId,
        String participantId,
        String employerId,
        String storeId,
        LocalDate completedOn) implements IntegrationPayload {
}
