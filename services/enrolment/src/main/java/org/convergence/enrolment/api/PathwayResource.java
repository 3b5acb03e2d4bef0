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
import org.axonframework.messaging.MetaData;
import org.convergence.enrolment.config.ProgramCatalog;
import org.convergence.enrolment.domain.PathwayMessages.EnrolParticipantCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordExitCommand;
import org.convergence.enrolment.query.ChantierView;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.enrolment.query.PathwayView;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.rest.Problem;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/pathways")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
@SecurityRequirement(name = "jwt")
public class PathwayResource {

    private final Commands commands;
    private final EnrolmentReads reads;
    private final CallerScope scope;
    private final ProgramCatalog programs;

    public PathwayResource(Commands commands, EnrolmentReads reads, CallerScope scope, ProgramCatalog programs) {
        this.commands = commands;
        this.reads = reads;
        this.scope = scope;
        this.programs = programs;
    }

    @POST
    @Operation(summary = "Enrol a participant in a program at a chantier, possibly with a past entry date")
    public Response enrol(@Valid @NotNull Requests.Enrol request) {
        ChantierView chantier = reads.chantier(request.chantierId()).orElseThrow(() -> scope.missing("Chantier"));
        scope.requireChantierAccess(chantier.territoryId(), chantier.chantierId());
        if (!programs.isKnown(request.program())) {
            return Problem.response(400, "Bad Request", "The request has invalid fields", null,
                    List.of(new Problem.FieldError("program", "must be one of " + String.join(", ", programs.codes()))));
        }
        if (chantier.program(request.program()).isEmpty()) {
            throw new RuleViolationException("PROGRAM_NOT_CARRIED",
                    "Chantier " + chantier.chantierId() + " does not carry " + request.program());
        }
        String pathwayId = request.pathwayId().toString();
        String participantId = (request.participantId() == null ? UUID.randomUUID() : request.participantId()).toString();
        commands.send(new EnrolParticipantCommand(pathwayId, participantId, request.program(),
                chantier.territoryId(), chantier.chantierId(), request.entryDate()), recordedBy());
        PathwayView view = new PathwayView(pathwayId, participantId, request.program(), chantier.territoryId(),
                chantier.chantierId(), request.entryDate(), null, null, null);
        return Response.created(URI.create("/pathways/" + pathwayId)).entity(view).build();
    }

    @POST
    @Path("/{pathwayId}/exit")
    @Operation(summary = "Record the end of a pathway with its DGEFP exit category")
    public PathwayView recordExit(@PathParam("pathwayId") String pathwayId,
                                  @Valid @NotNull Requests.RecordExit request) {
        PathwayView pathway = visiblePathway(pathwayId);
        commands.send(new RecordExitCommand(pathwayId, request.exitDate(), request.category(),
                request.housingAtExit()), recordedBy());
        return new PathwayView(pathway.pathwayId(), pathway.participantId(), pathway.program(),
                pathway.territoryId(), pathway.chantierId(), pathway.entryDate(), request.exitDate(),
                request.category(), request.housingAtExit());
    }

    @GET
    @Path("/{pathwayId}")
    @Operation(summary = "A pathway (national team, its territory's coordinator, its chantier's staff)")
    public PathwayView get(@PathParam("pathwayId") String pathwayId) {
        return visiblePathway(pathwayId);
    }

    private PathwayView visiblePathway(String pathwayId) {
        PathwayView pathway = reads.pathway(pathwayId).orElseThrow(() -> scope.missing("Pathway"));
        scope.requireChantierAccess(pathway.territoryId(), pathway.chantierId());
        return pathway;
    }

    private MetaData recordedBy() {
        return MetaData.with("recordedBy", scope.subject());
    }
}
