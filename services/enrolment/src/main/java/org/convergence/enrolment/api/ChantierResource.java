package org.convergence.enrolment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.convergence.enrolment.query.ChantierView;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/chantiers")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class ChantierResource {

    private final EnrolmentReads reads;
    private final CallerScope scope;

    public ChantierResource(EnrolmentReads reads, CallerScope scope) {
        this.reads = reads;
        this.scope = scope;
    }

    @GET
    @Path("/{chantierId}")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "A chantier (national team, its territory's coordinator, its staff)")
    public ChantierView get(@PathParam("chantierId") String chantierId) {
        ChantierView chantier = reads.chantier(chantierId).orElseThrow(() -> scope.missing("Chantier"));
        scope.requireChantierAccess(chantier.territoryId(), chantierId);
        return chantier;
    }
}
