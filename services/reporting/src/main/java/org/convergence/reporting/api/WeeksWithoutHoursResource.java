package org.convergence.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import org.convergence.platform.domain.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.convergence.platform.time.BusinessDates;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.convergence.reporting.dataquality.WeeksWithoutHours;
import org.convergence.reporting.dataquality.WeeksWithoutHoursList;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.LocalDate;

/** A territory's weeks without hours: pseudonymous pathway ids, for its coordination and the national team only. */
@Path("/data-quality/territories/{territoryId}/weeks-without-hours")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class WeeksWithoutHoursResource {

    private final WeeksWithoutHoursList list;
    private final CallerScope scope;

    public WeeksWithoutHoursResource(WeeksWithoutHoursList list, CallerScope scope) {
        this.list = list;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "Pathways active in one of the last complete ISO weeks (4 by default) without hours for "
            + "that week, with the weeks and counts per chantier (its coordinator, the national team)")
    public WeeksWithoutHours.TerritoryList weeksWithoutHours(@PathParam("territoryId") String territoryId,
                                                             @QueryParam("asOf") LocalDate asOf) {
        scope.requireTerritoryManager(territoryId);
        return list.of(territoryId, BusinessDates.orToday(asOf))
                .orElseThrow(() -> new NotFoundException("No data for territory " + territoryId));
    }
}
