package org.convergence.hours.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.convergence.hours.application.KnownPathways;
import org.convergence.platform.inbound.InboundRejections;
import org.convergence.platform.inbound.RecentRejections;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * What a chantier's software sent on its own {@code convergence.chantier.<id>.timesheets.v1} that was not recorded, for the chantier's
 * staff: the same platform list enrolment serves for pathway facts (ADR 0018), kept by this service's door.
 */
@Path("/chantiers/{chantierId}/inbound-rejections")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class InboundRejectionsResource {

    private final InboundRejections rejections;
    private final KnownPathways pathways;
    private final CallerScope scope;

    public InboundRejectionsResource(InboundRejections rejections, KnownPathways pathways, CallerScope scope) {
        this.rejections = rejections;
        this.pathways = pathways;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "Timesheets the chantier's software sent on its own topic "
            + "convergence.chantier.{chantierId}.timesheets.v1 that were not recorded, over the last 30 days, newest "
            + "first, with their code (the REST door's rule code, CHANTIER_NOT_TOPIC_OWNER, MALFORMED_RECORD, "
            + "NOT_KNOWN...) and reason (national team, its territory's coordinator, its staff)")
    public RecentRejections recent(@PathParam("chantierId") String chantierId) {
        String territoryId = pathways.chantier(chantierId).orElseThrow(() -> scope.missing("Chantier"))
                .territoryId();
        scope.requireChantierAccess(territoryId, chantierId);
        return rejections.recent(chantierId);
    }
}
