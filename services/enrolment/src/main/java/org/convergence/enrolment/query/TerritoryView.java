package org.convergence.enrolment.query;

import org.convergence.enrolment.domain.DensityKind;

/** A territory as the API shows it. */
public record TerritoryView(String territoryId, String name, DensityKind densityKind) {
}
