package org.convergence.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.time.BusinessDates;
import org.convergence.platform.security.Roles;
import org.convergence.reporting.figures.ChantierFigures;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.TerritoryFigures;
import org.convergence.reporting.territories.Deployments;
import org.convergence.reporting.territories.TerritoriesByProgram;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convergence.reporting.export.EvaluatorFigures;
import org.convergence.reporting.export.LinkedFigures;
import org.convergence.reporting.export.SecretCells;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;
import java.time.Year;

/** Aggregated, non-personal figures per territory and for the nation, per calendar year. */
@Path("/figures")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class FiguresResource {

    private final FiguresService figures;
    private final Deployments deployments;
    private final CallerScope scope;
    private final EvaluatorFigures evaluators;
    private final ObjectMapper mapper;

    /** What the figure reads tell evaluators of statistical secrecy (ADR 0037), in the OpenAPI document. */
    static final String SECRECY = " For evaluators, under statistical secrecy (ADR 0037): a figure of too few people, "
            + "or one that would let such a figure be recomputed from others, is null and its dotted key is listed in "
            + "the array `secret` beside the figures (empty when none is hidden); the other roles get no `secret`.";

    public FiguresResource(FiguresService figures, Deployments deployments, CallerScope scope,
                           EvaluatorFigures evaluators, ObjectMapper mapper) {
        this.evaluators = evaluators;
        this.mapper = mapper;
        this.figures = figures;
        this.deployments = deployments;
        this.scope = scope;
    }

    @GET
    @Path("/territories/{territoryId}/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "A territory's figures for a year (national team, evaluators, its coordinator)",
            description = "The territory's figures." + SECRECY)
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TerritoryFigures.class)))
    public Object territory(@PathParam("territoryId") String territoryId,
                            @PathParam("year") @Min(2000) @Max(2100) int year) {
        scope.requireTerritoryFigures(territoryId);
        if (scope.isEvaluator()) {
            EvaluatorFigures.YearOfFigures read = evaluators.year(Year.of(year));
            TerritoryFigures territory = read.territory(territoryId)
                    .orElseThrow(() -> new NotFoundException("No figures for territory " + territoryId));
            ObjectNode json = read.secret().maskJson(LinkedFigures.territory(territoryId),
                    mapper.valueToTree(territory));
            json.put("asOf", read.live().asOf().toString());
            return json;
        }
        return figures.territory(territoryId, Year.of(year))
                .orElseThrow(() -> new NotFoundException("No figures for territory " + territoryId));
    }

    @GET
    @Path("/chantiers/{chantierId}/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "A chantier's figures for a year (national team, evaluators, its territory's coordinator, "
            + "its staff)", description = "The chantier's figures, under `figures`." + SECRECY)
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChantierFigures.class)))
    public Object chantier(@PathParam("chantierId") String chantierId,
                           @PathParam("year") @Min(2000) @Max(2100) int year) {
        if (scope.isEvaluator()) {
            EvaluatorFigures.YearOfFigures read = evaluators.year(Year.of(year));
            ChantierFigures chantier = read.chantier(chantierId)
                    .orElseThrow(() -> new NotFoundException("No figures for chantier " + chantierId));
            ObjectNode json = mapper.valueToTree(chantier);
            json.set("figures", read.secret().maskJson(LinkedFigures.chantier(chantierId), json.get("figures")));
            return json;
        }
        ChantierFigures found = figures.chantier(chantierId, Year.of(year)).orElse(null);
        if (found == null) {
            if (scope.isNational() || scope.isEvaluator()) {
                throw new NotFoundException("No figures for chantier " + chantierId);
            }
            throw scope.denied();
        }
        if (!scope.isEvaluator()) {
            scope.requireChantierAccess(found.territoryId(), chantierId);
        }
        return found;
    }

    @GET
    @Path("/national/territories")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR})
    @Operation(summary = "The territories by program and deployment status, as of a day (today if absent)")
    public TerritoriesByProgram territoriesByProgram(@QueryParam("asOf") LocalDate asOf) {
        return deployments.asOf(BusinessDates.orToday(asOf));
    }

    @GET
    @Path("/national/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR})
    @Operation(summary = "The nation's figures for a year, with each territory's (national team, evaluators)",
            description = "The nation's figures and each territory's under `territories`." + SECRECY)
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NationalFigures.class)))
    public Object national(@PathParam("year") @Min(2000) @Max(2100) int year) {
        if (scope.isEvaluator()) {
            EvaluatorFigures.YearOfFigures read = evaluators.year(Year.of(year));
            return nationalJson(mapper.valueToTree(read.live()), read.secret(), mapper);
        }
        return figures.national(Year.of(year));
    }

    /**
     * A nation's figures (live, or a published edition's stored JSON) as an evaluator reads them: the nation's and
     * each territory's secret figures null and listed (ADR 0037).
     */
    public static ObjectNode nationalJson(com.fasterxml.jackson.databind.JsonNode nation, SecretCells secret,
                                          ObjectMapper mapper) {
        ObjectNode json = secret.maskJson(LinkedFigures.NATION, nation);
        ArrayNode territories = mapper.createArrayNode();
        for (com.fasterxml.jackson.databind.JsonNode territory : nation.path("territories")) {
            territories.add(secret.maskJson(LinkedFigures.territory(territory.path("territoryId").asText()),
                    territory));
        }
        json.set("territories", territories);
        return json;
    }
}
