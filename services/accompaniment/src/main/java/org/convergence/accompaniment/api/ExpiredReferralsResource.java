package org.convergence.accompaniment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.convergence.accompaniment.application.Referrals;
import org.convergence.accompaniment.query.ExpiredReferrals;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

/** A chantier's referrals that no partner answered in time (ADR 0023). */
@Path("/chantiers/{chantierId}/expired-referrals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
@SecurityRequirement(name = "jwt")
public class ExpiredReferralsResource {

    private final Referrals referrals;
    private final CallerScope scope;

    public ExpiredReferralsResource(Referrals referrals, CallerScope scope) {
        this.referrals = referrals;
        this.scope = scope;
    }

    @GET
    @Operation(summary = "The chantier's referrals left unanswered past the configured delay (EXPIRED), the latest "
            + "first: partner, pathway (pseudonymous), barrier category, expiry date")
    public List<ExpiredReferrals.Expired> expired(@PathParam("chantierId") String chantierId) {
        return referrals.expiredAt(chantierId, scope);
    }
}
