package org.convergence.hours.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.convergence.hours.application.ContractedHours;
import org.convergence.hours.query.ContractView;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A pathway's contracted weekly hours over REST: each request is one call of {@link ContractedHours}. */
@Path("/pathways/{pathwayId}/contracted-hours")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
@SecurityRequirement(name = "jwt")
public class ContractedHoursResource {

    private final ContractedHours contractedHours;
    private final CallerScope scope;

    public ContractedHoursResource(ContractedHours contractedHours, CallerScope scope) {
        this.contractedHours = contractedHours;
        this.scope = scope;
    }

    @POST
    @Operation(summary = "Decide a pathway's contracted weekly hours from a date, with the reason (a decision sent "
            + "again changes nothing; one of the same date replaces it as a new fact)")
    public ContractView decide(@PathParam("pathwayId") String pathwayId, @Valid @NotNull Requests.Decide request) {
        return contractedHours.decide(pathwayId, request.effectiveOn(), request.weeklyHours(), request.reason(),
                new ScopeReach(scope));
    }

    @GET
    @Operation(summary = "A pathway's contracted weekly hours today, the next ladder step and every decision")
    public ContractView get(@PathParam("pathwayId") String pathwayId) {
        return contractedHours.contract(pathwayId, new ScopeReach(scope));
    }
}
