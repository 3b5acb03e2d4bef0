package org.convergence.reporting.export;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.convergence.platform.time.BusinessDates;
import org.convergence.reporting.dashboard.Directory;
import org.convergence.reporting.dashboard.FigureTree;
import org.convergence.reporting.figures.ChantierFigures;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.PathwayRecord;
import org.convergence.reporting.figures.TerritoryFigures;
import org.convergence.reporting.published.PublishedReports;
import org.convergence.reporting.worklist.WorkLists;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.security.SecureRandom;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CSV exports for funders and evaluators (aggregates) and for coordination (work lists), under the same roles and
 * scopes as the JSON figures and work lists.
 */
@Path("/exports")
@Produces("text/csv;charset=UTF-8")
@SecurityRequirement(name = "jwt")
public class ExportsResource {

    private final FiguresService figures;
    private final Directory directory;
    private final FigureTree tree;
    private final FigureExports exports;
    private final CallerScope scope;
    private final ProgramCatalog programs;
    private final PublishedReports published;
    private final CohortExport cohort;
    private final EvaluatorFigures evaluators;

    public ExportsResource(FiguresService figures, Directory directory, FigureTree tree, FigureExports exports,
                           CallerScope scope, ProgramCatalog programs, PublishedReports published,
                           EvaluatorFigures evaluators,
                           @ConfigProperty(name = "reporting.cohort.minimum-people", defaultValue = "5")
                           int minimumPeople) {
        this.published = published;
        this.evaluators = evaluators;
        this.cohort = new CohortExport(minimumPeople, new SecureRandom());
        this.figures = figures;
        this.directory = directory;
        this.tree = tree;
        this.exports = exports;
        this.scope = scope;
        this.programs = programs;
    }

    @GET
    @Path("/national/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR})
    @Operation(summary = "The nation's and every territory's figures of a year as CSV (national team, evaluators)")
    public Response national(@PathParam("year") @Min(2000) @Max(2100) int year) {
        if (scope.isEvaluator()) {
            return evaluatorCsv(year, live(year, LinkedFigures.NATION), "convergence-france-" + year + ".csv");
        }
        NationalFigures nation = figures.national(Year.of(year));
        List<FigureExports.Place> territories = new ArrayList<>();
        Map<String, String> names = directory.territoryNames();
        for (TerritoryFigures territory : nation.territories()) {
            territories.add(territoryPlace(territory, names));
        }
        return csv(table(year, new FigureExports.Place("France", "", "France entière", tree.of(nation)), territories),
                "convergence-france-" + year + ".csv");
    }

    @GET
    @Path("/territories/{territoryId}/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "A territory's and each of its chantiers' figures of a year as CSV")
    public Response territory(@PathParam("territoryId") String territoryId,
                              @PathParam("year") @Min(2000) @Max(2100) int year) {
        scope.requireTerritoryFigures(territoryId);
        if (scope.isEvaluator()) {
            return evaluatorCsv(year, live(year, LinkedFigures.territory(territoryId)), territoryId + "-" + year
                    + ".csv");
        }
        TerritoryFigures territory = figures.territory(territoryId, Year.of(year))
                .orElseThrow(() -> new NotFoundException("No figures for territory " + territoryId));
        List<FigureExports.Place> chantiers = new ArrayList<>();
        for (Directory.Place chantier : directory.chantiersOf(territoryId)) {
            figures.chantier(chantier.id(), Year.of(year)).ifPresent(c ->
                    chantiers.add(new FigureExports.Place("Chantier", chantier.id(), chantier.name(),
                            tree.of(c.figures()))));
        }
        return csv(table(year, territoryPlace(territory, directory.territoryNames()), chantiers),
                territoryId + "-" + year + ".csv");
    }

    @GET
    @Path("/chantiers/{chantierId}/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "A chantier's figures of a year as CSV")
    public Response chantier(@PathParam("chantierId") String chantierId,
                             @PathParam("year") @Min(2000) @Max(2100) int year) {
        if (scope.isEvaluator()) {
            return evaluatorCsv(year, live(year, LinkedFigures.chantier(chantierId)), chantierId + "-" + year
                    + ".csv");
        }
        ChantierFigures found = figures.chantier(chantierId, Year.of(year)).orElse(null);
        if (found == null) {
            throw scope.isNational() || scope.isEvaluator()
                    ? new NotFoundException("No figures for chantier " + chantierId) : scope.denied();
        }
        if (!scope.isEvaluator()) {
            scope.requireChantierAccess(found.territoryId(), chantierId);
        }
        String name = directory.chantier(chantierId).map(Directory.Chantier::name).orElse(chantierId);
        return csv(exports.table(year, List.of(new FigureExports.Place("Chantier", chantierId, name,
                tree.of(found.figures())))), chantierId + "-" + year + ".csv");
    }

    @GET
    @Path("/published/national/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR})
    @Operation(summary = "The published report of a year as CSV: the nation and every territory, as published")
    public Response publishedNational(@PathParam("year") @Min(2000) @Max(2100) int year) {
        if (scope.isEvaluator()) {
            return evaluatorCsv(year, latest(year, LinkedFigures.NATION), "convergence-france-" + year
                    + "-publie.csv");
        }
        PublishedReports.Published report = published.national(Year.of(year))
                .orElseThrow(() -> new NotFoundException("No report published for " + year));
        List<FigureExports.Place> territories = new ArrayList<>();
        Map<String, String> names = directory.territoryNames();
        for (JsonNode territory : report.figures().path("territories")) {
            String id = territory.path("territoryId").asText();
            String name = names.getOrDefault(id, id);
            territories.add(new FigureExports.Place("Territoire", id, name, FigureTree.of(territory)));
        }
        return csv(table(year, new FigureExports.Place("France", "", "France entière",
                FigureTree.of(report.figures())), territories), "convergence-france-" + year + "-publie.csv");
    }

    @GET
    @Path("/published/territories/{territoryId}/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "A territory's published figures of a year and its chantiers' as CSV")
    public Response publishedTerritory(@PathParam("territoryId") String territoryId,
                                       @PathParam("year") @Min(2000) @Max(2100) int year) {
        scope.requireTerritoryFigures(territoryId);
        if (scope.isEvaluator()) {
            return evaluatorCsv(year, latest(year, LinkedFigures.territory(territoryId)), territoryId + "-" + year
                    + "-publie.csv");
        }
        PublishedReports.Published report = published.territory(Year.of(year), territoryId)
                .orElseThrow(() -> new NotFoundException("No published figures of " + territoryId + " for " + year));
        List<FigureExports.Place> chantiers = new ArrayList<>();
        for (String chantierId : report.chantierIds()) {
            published.chantier(Year.of(year), chantierId).ifPresent(c -> chantiers.add(new FigureExports.Place(
                    "Chantier", chantierId, directory.chantier(chantierId).map(Directory.Chantier::name)
                    .orElse(chantierId), FigureTree.of(c.figures().path("figures")))));
        }
        return csv(table(year, new FigureExports.Place("Territoire", territoryId, directory.territory(territoryId)
                .map(Directory.Place::name).orElse(territoryId), FigureTree.of(report.figures())), chantiers),
                territoryId + "-" + year + "-publie.csv");
    }

    @GET
    @Path("/cohort/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR})
    @Operation(summary = "The pseudonymous cohort of a year for evaluators: one row per pathway active in it, dates "
            + "to the month, ids re-keyed for this export only, cells shared by too few people suppressed")
    public Response cohort(@PathParam("year") @Min(2000) @Max(2100) int year) {
        List<PathwayRecord> pathways = new ArrayList<>();
        for (String territoryId : directory.territoryIds()) {
            figures.pathwaysOfTerritory(territoryId).ifPresent(pathways::addAll);
        }
        // Beside the year's figure tables: what they hide, counting the cohort's rows must not recover (ADR 0040).
        return csv(cohort.of(Year.of(year), pathways, evaluators.year(Year.of(year)).secret()),
                "cohorte-" + year + ".csv");
    }

    @GET
    @Path("/territories/{territoryId}/work-lists")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "A territory's data-quality and work lists as of today as CSV: pseudonymous ids (national "
            + "team, its coordinator)")
    public Response workLists(@PathParam("territoryId") String territoryId) {
        scope.requireTerritoryManager(territoryId);
        WorkLists.TerritoryWorkList lists = figures.pathwaysOfTerritory(territoryId)
                .map(p -> WorkLists.of(territoryId, p, BusinessDates.today(), programs))
                .orElseThrow(() -> new NotFoundException("No data for territory " + territoryId));
        CsvTable table = new CsvTable(List.of("Liste", "Parcours", "Participant", "Chantier", "Échéance",
                "Point de suivi (mois)"));
        add(table, "Approchant 5 ans", lists.nearingFiveYears());
        add(table, "Au-delà de la durée maximale", lists.pastFiveYears());
        add(table, "Point de suivi en retard", lists.overdueCheckIns());
        add(table, "Sortie sans catégorie", lists.exitsWithoutCategory());
        return csv(table, territoryId + "-listes-" + BusinessDates.today() + ".csv");
    }

    private static void add(CsvTable table, String list, List<WorkLists.Item> items) {
        items.forEach(i -> table.row(List.of(list, i.pathwayId(), i.participantId(), i.chantierId(),
                i.dueOn().toString(), i.milestoneMonths() == null ? "" : i.milestoneMonths().toString())));
    }

    private FigureExports.Place territoryPlace(TerritoryFigures territory, Map<String, String> names) {
        return new FigureExports.Place("Territoire", territory.territoryId(),
                names.getOrDefault(territory.territoryId(), territory.territoryId()), tree.of(territory));
    }

    /** The national team and coordinators read every figure as it is. */
    private CsvTable table(int year, FigureExports.Place whole, List<FigureExports.Place> parts) {
        return exports.table(year, whole, parts, 0);
    }

    /** A live table of the year as the evaluator's snapshot read it (ADR 0037); 404 if the year lacks the place. */
    private LinkedFigures live(int year, String place) {
        return EvaluatorFigures.YearOfFigures.find(evaluators.year(Year.of(year)).liveTables(), place)
                .orElseThrow(() -> new NotFoundException("No figures for " + place));
    }

    private LinkedFigures latest(int year, String place) {
        return evaluators.year(Year.of(year)).latest().flatMap(e -> EvaluatorFigures.YearOfFigures.find(e.figures(),
                place)).orElseThrow(() -> new NotFoundException("No published figures of " + place + " for " + year));
    }

    /**
     * Evaluators get aggregates only, under statistical secrecy (ADR 0022, 0033): the year's one decision over every
     * linked table, live and published (ADR 0037), so no two of their files together show a hidden cell.
     */
    private Response evaluatorCsv(int year, LinkedFigures table, String fileName) {
        List<FigureExports.Place> places = new ArrayList<>();
        places.add(placeOf(table));
        table.parts().forEach(p -> places.add(placeOf(p)));
        return csv(exports.table(year, places, evaluators.year(Year.of(year)).secret()), fileName);
    }

    private FigureExports.Place placeOf(LinkedFigures place) {
        String key = place.place();
        if (key.equals(LinkedFigures.NATION)) {
            return new FigureExports.Place(FigureExports.Place.NATION, "", "France entière", place.figures());
        }
        String id = key.substring(key.indexOf(':') + 1);
        if (key.startsWith("territory:")) {
            return new FigureExports.Place(FigureExports.Place.TERRITORY, id, directory.territory(id)
                    .map(Directory.Place::name).orElse(id), place.figures());
        }
        return new FigureExports.Place(FigureExports.Place.CHANTIER, id, directory.chantier(id)
                .map(Directory.Chantier::name).orElse(id), place.figures());
    }

    private static Response csv(CsvTable table, String fileName) {
        return Response.ok(table.bytes()).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
