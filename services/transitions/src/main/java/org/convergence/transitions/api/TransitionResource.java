package org.convergence.transitions.api;

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
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.convergence.transitions.application.TransitionView;
import org.convergence.transitions.application.Transitions;
import org.convergence.transitions.domain.Outcome;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.UUID;

/**
 * A transition: started, stepped, interrupted, abandoned and completed by the chantier side (national team, the
 * territory's coordinator, the chantier's staff); read and followed (meetings) by them and by the employer's staff.
 */
@Path("/transitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
@SecurityRequirement(name = "jwt")
public class TransitionResource {

    private final Transitions transitions;
    private final CallerScope scope;
    private final JsonWebToken token;

    public TransitionResource(Transitions transitions, CallerScope scope, JsonWebToken token) {
        this.transitions = transitions;
        this.scope = scope;
        this.token = token;
    }

    @POST
    @Operation(summary = "Start a transition of an active Convergence pathway to an employer's store: two half-days "
            + "a week in the store (configured) unless given, the rest at the chantier; the hours service checks the "
            + "week stays at or under 35 hours (WEEKLY_LIMIT_35)")
    public Response start(@Valid @NotNull Requests.Start request) {
        TransitionView started = transitions.start(request.transitionId().toString(),
                request.pathwayId().toString(), request.employerId(), request.storeId(), request.startedOn(),
                request.storeHours(), request.chantierHours(), access());
        return Response.created(URI.create("/transitions/" + started.transitionId())).entity(started).build();
    }

    @GET
    @Path("/{transitionId}")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF, TokenAccess.EMPLOYER})
    @Operation(summary = "A transition: schedule, meetings, outcome, and when it goes on the alert list")
    public TransitionView get(@PathParam("transitionId") UUID transitionId) {
        return transitions.view(transitionId.toString(), access());
    }

    @POST
    @Path("/{transitionId}/steps")
    @Operation(summary = "A step: hours move from the chantier to the store from the step's ISO week on "
            + "(WEEKLY_LIMIT_35 checked by the hours service)")
    public TransitionView step(@PathParam("transitionId") UUID transitionId, @Valid @NotNull Requests.Step request) {
        return transitions.step(transitionId.toString(), request.steppedOn(), request.storeHours(),
                request.chantierHours(), access());
    }

    @POST
    @Path("/{transitionId}/meetings")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF, TokenAccess.EMPLOYER})
    @Operation(summary = "A follow-up meeting with the participant and the store's management (the chantier side or "
            + "the employer's staff)")
    public TransitionView meeting(@PathParam("transitionId") UUID transitionId,
                                  @Valid @NotNull Requests.Meeting request) {
        return transitions.meeting(transitionId.toString(), request.heldOn(), access());
    }

    @POST
    @Path("/{transitionId}/completion")
    @Operation(summary = "COMPLETED: full time in the store, in CDI (the pathway then exits in durable employment)")
    public TransitionView complete(@PathParam("transitionId") UUID transitionId,
                                   @Valid @NotNull Requests.Completion request) {
        return transitions.complete(transitionId.toString(), request.completedOn(), access());
    }

    @POST
    @Path("/{transitionId}/interruption")
    @Operation(summary = "INTERRUPTED: back to the chantier, its hours back to the contract before the transition")
    public TransitionView interrupt(@PathParam("transitionId") UUID transitionId,
                                    @Valid @NotNull Requests.Interruption request) {
        return transitions.end(transitionId.toString(), Outcome.INTERRUPTED, request.interruptedOn(), access());
    }

    @POST
    @Path("/{transitionId}/abandonment")
    @Operation(summary = "ABANDONED: the participant gave up; back to the chantier's contract hours")
    public TransitionView abandon(@PathParam("transitionId") UUID transitionId,
                                  @Valid @NotNull Requests.Abandonment request) {
        return transitions.end(transitionId.toString(), Outcome.ABANDONED, request.abandonedOn(), access());
    }

    private TokenAccess access() {
        return new TokenAccess(scope, token);
    }
}
