package org.convergence.accompaniment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.convergence.accompaniment.application.AccessTrail;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

/** Who read a participant's health-related facts, and when: for the national team only (GDPR art. 9, ADR 0023). */
@Path("/participants/{participantId}/access-trail/{year}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.NATIONAL)
@SecurityRequirement(name = "jwt")
public class AccessTrailResource {

    private final AccessTrail trail;

    public AccessTrailResource(AccessTrail trail) {
        this.trail = trail;
    }

    @GET
    @Operation(summary = "The reads of a participant's accompaniment and of referral lists naming them in a year, "
            + "the latest first: when, token subject, what was read, which pathway")
    public List<AccessTrail.Read> trail(@PathParam("participantId") String participantId,
                                        @PathParam("year") @Min(2000) @Max(2100) int year) {
        return trail.of(participantId, year);
    }
}
