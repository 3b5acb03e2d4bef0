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
                              AccompanimentActivity accompanimentActivity, TransitionFigures transitions,
                              HoursFigures hours, List<TerritoryFigures> territories, Instant asOf) {

    /** The figures without the accompaniment activity, transitions and hours ones (null: not computed). */
    public NationalFigures(int year, int accompanied, int exits, Rate fromPremieresHeures, Mean averagePathwayMonths,
                           Rate dynamicExits, PremieresHeuresFigures premieresHeures, Rate housingResolved,
                           Rate healthRightsOpened, List<TerritoryFigures> territories, Instant asOf) {
        this(year, accompanied, exits, fromPremieresHeures, averagePathwayMonths, dynamicExits, premieresHeures,
                housingResolved, healthRightsOpened, null, null, null, territories, asOf);
    }
}
