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
import jakarta.ws.rs.core.Response;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.rest.ProgramFields;
import org.convergence.enrolment.domain.ChantierMessages.RegisterChantierCommand;
import org.convergence.enrolment.domain.ProgramStart;
import org.convergence.enrolment.domain.TerritoryMessages.ChangeProgramStatusCommand;
import org.convergence.enrolment.domain.TerritoryMessages.DesignateCoordinationCommand;
import org.convergence.enrolment.domain.TerritoryMessages.RecordSteeringCommitteeCommand;
import org.convergence.enrolment.domain.TerritoryMessages.RegisterTerritoryCommand;
import org.convergence.enrolment.query.ChantierView;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.enrolment.query.TerritoryView;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.rest.InvalidFieldsException;
import org.convergence.platform.rest.Problem;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

@Path("/territories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class TerritoryResource {

    private final Commands commands;
    private final EnrolmentReads reads;
    private final CallerScope scope;
    private final ProgramCatalog programs;

    public TerritoryResource(Commands commands, EnrolmentReads reads, CallerScope scope, ProgramCatalog programs) {
        this.commands = commands;
        this.reads = reads;
        this.scope = scope;
        this.programs = programs;
    }

    @POST
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "Register a territory (national team)")
    public Response register(@Valid @NotNull Requests.RegisterTerritory request) {
        commands.send(new RegisterTerritoryCommand(request.territoryId(), request.name(), request.densityKind()));
        TerritoryView view = TerritoryView.registered(request.territoryId(), request.name(), request.densityKind());
        return Response.created(URI.create("/territories/" + request.territoryId())).entity(view).build();
    }

    @POST
    @Path("/{territoryId}/chantiers")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "Register a chantier of a territory (national team or that territory's coordinator)")
    public Response registerChantier(@PathParam("territoryId") String territoryId,
                             @Valid @NotNull Requests.RegisterChantier request) {
        scope.requireTerritoryManager(territoryId);
        reads.territory(territoryId).orElseThrow(() -> scope.missing("Territory"));
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < request.programs().size(); i++) {
            if (!programs.isKnown(request.programs().get(i).program())) {
                unknown.add(new Problem.FieldError("programs[" + i + "].program", programs.unknownMessage()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidFieldsException(unknown);
        }
        List<ProgramStart> carried = request.programs().stream()
                .map(p -> new ProgramStart(p.program(), p.since())).toList();
        commands.send(new RegisterChantierCommand(request.chantierId(), territoryId, request.name(), carried));
        ChantierView view = new ChantierView(request.chantierId(), territoryId, request.name(), carried);
        return Response.created(URI.create("/chantiers/" + request.chantierId())).entity(view).build();
    }

    @POST
    @Path("/{territoryId}/programs/{program}/status")
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "Record that a territory engaged in a program, or that the program became operational "
            + "there (national team)")
    public TerritoryView changeProgramStatus(@PathParam("territoryId") String territoryId,
                                             @PathParam("program") String program,
                                             @Valid @NotNull Requests.ProgramStatus request) {
        ProgramFields.requireKnown(programs, "program", program);
        existing(territoryId);
        commands.send(new ChangeProgramStatusCommand(territoryId, program, request.status(), request.effectiveOn()));
        return existing(territoryId);
    }

    @POST
    @Path("/{territoryId}/coordination")
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "Designate the structure that carries the territory's coordination (national team)")
    public TerritoryView designateCoordination(@PathParam("territoryId") String territoryId,
                                               @Valid @NotNull Requests.Coordination request) {
        existing(territoryId);
        commands.send(new DesignateCoordinationCommand(territoryId, request.structureName(), request.since()));
        return existing(territoryId);
    }

    @POST
    @Path("/{territoryId}/steering-committees")
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "Record the date a steering committee (COPIL) of the territory met (national team)")
    public TerritoryView recordSteeringCommittee(@PathParam("territoryId") String territoryId,
                                                 @Valid @NotNull Requests.SteeringCommittee request) {
        existing(territoryId);
        commands.send(new RecordSteeringCommitteeCommand(territoryId, request.heldOn()));
        return existing(territoryId);
    }

    @GET
    @Path("/{territoryId}")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "A territory (national team, or people working in it)")
    public TerritoryView get(@PathParam("territoryId") String territoryId) {
        scope.requireTerritoryMember(territoryId);
        return existing(territoryId);
    }

    private TerritoryView existing(String territoryId) {
        return reads.territory(territoryId).orElseThrow(() -> scope.missing("Territory"));
    }

}
