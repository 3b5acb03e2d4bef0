package org.convergence.simulator;

import java.time.LocalDate;
import java.util.Map;

/** A chantier the simulated software belongs to, and the programs it carries since when. */
public record ChantierSetup(String territoryId, String chantierId, String name, Map<String, LocalDate> programs) {
}
