package org.convergence.contracts.transitions;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** A follow-up meeting with the participant and the store's management was held on {@code heldOn}. */
public record TransitionMeetingHeldV1(
        String transitionId,
        String pathwayId,
        LocalDate heldOn) implements IntegrationPayload {
}
