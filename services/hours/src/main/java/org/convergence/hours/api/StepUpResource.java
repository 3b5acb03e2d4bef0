package org.convergence.hours.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.convergence.hours.application.KnownPathways;
import org.convergence.hours.progression.StepUpCandidates;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The "ready to step up" list for supervisors: a chantier's (its staff, its territory's coordinator, the national
 * team) and a territory's (its coordinator, the national team). Pseudonymous ids and hours only.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class StepUpResource {

    private final StepUpCandidates candidates;
    private final KnownPathways pathways;
    private final CallerScope scope;

    public StepUpResource(StepUpCandidates candidates, KnownPathways pathways, CallerScope scope) {
        this.candidates = candidates;
        this.pathways = pathways;
        this.scope = scope;
    }

    @GET
    @Path("chantiers/{chantierId}/step-up-candidates")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "Premières Heures participants of a chantier who worked at least 90 % of their contracted "
            + "hours 4 weeks in a row under their current contract (both configured), with the next step of the "
            + "ladder (null above it: case by case); a new contract decision removes them")
    public StepUpCandidates.StepUpList ofChantier(@PathParam("chantierId") String chantierId) {
        String territoryId = pathways.chantier(chantierId).orElseThrow(() -> scope.missing("Chantier"))
                .territoryId();
        scope.requireChantierAccess(territoryId, chantierId);
        return candidates.ofChantier(territoryId, chantierId);
    }

    @GET
    @Path("territories/{territoryId}/step-up-candidates")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "The step-up list of every chantier of a territory (its coordinator, the national team)")
    public StepUpCandidates.StepUpList ofTerritory(@PathParam("territoryId") String territoryId) {
        scope.requireTerritoryManager(territoryId);
        return candidates.ofTerritory(territoryId);
    }
}
