package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

/** A territory was registered by the national team. */
public record TerritoryRegisteredV1(String territoryId, String name, String densityKind) implements IntegrationPayload {
}
