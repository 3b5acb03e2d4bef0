package org.convergence.reporting.figures;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** One territory's figures for a calendar year, as computed at {@code asOf} (DOMAIN.md definitions). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerritoryFigures(String territoryId, int year, int accompanied, int exits,
                               Rate fromPremieresHeures, Mean averagePathwayMonths, Rate dynamicExits,
                               PremieresHeuresFigures premieresHeures, Rate housingResolved,
                               Rate healthRightsOpened, AccompanimentActivity accompanimentActivity,
                               TransitionFigures transitions, HoursFigures hours, Instant asOf) {

    /** The figures without the accompaniment activity, transitions and hours ones (null: not computed). */
    public TerritoryFigures(String territoryId, int year, int accompanied, int exits, Rate fromPremieresHeures,
                            Mean averagePathwayMonths, Rate dynamicExits, PremieresHeuresFigures premieresHeures,
                            Rate housingResolved, Rate healthRightsOpened, Instant asOf) {
        this(territoryId, year, accompanied, exits, fromPremieresHeures, averagePathwayMonths, dynamicExits,
                premieresHeures, housingResolved, healthRightsOpened, null, null, null, asOf);
    }
}
