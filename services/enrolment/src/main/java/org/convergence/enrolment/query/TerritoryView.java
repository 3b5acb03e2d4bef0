package org.convergence.enrolment.query;

import org.convergence.enrolment.domain.DeploymentStatus;
import org.convergence.enrolment.domain.DensityKind;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * A territory as the API shows it: its coordination structure, the date of its first steering committee and,
 * per program, its deployment status with the dates it was engaged and became operational.
 */
public record TerritoryView(String territoryId, String name, DensityKind densityKind, String coordinationStructure,
                            LocalDate firstSteeringCommittee, Map<String, ProgramDeployment> programs) {

    public record ProgramDeployment(DeploymentStatus status, LocalDate engagedOn, LocalDate operationalSince) {
    }

    public static TerritoryView registered(String territoryId, String name, DensityKind densityKind) {
        return new TerritoryView(territoryId, name, densityKind, null, null, Map.of());
    }

    TerritoryView withProgramStatus(String program, DeploymentStatus status, LocalDate effectiveOn) {
        Map<String, ProgramDeployment> changed = new TreeMap<>(programs);
        changed.put(program, status == DeploymentStatus.ENGAGED
                ? new ProgramDeployment(status, effectiveOn, null)
                : new ProgramDeployment(status, changed.containsKey(program) ? changed.get(program).engagedOn() : null,
                        effectiveOn));
        return new TerritoryView(territoryId, name, densityKind, coordinationStructure, firstSteeringCommittee, changed);
    }

    TerritoryView withCoordination(String structureName) {
        return new TerritoryView(territoryId, name, densityKind, structureName, firstSteeringCommittee, programs);
    }

    TerritoryView withSteeringCommittee(LocalDate heldOn) {
        LocalDate first = firstSteeringCommittee == null || heldOn.isBefore(firstSteeringCommittee)
                ? heldOn : firstSteeringCommittee;
        return new TerritoryView(territoryId, name, densityKind, coordinationStructure, first, programs);
    }
}
