package org.convergence.reporting.territories;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The national view of deployment as of a day: per program, how many territories are engaged and how many are
 * operational, and each territory's details.
 */
public record TerritoriesByProgram(LocalDate asOf, Map<String, Map<String, Integer>> countsByProgram,
                                   List<TerritoryDeployment> territories) {
}
