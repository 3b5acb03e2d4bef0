package org.convergence.enrolment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.convergence.enrolment.identity.Identity;
import org.convergence.enrolment.identity.IdentityAudit;
import org.convergence.enrolment.identity.IdentityVault;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.enrolment.query.ParticipantRecord;
import org.convergence.enrolment.query.TimelineEntry;
import org.convergence.enrolment.query.Timelines;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.rest.Problem;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.Optional;

/** A participant's identity: read by the people who accompany them (audited), erased on request. */
@Path("/participants")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class ParticipantResource {

    /**
     * The role of the accompaniment service's own token towards enrolment: reading an identity for a partner through
     * a referral, nothing else (ADR 0027). No person's token carries it.
     */
    public static final String IDENTITY_READER = "identity-reader";

    private final EnrolmentReads reads;
    private final IdentityVault vault;
    private final Identities identities;
    private final CallerScope scope;
    private final Timelines timelines;

    public ParticipantResource(EnrolmentReads reads, IdentityVault vault, Identities identities, CallerScope scope,
                               Timelines timelines) {
        this.timelines = timelines;
        this.reads = reads;
        this.vault = vault;
        this.identities = identities;
        this.scope = scope;
    }

    @GET
    @Path("/{participantId}/identity")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "Who the participant is (national team, coordinator of the territory, staff of the "
            + "chantier where they were enrolled); 410 once erased")
    public Response identity(@PathParam("participantId") String participantId) {
        return opened(visible(participantId)).map(identity -> Response.ok(identity).build()).orElseGet(
                ParticipantResource::erased);
    }

    /** The identity, unless erased (flag set, or its key already gone from the vault). */
    private Optional<Identity> opened(ParticipantRecord participant) {
        return participant.erased() ? Optional.empty()
                : vault.open(participant.participantId(), participant.sealedIdentity());
    }

    private static Response erased() {
        return Problem.response(410, "Gone", "This identity was erased at the participant's request", null,
                List.of());
    }

    /**
     * Service to service (accompaniment, ADR 0027): the identity for the partner a referral was addressed to. The
     * accompaniment service has checked that the referral is the partner's, open, and sent with the participant's
     * consent; this door, reachable with the {@value #IDENTITY_READER} role only, holds the partner to the
     * participant's territory and writes the read in the audit trail, naming the partner and the referral.
     */
    @GET
    @Path("/{participantId}/identity/through-referral/{territoryId}/{partnerId}/{referralId}")
    @RolesAllowed(IDENTITY_READER)
    @Operation(summary = "Service to service (accompaniment): who the participant is, for the partner of a referral "
            + "sent with their consent; audited with the partner and the referral; 410 once erased")
    public Response identityForPartner(@PathParam("participantId") String participantId,
                                       @PathParam("territoryId") String territoryId,
                                       @PathParam("partnerId") String partnerId,
                                       @PathParam("referralId") String referralId) {
        ParticipantRecord participant = reads.participant(participantId)
                .orElseThrow(() -> new NotFoundException("Participant " + participantId + " not found"));
        if (!participant.territoryId().equals(territoryId)) {
            throw new RuleViolationException("PARTNER_OF_ANOTHER_TERRITORY", "A partner of " + territoryId
                    + " reads identities of participants of its own territory only");
        }
        Optional<Identity> identity = opened(participant);
        if (identity.isEmpty()) {
            return erased();
        }
        IdentityAudit.readForPartner(scope.subject(), participantId, territoryId, partnerId, referralId);
        return Response.ok(identity.get()).build();
    }

    @GET
    @Path("/{participantId}/timeline")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "Every fact of the participant's pathways the caller may see, corrections included, in "
            + "business-date order (national team, coordinators and chantier staff where the pathways are)")
    public List<TimelineEntry> timeline(@PathParam("participantId") String participantId) {
        List<TimelineEntry> entries = timelines.of(participantId,
                        p -> scope.hasChantierAccess(p.territoryId(), p.chantierId()))
                .orElseThrow(() -> scope.missing("Participant"));
        if (entries.isEmpty()) {
            throw scope.denied();
        }
        return entries;
    }

    @POST
    @Path("/{participantId}/erasure")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "Erase the participant's identity for good; pathways and figures stay")
    public Response erase(@PathParam("participantId") String participantId) {
        ParticipantRecord participant = visible(participantId);
        scope.requireTerritoryManager(participant.territoryId());
        identities.erase(participantId);
        return Response.noContent().build();
    }

    private ParticipantRecord visible(String participantId) {
        ParticipantRecord participant = reads.participant(participantId)
                .orElseThrow(() -> scope.missing("Participant identity"));
        scope.requireChantierAccess(participant.territoryId(), participant.chantierId());
        return participant;
    }
}
