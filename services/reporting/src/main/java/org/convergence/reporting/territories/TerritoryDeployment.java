package org.convergence.reporting.territories;

import java.time.LocalDate;
import java.util.Map;

/**
 * Where one territory stands, as of a day: its coordination structure, its first steering committee and, per
 * program, its deployment status with the dates it was engaged and became operational.
 */
public record TerritoryDeployment(String territoryId, String name, String densityKind, String coordinationStructure,
                                  LocalDate firstSteeringCommittee, Map<String, ProgramDeployment> programs) {

    public record ProgramDeployment(String status, LocalDate engagedOn, LocalDate operationalSince) {
    }
}
