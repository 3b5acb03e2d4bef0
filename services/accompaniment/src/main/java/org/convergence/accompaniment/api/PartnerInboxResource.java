package org.convergence.accompaniment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
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
import org.convergence.accompaniment.application.PartnerCaller;
import org.convergence.accompaniment.application.Referrals;
import org.convergence.accompaniment.query.ReferralView;
import org.convergence.contracts.input.Identifiers;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

/**
 * What a partner reaches with its own token (role {@code partner}, claims {@code territory} and {@code partner}):
 * the referrals addressed to it, to list and answer. Nothing of other partners, chantiers or figures (ADR 0017).
 */
@Path("/partner/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(PartnerInboxResource.PARTNER)
@SecurityRequirement(name = "jwt")
public class PartnerInboxResource {

    /** The role of a partner's token; its {@code partner} claim names the partner, {@code territory} its territory. */
    public static final String PARTNER = "partner";
    static final String PARTNER_CLAIM = "partner";
    static final String TERRITORY_CLAIM = "territory";

    private final Referrals referrals;
    private final JsonWebToken token;

    public PartnerInboxResource(Referrals referrals, JsonWebToken token) {
        this.referrals = referrals;
        this.token = token;
    }

    @GET
    @Operation(summary = "The referrals addressed to the calling partner: pseudonymous participant, barrier "
            + "category, dates, status")
    public List<ReferralView.ForPartner> inbox() {
        return referrals.inbox(caller(), token.getName());
    }

    @POST
    @Path("/{referralId}/answers")
    @Operation(summary = "Accept, decline or complete a referral addressed to the calling partner")
    public ReferralView.ForPartner answer(@PathParam("referralId") String referralId,
                                          @Valid @NotNull PartnerRequests.Answer request) {
        return referrals.answer(caller(), referralId, request.status(), request.answeredOn());
    }

    @POST
    @Path("/{referralId}/health-rights")
    @Operation(summary = "A CPAM contact records the health rights it opened for the participant of an accepted "
            + "HEALTH referral addressed to it: the kind and the date only")
    public Response openHealthRights(@PathParam("referralId") String referralId,
                                     @Valid @NotNull Requests.RecordHealthRightsOpening request) {
        referrals.openHealthRights(caller(), referralId, request.kind(), request.openedOn());
        return Response.status(Response.Status.CREATED).build();
    }

    @GET
    @Path("/{referralId}/identity")
    @Operation(summary = "Who the participant of a referral addressed to the calling partner is (names and birth "
            + "date), while the referral is open and if they consented to share it; audited here and at enrolment")
    public Referrals.PartnerIdentity identity(@PathParam("referralId") String referralId) {
        return referrals.identity(caller(), referralId, token.getName());
    }

    /** A partner token without both claims, well-formed, reaches nothing. */
    private PartnerCaller caller() {
        String territory = claim(TERRITORY_CLAIM);
        String partner = claim(PARTNER_CLAIM);
        PartnerCaller caller = new PartnerCaller(territory, partner);
        if (!Identifiers.isSlug(territory) || !Identifiers.isSlug(partner)) {
            throw caller.denied();
        }
        return caller;
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
    }
}
