package org.convergence.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.convergence.platform.time.BusinessDates;
import org.convergence.reporting.dataquality.MissingAssessments;
import org.convergence.reporting.figures.AccompanimentRecords;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.PathwayRecord;
import org.convergence.reporting.projection.ReportingModel;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/** A territory's data-quality lists: pseudonymous pathway ids, for its coordination and the national team only. */
@Path("/data-quality")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class DataQualityResource {

    private final FiguresService figures;
    private final AccompanimentRecords accompaniment;
    private final CallerScope scope;
    private final int dueAfterDays;
    private final Set<String> programs;

    public DataQualityResource(FiguresService figures, ReportingModel model, CallerScope scope,
                               @ConfigProperty(name = "reporting.assessment.due-after-days") int dueAfterDays,
                               @ConfigProperty(name = "reporting.assessment.programs") Set<String> programs) {
        this.figures = figures;
        this.accompaniment = new AccompanimentRecords(model);
        this.scope = scope;
        this.dueAfterDays = dueAfterDays;
        this.programs = Set.copyOf(programs);
    }

    @GET
    @Path("/territories/{territoryId}/missing-assessments")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "Pathways still without an entry assessment more than the configured number of days "
            + "(default 30) after their entry, with counts per chantier")
    public MissingAssessments.TerritoryList missingAssessments(@PathParam("territoryId") String territoryId,
                                                               @QueryParam("asOf") LocalDate asOf) {
        scope.requireTerritoryManager(territoryId);
        LocalDate day = BusinessDates.orToday(asOf);
        return figures.pathwaysOfTerritory(territoryId)
                .map(pathways -> MissingAssessments.of(territoryId, pathways, accompaniment.at(pathways.stream()
                        .map(PathwayRecord::chantierId).collect(Collectors.toSet())), day, dueAfterDays, programs))
                .orElseThrow(() -> new NotFoundException("No data for territory " + territoryId));
    }
}
