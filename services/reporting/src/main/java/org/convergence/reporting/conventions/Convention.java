package org.convergence.reporting.conventions;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A funding convention's targets for a program, reached by the end of {@code byYear} (DOMAIN.md: Premières Heures
 * in 25–30 territories with about 800 participants in 2022, DGCS; Convergence in 7 new territories by 2022, DGEFP).
 * Each target is optional: a convention names only those it sets. A territory is "new" when it was engaged in the
 * program on or after {@code newSince}.
 */
public record Convention(String id, String funder, String program, int byYear, Optional<Integer> territoriesMin,
                         Optional<Integer> territoriesMax, Optional<Integer> participants,
                         Optional<Integer> newTerritories, Optional<LocalDate> newSince) {
}
