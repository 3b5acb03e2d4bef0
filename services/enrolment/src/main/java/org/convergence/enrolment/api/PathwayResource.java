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
import org.convergence.enrolment.domain.PathwayMessages.CorrectEntryDateCommand;
import org.convergence.enrolment.domain.PathwayMessages.CorrectExitCommand;
import org.convergence.enrolment.domain.PathwayMessages.EnrolParticipantCommand;
import org.convergence.enrolment.domain.PathwayMessages.PromoteToConvergenceCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordCheckInCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordExitCommand;
import org.convergence.enrolment.domain.Programs;
import org.convergence.enrolment.query.ActivePathways;
import org.convergence.enrolment.query.ChantierView;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.enrolment.query.ParticipantPathways;
import org.convergence.enrolment.query.PathwayView;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.rest.InvalidFieldsException;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.time.LocalDate;
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
    private final Identities identities;
    private final ActivePathways activePathways;
    private final ParticipantPathways participantPathways;

    public PathwayResource(Commands commands, EnrolmentReads reads, CallerScope scope, ProgramCatalog programs,
                           Identities identities, ActivePathways activePathways,
                           ParticipantPathways participantPathways) {
        this.activePathways = activePathways;
        this.participantPathways = participantPathways;
        this.commands = commands;
        this.reads = reads;
        this.scope = scope;
        this.programs = programs;
        this.identities = identities;
    }

    @POST
    @Operation(summary = "Enrol a participant in a program at a chantier, possibly with a past entry date")
    public Response enrol(@Valid @NotNull Requests.Enrol request) {
        ChantierView chantier = visibleChantier(request.chantierId());
        ProgramFields.requireKnown(programs, "program", request.program());
        if (request.identity() != null && request.participantId() != null) {
            throw new InvalidFieldsException("identity", "is given once, when a new participant is enrolled");
        }
        String participantId = (request.participantId() == null ? UUID.randomUUID() : request.participantId()).toString();
        PathwayView view = enrolAt(chantier, request.pathwayId().toString(), participantId, request.program(),
                request.entryDate(), null);
        // After the enrolment: a refused enrolment must not leave a sealed identity behind with no purpose.
        if (request.identity() != null) {
            identities.record(participantId, chantier, request.identity());
        }
        return Response.created(URI.create("/pathways/" + view.pathwayId())).entity(view).build();
    }

    @POST
    @Path("/{pathwayId}/exit")
    @Operation(summary = "Record the end of a pathway with its DGEFP exit category")
    public PathwayView recordExit(@PathParam("pathwayId") String pathwayId,
                                  @Valid @NotNull Requests.RecordExit request) {
        PathwayView pathway = visiblePathway(pathwayId);
        commands.send(new RecordExitCommand(pathwayId, request.exitDate(), request.category(),
                request.housingAtExit()));
        return pathway.exited(request.exitDate(), request.category(), request.housingAtExit());
    }

    @POST
    @Path("/{pathwayId}/entry-correction")
    @Operation(summary = "Correct a wrong entry date (a new fact: the history keeps the first one)")
    public PathwayView correctEntryDate(@PathParam("pathwayId") String pathwayId,
                                        @Valid @NotNull Requests.CorrectEntryDate request) {
        PathwayView pathway = visiblePathway(pathwayId);
        commands.send(new CorrectEntryDateCommand(pathwayId, request.entryDate()));
        return pathway.entryCorrected(request.entryDate());
    }

    @POST
    @Path("/{pathwayId}/exit-correction")
    @Operation(summary = "Correct a wrong exit: date, category and housing situation, as a new fact")
    public PathwayView correctExit(@PathParam("pathwayId") String pathwayId,
                                   @Valid @NotNull Requests.RecordExit request) {
        PathwayView pathway = visiblePathway(pathwayId);
        commands.send(new CorrectExitCommand(pathwayId, request.exitDate(), request.category(),
                request.housingAtExit()));
        return pathway.exited(request.exitDate(), request.category(), request.housingAtExit());
    }

    @POST
    @Path("/{pathwayId}/check-ins")
    @Operation(summary = "Record a post-exit follow-up check-in (1, 3, 6 or 12 months after a Convergence exit)")
    public Response recordCheckIn(@PathParam("pathwayId") String pathwayId,
                                  @Valid @NotNull Requests.CheckIn request) {
        visiblePathway(pathwayId);
        commands.send(new RecordCheckInCommand(pathwayId, request.milestoneMonths(), request.checkInDate(),
                request.employmentStatus(), request.housingSituation()));
        return Response.status(Response.Status.CREATED).entity(request).build();
    }

    @POST
    @Path("/{pathwayId}/promotion")
    @Operation(summary = "Promote a Premières Heures pathway to a Convergence CDDI: it ends, a linked "
            + "Convergence pathway starts on the promotion date")
    public Response promote(@PathParam("pathwayId") String pathwayId, @Valid @NotNull Requests.Promote request) {
        PathwayView premieresHeures = visiblePathway(pathwayId);
        ChantierView chantier = visibleChantier(request.chantierId() == null
                ? premieresHeures.chantierId() : request.chantierId());
        requireCarried(chantier, Programs.CONVERGENCE);
        String convergencePathwayId = request.convergencePathwayId().toString();
        // Two aggregates, two commands: the first is idempotent, so a retried request completes the second.
        commands.send(new PromoteToConvergenceCommand(pathwayId, convergencePathwayId, request.promotionDate()));
        PathwayView convergence = enrolAt(chantier, convergencePathwayId, premieresHeures.participantId(),
                Programs.CONVERGENCE, request.promotionDate(), pathwayId);
        return Response.created(URI.create("/pathways/" + convergencePathwayId)).entity(convergence).build();
    }

    @GET
    @Path("/{pathwayId}")
    @Operation(summary = "A pathway (national team, its territory's coordinator, its chantier's staff)")
    public PathwayView get(@PathParam("pathwayId") String pathwayId) {
        return visiblePathway(pathwayId);
    }

    private PathwayView enrolAt(ChantierView chantier, String pathwayId, String participantId, String program,
                                LocalDate entryDate, String promotedFrom) {
        requireCarried(chantier, program);
        activePathways.claim(participantId, program, pathwayId);
        participantPathways.link(participantId, pathwayId);
        commands.send(new EnrolParticipantCommand(pathwayId, participantId, program, chantier.territoryId(),
                chantier.chantierId(), entryDate, promotedFrom));
        return PathwayView.enrolled(pathwayId, participantId, program, chantier.territoryId(), chantier.chantierId(),
                entryDate, promotedFrom);
    }

    private static void requireCarried(ChantierView chantier, String program) {
        if (chantier.program(program).isEmpty()) {
            throw new RuleViolationException("PROGRAM_NOT_CARRIED",
                    "Chantier " + chantier.chantierId() + " does not carry " + program);
        }
    }

    private ChantierView visibleChantier(String chantierId) {
        ChantierView chantier = reads.chantier(chantierId).orElseThrow(() -> scope.missing("Chantier"));
        scope.requireChantierAccess(chantier.territoryId(), chantier.chantierId());
        return chantier;
    }

    private PathwayView visiblePathway(String pathwayId) {
        PathwayView pathway = reads.pathway(pathwayId).orElseThrow(() -> scope.missing("Pathway"));
        scope.requireChantierAccess(pathway.territoryId(), pathway.chantierId());
        return pathway;
    }

}
