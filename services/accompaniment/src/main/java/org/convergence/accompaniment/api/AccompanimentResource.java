package org.convergence.accompaniment.api;

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
import jakarta.ws.rs.core.Response;
import org.convergence.accompaniment.application.AccompanimentFacts;
import org.convergence.accompaniment.domain.BarrierCategory;
import org.convergence.accompaniment.query.AccompanimentView;
import org.convergence.platform.rest.InvalidFieldsException;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * A pathway's accompaniment over REST, for the national team, the pathway's territory coordinator and its
 * chantier's staff (evaluators see aggregates only, in reporting). Every response, reads included, is audited by
 * the platform ({@code audit} log category: subject, method, path, status).
 */
@Path("/pathways/{pathwayId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
@SecurityRequirement(name = "jwt")
public class AccompanimentResource {

    private final AccompanimentFacts facts;
    private final CallerScope scope;

    public AccompanimentResource(AccompanimentFacts facts, CallerScope scope) {
        this.facts = facts;
        this.scope = scope;
    }

    @POST
    @Path("/assessment")
    @Operation(summary = "Record a pathway's entry assessment: barriers identified and housing situation at entry, "
            + "dated (possibly late, never ahead of today nor before the pathway's entry)")
    public Response recordAssessment(@PathParam("pathwayId") String pathwayId,
                                     @Valid @NotNull Requests.RecordAssessment request) {
        Set<BarrierCategory> barriers = request.barriers().isEmpty() ? EnumSet.noneOf(BarrierCategory.class)
                : EnumSet.copyOf(request.barriers());
        if (barriers.size() != request.barriers().size()) {
            throw new InvalidFieldsException("barriers", "lists each category once");
        }
        AccompanimentView view = facts.recordAssessment(pathwayId, request.assessedOn(), request.housingAtEntry(),
                barriers, scope);
        return Response.created(URI.create("/pathways/" + pathwayId + "/accompaniment")).entity(view).build();
    }

    @POST
    @Path("/barrier-changes")
    @Operation(summary = "Record a barrier's new status on a date: IDENTIFIED → IN_PROGRESS → RESOLVED, or back to "
            + "IDENTIFIED; a barrier found after the assessment starts IDENTIFIED")
    public Response changeBarrierStatus(@PathParam("pathwayId") String pathwayId,
                                        @Valid @NotNull Requests.ChangeBarrierStatus request) {
        AccompanimentView view = facts.changeBarrierStatus(pathwayId, request.category(), request.status(),
                request.changedOn(), scope);
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @POST
    @Path("/health-rights")
    @Operation(summary = "Record health rights opened (PUMA, CSS, AME, OTHER) on a date: the kind and the date only")
    public Response recordHealthRightsOpening(@PathParam("pathwayId") String pathwayId,
                                              @Valid @NotNull Requests.RecordHealthRightsOpening request) {
        AccompanimentView view = facts.recordHealthRightsOpening(pathwayId, request.kind(), request.openedOn(), scope);
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @GET
    @Path("/accompaniment")
    @Operation(summary = "A pathway's accompaniment: its assessment, each barrier's dated history, health-rights "
            + "openings")
    public AccompanimentView read(@PathParam("pathwayId") String pathwayId) {
        return facts.read(pathwayId, scope);
    }
}
