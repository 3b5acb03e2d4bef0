package org.convergence.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.time.BusinessDates;
import org.convergence.platform.security.Roles;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.worklist.WorkLists;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.LocalDate;

/** A territory's work lists: pseudonymous pathway ids, for its coordination and the national team only. */
@Path("/work-lists")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class WorkListResource {

    private final FiguresService figures;
    private final CallerScope scope;
    private final ProgramCatalog programs;

    public WorkListResource(FiguresService figures, CallerScope scope, ProgramCatalog programs) {
        this.figures = figures;
        this.scope = scope;
        this.programs = programs;
    }

    @GET
    @Path("/territories/{territoryId}")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "Pathways nearing (3 months before) or past their program's longest duration (Convergence: "
            + "5 years), follow-up check-ins overdue while the follow-up is open, and exits recorded without a category")
    public WorkLists.TerritoryWorkList territory(@PathParam("territoryId") String territoryId,
                                                 @QueryParam("asOf") LocalDate asOf) {
        scope.requireTerritoryManager(territoryId);
        LocalDate day = BusinessDates.orToday(asOf);
        return figures.pathwaysOfTerritory(territoryId)
                .map(pathways -> WorkLists.of(territoryId, pathways, day, programs))
                .orElseThrow(() -> new NotFoundException("No data for territory " + territoryId));
    }
}
