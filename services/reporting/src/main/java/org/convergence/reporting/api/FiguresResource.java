package org.convergence.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.time.BusinessDates;
import org.convergence.platform.security.Roles;
import org.convergence.reporting.figures.ChantierFigures;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.TerritoryFigures;
import org.convergence.reporting.territories.Deployments;
import org.convergence.reporting.territories.TerritoriesByProgram;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.LocalDate;
import java.time.Year;

/** Aggregated, non-personal figures per territory and for the nation, per calendar year. */
@Path("/figures")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class FiguresResource {

    private final FiguresService figures;
    private final Deployments deployments;
    private final CallerScope scope;

    public FiguresResource(FiguresService figures, Deployments deployments, CallerScope scope) {
        this.figures = figures;
        this.deployments = deployments;
        this.scope = scope;
    }

    @GET
    @Path("/territories/{territoryId}/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "A territory's figures for a year (national team, evaluators, its coordinator)")
    public TerritoryFigures territory(@PathParam("territoryId") String territoryId,
                                      @PathParam("year") @Min(2000) @Max(2100) int year) {
        scope.requireTerritoryFigures(territoryId);
        return figures.territory(territoryId, Year.of(year))
                .orElseThrow(() -> new NotFoundException("No figures for territory " + territoryId));
    }

    @GET
    @Path("/chantiers/{chantierId}/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "A chantier's figures for a year (national team, evaluators, its territory's coordinator, "
            + "its staff)")
    public ChantierFigures chantier(@PathParam("chantierId") String chantierId,
                                    @PathParam("year") @Min(2000) @Max(2100) int year) {
        ChantierFigures found = figures.chantier(chantierId, Year.of(year)).orElse(null);
        if (found == null) {
            if (scope.isNational() || scope.isEvaluator()) {
                throw new NotFoundException("No figures for chantier " + chantierId);
            }
            throw scope.denied();
        }
        if (!scope.isEvaluator()) {
            scope.requireChantierAccess(found.territoryId(), chantierId);
        }
        return found;
    }

    @GET
    @Path("/national/territories")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR})
    @Operation(summary = "The territories by program and deployment status, as of a day (today if absent)")
    public TerritoriesByProgram territoriesByProgram(@QueryParam("asOf") LocalDate asOf) {
        return deployments.asOf(BusinessDates.orToday(asOf));
    }

    @GET
    @Path("/national/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR})
    @Operation(summary = "The nation's figures for a year, with each territory's (national team, evaluators)")
    public NationalFigures national(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return figures.national(Year.of(year));
    }
}
