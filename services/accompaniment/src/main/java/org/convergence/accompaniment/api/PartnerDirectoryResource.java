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
import org.convergence.accompaniment.application.Referrals;
import org.convergence.accompaniment.query.PartnerView;
import org.convergence.accompaniment.query.ReferralView;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.List;

/** A territory's partner directory and the referrals its chantiers send to those partners. */
@Path("/territories/{territoryId}/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
@SecurityRequirement(name = "jwt")
public class PartnerDirectoryResource {

    private final Referrals referrals;
    private final CallerScope scope;

    public PartnerDirectoryResource(Referrals referrals, CallerScope scope) {
        this.referrals = referrals;
        this.scope = scope;
    }

    @POST
    @Operation(summary = "Register a partner in the territory's directory (national team, territory coordinator)")
    public Response register(@PathParam("territoryId") String territoryId,
                             @Valid @NotNull PartnerRequests.RegisterPartner request) {
        PartnerView partner = referrals.register(territoryId, request.partnerId(), request.name(), request.kind(),
                scope);
        return Response.created(URI.create("/territories/" + territoryId + "/partners")).entity(partner).build();
    }

    @GET
    @Operation(summary = "The territory's partners, with their kind")
    public List<PartnerView> directory(@PathParam("territoryId") String territoryId) {
        return referrals.directory(territoryId, scope);
    }

    @POST
    @Path("/{partnerId}/referrals")
    @Operation(summary = "Refer a pathway to a partner for a barrier identified on it, with or without the "
            + "participant's consent to share their identity with that partner")
    public Response send(@PathParam("territoryId") String territoryId, @PathParam("partnerId") String partnerId,
                         @Valid @NotNull PartnerRequests.SendReferral request) {
        ReferralView referral = referrals.send(territoryId, partnerId, request.referralId().toString(),
                request.pathwayId().toString(), request.category(), request.sentOn(),
                request.identitySharingConsent(), scope);
        return Response.created(URI.create("/territories/" + territoryId + "/partners/" + partnerId + "/referrals"))
                .entity(referral).build();
    }

    @GET
    @Path("/{partnerId}/referrals")
    @Operation(summary = "The referrals sent to a partner by the chantiers the caller reaches")
    public List<ReferralView> sentTo(@PathParam("territoryId") String territoryId,
                                     @PathParam("partnerId") String partnerId) {
        return referrals.sentTo(territoryId, partnerId, scope);
    }

    @POST
    @Path("/{partnerId}/referrals/{referralId}/cancellation")
    @Operation(summary = "Cancel a referral still open (its chantier)")
    public ReferralView cancel(@PathParam("territoryId") String territoryId, @PathParam("partnerId") String partnerId,
                               @PathParam("referralId") String referralId,
                               @Valid @NotNull PartnerRequests.Cancel request) {
        return referrals.cancel(territoryId, partnerId, referralId, request.cancelledOn(), scope);
    }
}
