package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** A steering committee (COPIL) of the territory met on that date. */
public record SteeringCommitteeHeldV1(String territoryId, LocalDate heldOn) implements IntegrationPayload {
}
