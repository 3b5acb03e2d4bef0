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
import org.convergence.transitions.application.Employers;
import org.convergence.transitions.application.TransitionReads;
import org.convergence.transitions.application.TransitionView;
import org.convergence.transitions.application.Transitions;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.List;

/** Employers and their stores (the national team registers them), and an employer's own transitions. */
@Path("/employers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class EmployerResource {

    private final Employers employers;
    private final Transitions transitions;
    private final CallerScope scope;
    private final JsonWebToken token;

    public EmployerResource(Employers employers, Transitions transitions, CallerScope scope, JsonWebToken token) {
        this.employers = employers;
        this.transitions = transitions;
        this.scope = scope;
        this.token = token;
    }

    @POST
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "Register an employer (national team)")
    public Response register(@Valid @NotNull Requests.RegisterEmployer request) {
        TransitionReads.EmployerView employer = employers.register(request.employerId(), request.name());
        return Response.created(URI.create("/employers/" + request.employerId())).entity(employer).build();
    }

    @POST
    @Path("/{employerId}/stores")
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "Register a store of an employer in a territory (national team)")
    public Response registerStore(@PathParam("employerId") String employerId,
                                  @Valid @NotNull Requests.RegisterStore request) {
        TransitionReads.EmployerView employer = employers.registerStore(employerId, request.storeId(),
                request.name(), request.territoryId());
        return Response.created(URI.create("/employers/" + employerId)).entity(employer).build();
    }

    @GET
    @Path("/{employerId}")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF, TokenAccess.EMPLOYER})
    @Operation(summary = "An employer and its stores (the chantier side, and the employer's own staff)")
    public TransitionReads.EmployerView get(@PathParam("employerId") String employerId) {
        return employers.get(employerId, access());
    }

    @GET
    @Path("/{employerId}/transitions")
    @RolesAllowed({Roles.NATIONAL, TokenAccess.EMPLOYER})
    @Operation(summary = "The employer's transitions (its own staff, national team): pseudonymous ids, dates, hours")
    public List<TransitionView> transitions(@PathParam("employerId") String employerId) {
        return transitions.ofEmployer(employerId, access());
    }

    private TokenAccess access() {
        return new TokenAccess(scope, token);
    }
}
