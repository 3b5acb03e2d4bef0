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
import org.convergence.enrolment.application.Enrolments;
import org.convergence.enrolment.application.Exit;
import org.convergence.enrolment.application.NewPathway;
import org.convergence.enrolment.application.PathwayFacts;
import org.convergence.enrolment.query.PathwayView;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.rest.InvalidFieldsException;
import org.convergence.platform.rest.ProgramFields;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.Objects;

/** Pathways over REST: each request becomes one call of {@link Enrolments} or {@link PathwayFacts}. */
@Path("/pathways")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
@SecurityRequirement(name = "jwt")
public class PathwayResource {

    private final Enrolments enrolments;
    private final PathwayFacts facts;
    private final CallerScope scope;
    private final ProgramCatalog programs;
    private final Identities identities;

    public PathwayResource(Enrolments enrolments, PathwayFacts facts, CallerScope scope, ProgramCatalog programs,
                           Identities identities) {
        this.enrolments = enrolments;
        this.facts = facts;
        this.scope = scope;
        this.programs = programs;
        this.identities = identities;
    }

    @POST
    @Operation(summary = "Enrol a participant in a program at a chantier, possibly with a past entry date")
    public Response enrol(@Valid @NotNull Requests.Enrol request) {
        ProgramFields.requireKnown(programs, "program", request.program());
        if (request.identity() != null && request.participantId() != null) {
            throw new InvalidFieldsException("identity", "is given once, when a new participant is enrolled");
        }
        PathwayView view = enrolments.enrol(NewPathway.open(request.pathwayId().toString(),
                Objects.toString(request.participantId(), null), request.program(), request.chantierId(),
                request.entryDate()), access());
        // After the enrolment: a refused enrolment must not leave a sealed identity behind with no purpose.
        if (request.identity() != null) {
            identities.record(view.participantId(), view.territoryId(), view.chantierId(), request.identity());
        }
        return Response.created(URI.create("/pathways/" + view.pathwayId())).entity(view).build();
    }

    @POST
    @Path("/{pathwayId}/exit")
    @Operation(summary = "Record the end of a pathway with its DGEFP exit category")
    public PathwayView recordExit(@PathParam("pathwayId") String pathwayId,
                                  @Valid @NotNull Requests.RecordExit request) {
        return facts.recordExit(pathwayId, exitOf(request), access());
    }

    @POST
    @Path("/{pathwayId}/entry-correction")
    @Operation(summary = "Correct a wrong entry date (a new fact: the history keeps the first one)")
    public PathwayView correctEntryDate(@PathParam("pathwayId") String pathwayId,
                                        @Valid @NotNull Requests.CorrectEntryDate request) {
        return facts.correctEntryDate(pathwayId, request.entryDate(), access());
    }

    @POST
    @Path("/{pathwayId}/exit-correction")
    @Operation(summary = "Correct a wrong exit: date, category and housing situation, as a new fact")
    public PathwayView correctExit(@PathParam("pathwayId") String pathwayId,
                                   @Valid @NotNull Requests.RecordExit request) {
        return facts.correctExit(pathwayId, exitOf(request), access());
    }

    @POST
    @Path("/{pathwayId}/check-ins")
    @Operation(summary = "Record a post-exit follow-up check-in at one of the program's milestones")
    public Response recordCheckIn(@PathParam("pathwayId") String pathwayId,
                                  @Valid @NotNull Requests.CheckIn request) {
        facts.recordCheckIn(pathwayId, request.milestoneMonths(), request.checkInDate(), request.employmentStatus(),
                request.housingSituation(), access());
        return Response.status(Response.Status.CREATED).entity(request).build();
    }

    @POST
    @Path("/{pathwayId}/promotion")
    @Operation(summary = "Promote a Premières Heures pathway to a Convergence CDDI: it ends, a linked "
            + "Convergence pathway starts on the promotion date")
    public Response promote(@PathParam("pathwayId") String pathwayId, @Valid @NotNull Requests.Promote request) {
        PathwayView convergence = enrolments.promote(pathwayId, request.convergencePathwayId().toString(),
                request.chantierId(), request.promotionDate(), access());
        return Response.created(URI.create("/pathways/" + convergence.pathwayId())).entity(convergence).build();
    }

    @GET
    @Path("/{pathwayId}")
    @Operation(summary = "A pathway (national team, its territory's coordinator, its chantier's staff)")
    public PathwayView get(@PathParam("pathwayId") String pathwayId) {
        return enrolments.visiblePathway(pathwayId, access());
    }

    private ScopeAccess access() {
        return new ScopeAccess(scope);
    }

    private static Exit exitOf(Requests.RecordExit request) {
        return new Exit(request.exitDate(), request.category(), request.housingAtExit());
    }
}
