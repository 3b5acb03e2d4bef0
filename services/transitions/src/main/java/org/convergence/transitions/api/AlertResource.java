package org.convergence.transitions.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.convergence.transitions.application.TransitionView;
import org.convergence.transitions.application.Transitions;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

/** The alert lists: open transitions with no follow-up meeting for the configured number of weeks (default 4). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
@SecurityRequirement(name = "jwt")
public class AlertResource {

    private final Transitions transitions;
    private final CallerScope scope;
    private final JsonWebToken token;

    public AlertResource(Transitions transitions, CallerScope scope, JsonWebToken token) {
        this.transitions = transitions;
        this.scope = scope;
        this.token = token;
    }

    @GET
    @Path("chantiers/{chantierId}/transition-alerts")
    @Operation(summary = "A chantier's open transitions without a follow-up meeting for the configured weeks")
    public List<TransitionView> ofChantier(@PathParam("chantierId") String chantierId) {
        return transitions.alertsOfChantier(chantierId, new TokenAccess(scope, token));
    }

    @GET
    @Path("territories/{territoryId}/transition-alerts")
    @Operation(summary = "A territory's open transitions without a follow-up meeting for the configured weeks")
    public List<TransitionView> ofTerritory(@PathParam("territoryId") String territoryId) {
        return transitions.alertsOfTerritory(territoryId, new TokenAccess(scope, token));
    }
}
