package org.convergence.enrolment.api;

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
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.rest.ProgramFields;
import org.convergence.enrolment.domain.ChantierMessages.StartProgramCommand;
import org.convergence.enrolment.query.ChantierView;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.inbound.InboundRejections;
import org.convergence.platform.inbound.RecentRejections;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/chantiers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class ChantierResource {

    private final Commands commands;
    private final EnrolmentReads reads;
    private final CallerScope scope;
    private final ProgramCatalog programs;
    private final InboundRejections rejections;

    public ChantierResource(Commands commands, EnrolmentReads reads, CallerScope scope, ProgramCatalog programs,
                            InboundRejections rejections) {
        this.commands = commands;
        this.reads = reads;
        this.scope = scope;
        this.programs = programs;
        this.rejections = rejections;
    }

    @GET
    @Path("/{chantierId}")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "A chantier (national team, its territory's coordinator, its staff)")
    public ChantierView get(@PathParam("chantierId") String chantierId) {
        ChantierView chantier = existing(chantierId);
        scope.requireChantierAccess(chantier.territoryId(), chantierId);
        return chantier;
    }

    @GET
    @Path("/{chantierId}/inbound-rejections")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "Records the chantier's software sent on its own topic "
            + "convergence.chantier.{chantierId}.pathways.v1 that were not applied, over the last 30 days, newest "
            + "first, with their code (the REST API's rule code, OUT_OF_SCOPE, CHANTIER_NOT_TOPIC_OWNER, "
            + "MALFORMED_RECORD, NOT_KNOWN...) and reason (national team, its territory's coordinator, its staff; "
            + "ADR 0018)")
    public RecentRejections inboundRejections(@PathParam("chantierId") String chantierId) {
        ChantierView chantier = existing(chantierId);
        scope.requireChantierAccess(chantier.territoryId(), chantierId);
        return rejections.recent(chantierId);
    }

    @POST
    @Path("/{chantierId}/programs")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "A chantier starts carrying one more program from a date, e.g. when it joins Convergence "
            + "(national team or its territory's coordinator)")
    public ChantierView startProgram(@PathParam("chantierId") String chantierId,
                                     @Valid @NotNull Requests.ProgramCarried request) {
        ChantierView chantier = existing(chantierId);
        scope.requireTerritoryManager(chantier.territoryId());
        ProgramFields.requireKnown(programs, "program", request.program());
        commands.send(new StartProgramCommand(chantierId, request.program(), request.since()));
        return existing(chantierId);
    }

    private ChantierView existing(String chantierId) {
        return reads.chantier(chantierId).orElseThrow(() -> scope.missing("Chantier"));
    }
}
