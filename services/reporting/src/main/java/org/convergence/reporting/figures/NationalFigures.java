package org.convergence.reporting.figures;

import java.time.Instant;
import java.util.List;

/** The nation's figures: recomputed over the union of territories (a participant counts once), never summed rates. */
public record NationalFigures(int year, int accompanied, int exits, List<TerritoryFigures> territories, Instant asOf) {
}
