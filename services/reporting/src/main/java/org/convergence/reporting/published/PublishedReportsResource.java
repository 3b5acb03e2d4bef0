package org.convergence.reporting.published;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.input.Text;
import org.convergence.platform.rest.Problem;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convergence.reporting.api.FiguresResource;
import org.convergence.reporting.export.EvaluatorFigures;
import org.convergence.reporting.export.LinkedFigures;

import java.net.URI;
import java.util.function.Function;
import java.time.Year;
import java.util.List;

/** Published annual reports: immutable snapshots of every figure of a year, with their as-of time (ADR 0019). */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class PublishedReportsResource {

    private final PublishedReports reports;
    private final CallerScope scope;
    private final EvaluatorFigures evaluators;
    private final ObjectMapper mapper;

    public PublishedReportsResource(PublishedReports reports, CallerScope scope, EvaluatorFigures evaluators,
                                    ObjectMapper mapper) {
        this.evaluators = evaluators;
        this.mapper = mapper;
        this.reports = reports;
        this.scope = scope;
    }

    @POST
    @Path("/{year}")
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "Publish a year's report: every figure as of now, never changed afterwards (national team); "
            + "409 if the year is published already")
    public Response publish(@PathParam("year") @Min(2000) @Max(2100) int year) {
        PublishedReports.Manifest manifest = reports.publish(Year.of(year), scope.subject());
        return Response.created(URI.create("/reports/" + year)).entity(manifest).build();
    }

    /** Why a published year needs a new edition (shown with it). */
    public record Erratum(@NotNull @Text @Size(max = 500) String reason) {
    }

    @POST
    @Path("/{year}/editions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "Publish a new edition of a published year (errata): every figure as of now, with the "
            + "reason and who published it; the earlier editions stay as they were (national team)")
    public Response publishEdition(@PathParam("year") @Min(2000) @Max(2100) int year, @Valid @NotNull Erratum erratum) {
        PublishedReports.Manifest manifest = reports.publishEdition(Year.of(year), scope.subject(), erratum.reason());
        return Response.created(URI.create("/reports/" + year + "/editions/" + manifest.edition())).entity(manifest)
                .build();
    }

    @GET
    @Path("/{year}/editions")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR})
    @Operation(summary = "Every edition of a published year, the first first: when, by whom and why")
    public List<PublishedReports.Manifest> editions(@PathParam("year") @Min(2000) @Max(2100) int year) {
        List<PublishedReports.Manifest> editions = reports.editions(Year.of(year)).stream()
                .map(PublishedFigures::withoutContents).toList();
        if (editions.isEmpty()) {
            throw new NotFoundException("No report published for " + year);
        }
        return editions;
    }

    @GET
    @Path("/{year}/editions/{edition}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR})
    @Operation(summary = "One edition of a published year: the nation's figures as that edition published them")
    public PublishedFigures edition(@PathParam("year") @Min(2000) @Max(2100) int year,
                                    @PathParam("edition") @Min(1) @Max(1000) int edition) {
        if (scope.isEvaluator()) {
            return forEvaluator(year, LinkedFigures.NATION, read -> read.edition(edition).orElse(null));
        }
        return reports.national(Year.of(year), edition).map(PublishedFigures::of)
                .orElseThrow(() -> new NotFoundException("No edition " + edition + " of the report of " + year));
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR})
    @Operation(summary = "A published year: the nation's figures and territories by program as published")
    public PublishedFigures national(@PathParam("year") @Min(2000) @Max(2100) int year) {
        if (scope.isEvaluator()) {
            return forEvaluator(year, LinkedFigures.NATION, read -> read.latest().orElse(null));
        }
        return reports.national(Year.of(year)).map(PublishedFigures::of)
                .orElseThrow(() -> new NotFoundException("No report published for " + year));
    }

    @GET
    @Path("/{year}/territories/{territoryId}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "A territory's published figures for a year (national team, evaluators, its coordinator)")
    public PublishedFigures territory(@PathParam("year") @Min(2000) @Max(2100) int year,
                                      @PathParam("territoryId") String territoryId) {
        scope.requireTerritoryFigures(territoryId);
        if (scope.isEvaluator()) {
            return forEvaluator(year, LinkedFigures.territory(territoryId), read -> read.latest().orElse(null));
        }
        return reports.territory(Year.of(year), territoryId).map(PublishedFigures::of)
                .orElseThrow(() -> new NotFoundException("No published figures of " + territoryId + " for " + year));
    }

    @GET
    @Path("/{year}/chantiers/{chantierId}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "A chantier's published figures for a year (as GET /figures/chantiers)")
    public PublishedFigures chantier(@PathParam("year") @Min(2000) @Max(2100) int year,
                                     @PathParam("chantierId") String chantierId) {
        if (scope.isEvaluator()) {
            return forEvaluator(year, LinkedFigures.chantier(chantierId), read -> read.latest().orElse(null));
        }
        PublishedReports.Published found = reports.chantier(Year.of(year), chantierId).orElse(null);
        if (found == null) {
            throw scope.isNational() || scope.isEvaluator()
                    ? new NotFoundException("No published figures of " + chantierId + " for " + year) : scope.denied();
        }
        if (!scope.isEvaluator()) {
            scope.requireChantierAccess(found.figures().path("territoryId").asText(), chantierId);
        }
        return PublishedFigures.of(found);
    }

    /**
     * A published part as an evaluator reads it: the year's one secrecy decision over the live figures and every
     * edition (ADR 0037) applied to the part's stored figures; 404 when the edition does not hold the place.
     */
    private PublishedFigures forEvaluator(int year, String place,
                                          Function<EvaluatorFigures.YearOfFigures, EvaluatorFigures.Edition> which) {
        EvaluatorFigures.YearOfFigures read = evaluators.year(Year.of(year));
        EvaluatorFigures.Edition edition = which.apply(read);
        PublishedReports.Published part = edition == null ? null : edition.parts().get(place);
        if (part == null) {
            throw new NotFoundException("No published figures of " + place + " for " + year);
        }
        ObjectNode figures;
        if (place.equals(LinkedFigures.NATION)) {
            figures = FiguresResource.nationalJson(part.figures(), read.secret(), mapper);
        } else if (place.startsWith("chantier:")) {
            figures = part.figures().deepCopy();
            figures.set("figures", read.secret().maskJson(place, part.figures().path("figures")));
        } else {
            figures = read.secret().maskJson(place, part.figures());
        }
        return new PublishedFigures(PublishedFigures.withoutContents(part.manifest()), figures, part.deployments());
    }

    /** A published part as served: the publication, then the figures exactly as stored. */
    public record PublishedFigures(PublishedReports.Manifest publication, JsonNode figures, JsonNode deployments) {
        static PublishedFigures of(PublishedReports.Published p) {
            return new PublishedFigures(withoutContents(p.manifest()), p.figures(), p.deployments());
        }

        /** Which territories and chantiers a report holds is the national team's business. */
        static PublishedReports.Manifest withoutContents(PublishedReports.Manifest m) {
            return new PublishedReports.Manifest(m.year(), m.publicationId(), m.asOf(), m.publishedBy(), List.of(),
                    List.of(), m.edition(), m.reason());
        }
    }

    @ServerExceptionMapper
    public Response editionConflict(EditionConflictException e) {
        return Problem.response(409, "Conflict", e.getMessage(), "EDITION_CONFLICT", List.of());
    }

    @ServerExceptionMapper
    public Response alreadyPublished(ReportAlreadyPublishedException e) {
        return Problem.response(409, "Conflict", e.getMessage(), "REPORT_ALREADY_PUBLISHED", List.of());
    }
}
