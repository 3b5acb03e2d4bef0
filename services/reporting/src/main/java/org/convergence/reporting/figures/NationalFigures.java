package org.convergence.reporting.figures;

import java.time.Instant;
import java.util.List;

/**
 * The nation's figures: recomputed over the union of territories (a participant counts once, rates over
 * the union, never averaged), with each territory's own.
 */
public record NationalFigures(int year, int accompanied, int exits, Rate fromPremieresHeures,
                              Mean averagePathwayMonths, Rate dynamicExits, PremieresHeuresFigures premieresHeures,
                              Rate housingResolved, Rate healthRightsOpened,
                              AccompanimentActivity accompanimentActivity, List<TerritoryFigures> territories,
                              Instant asOf) {
}
