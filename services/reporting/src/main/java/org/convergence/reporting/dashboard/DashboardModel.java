package org.convergence.reporting.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.time.BusinessDates;
import org.convergence.reporting.conventions.ConventionProgress;
import org.convergence.reporting.conventions.Conventions;
import org.convergence.reporting.dataquality.WeeksWithoutHoursList;
import org.convergence.reporting.export.EvaluatorFigures;
import org.convergence.reporting.export.SecretCells;
import org.convergence.reporting.export.LinkedFigures;
import org.convergence.reporting.figures.ChantierFigures;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.PathwayRecord;
import org.convergence.reporting.figures.TerritoryFigures;
import org.convergence.reporting.published.PublishedReports;
import org.convergence.reporting.territories.Deployments;
import org.convergence.reporting.territories.TerritoriesByProgram;
import org.convergence.reporting.territories.TerritoryDeployment;
import org.convergence.reporting.worklist.WorkLists;

import java.time.Instant;
import java.time.Year;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What each page shows, assembled from the figures service, the published reports and the work lists. Figures
 * reach the pages through {@link FigureTree}: every figure of the records is shown with its French label.
 */
public final class DashboardModel {

    /** The figures by year cover this many years up to the year asked. */
    static final int YEARS_SHOWN = 5;
    /** The few figures of a territory shown in the nation's table of territories (all are on its own page). */
    static final List<String> KEY_FIGURES = List.of("accompanied", "exits", "dynamicExits", "averagePathwayMonths");
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm",
            Locale.FRANCE);

    private final FiguresService figures;
    private final Deployments deployments;
    private final PublishedReports published;
    private final Directory directory;
    private final ProgramCatalog programs;
    private final FigureTree tree;
    private final FigureLabels labels;
    private final Conventions conventions;
    private final WeeksWithoutHoursList weeksWithoutHours;
    private final EvaluatorFigures evaluators;

    public DashboardModel(FiguresService figures, Deployments deployments, PublishedReports published,
                          Directory directory, ProgramCatalog programs, FigureTree tree, FigureLabels labels,
                          Conventions conventions, WeeksWithoutHoursList weeksWithoutHours,
                          EvaluatorFigures evaluators) {
        this.evaluators = evaluators;
        this.weeksWithoutHours = weeksWithoutHours;
        this.figures = figures;
        this.deployments = deployments;
        this.published = published;
        this.directory = directory;
        this.programs = programs;
        this.tree = tree;
        this.labels = labels;
        this.conventions = conventions;
    }

    public Map<String, Object> national(Viewer viewer, Year year) {
        NationalFigures live = viewer.evaluator() ? evaluators.year(year).live() : figures.national(year);
        Optional<PublishedReports.Published> report = published.national(year);
        List<FigureGrid.Column> columns = new ArrayList<>();
        columns.add(new FigureGrid.Column("En direct (" + asOf(live.asOf()) + ")",
                shown(viewer, year, LinkedFigures.NATION, () -> live)));
        report.ifPresent(r -> columns.add(new FigureGrid.Column("Publié (" + asOf(r.manifest().asOf()) + ")",
                shownPublished(viewer, year, LinkedFigures.NATION, r.figures()))));

        List<DashboardViews.PlaceRow> rows = new ArrayList<>();
        Map<String, Long> accompaniedByTerritory = new LinkedHashMap<>();
        Map<String, String> names = directory.territoryNames();
        for (TerritoryFigures territory : live.territories()) {
            String name = names.getOrDefault(territory.territoryId(), territory.territoryId());
            Map<String, FigureValue> values = shown(viewer, year, LinkedFigures.territory(territory.territoryId()),
                    () -> territory);
            rows.add(new DashboardViews.PlaceRow(territory.territoryId(), name,
                    "/dashboard/territories/" + territory.territoryId() + "?year=" + year, cells(values)));
            if (values.get("accompanied") instanceof FigureValue.Count accompanied) {
                accompaniedByTerritory.put(name, accompanied.value());
            }
        }
        TerritoriesByProgram deployment = deployments.asOf(BusinessDates.today());
        Map<String, Object> data = page(year);
        data.put("grid", FigureGrid.of(columns, labels));
        data.put("territories", new DashboardViews.PlaceTable(KEY_FIGURES.stream().map(labels::of).toList(), rows));
        data.put("chart", BarChart.of("Personnes accompagnées par territoire en " + year, accompaniedByTerritory));
        data.put("programCounts", deployment.countsByProgram().entrySet().stream()
                .map(e -> new DashboardViews.ProgramCount(DashboardViews.programLabel(e.getKey()),
                        e.getValue().getOrDefault(Deployments.ENGAGED, 0),
                        e.getValue().getOrDefault(Deployments.OPERATIONAL, 0))).toList());
        data.put("deployments", deployment.territories().stream().map(DashboardModel::deploymentOf).toList());
        data.put("publication", report.map(r -> publicationOf(r.manifest())).orElse(null));
        data.put("exportLink", "/exports/national/" + year);
        data.put("publishedExportLink", "/exports/published/national/" + year);
        data.put("conventions", conventionLines(viewer, year, live));
        return data;
    }

    private List<DashboardViews.ConventionLine> conventionLines(Viewer viewer, Year year, NationalFigures live) {
        List<DashboardViews.ConventionLine> lines = new ArrayList<>();
        List<ConventionProgress.Progress> progress = conventions.progress(year, live);
        if (viewer.evaluator()) {
            // live is the evaluator's snapshot; its decision masks a count of too few people (ADR 0040).
            progress = ConventionProgress.underSecrecy(progress,
                    evaluators.year(year).secret().keysOf(LinkedFigures.NATION));
        }
        for (ConventionProgress.Progress p : progress) {
            String name = p.convention().funder() + " · " + DashboardViews.programLabel(p.convention().program())
                    + " · fin " + p.convention().byYear();
            p.targets().forEach(t -> lines.add(new DashboardViews.ConventionLine(name,
                    DashboardViews.targetLabel(t.what()), t.target(),
                    t.actual() == null ? SecretCells.SECRET : Long.toString(t.actual()),
                    t.reached() == null ? SecretCells.SECRET : t.reached() ? "oui" : "non")));
        }
        return lines;
    }

    public Optional<Map<String, Object>> territory(Viewer viewer, String territoryId, Year year) {
        Optional<List<PathwayRecord>> pathways = figures.pathwaysOfTerritory(territoryId);
        if (pathways.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> data = page(year);
        Directory.Place place = directory.territory(territoryId).orElse(new Directory.Place(territoryId, territoryId));
        data.put("territory", place);
        Optional<PublishedReports.Published> report = published.territory(year, territoryId);
        String secrecyKey = LinkedFigures.territory(territoryId);
        byYear(data, year, y -> shown(viewer, y, secrecyKey, () -> figures.territory(territoryId, y).orElse(null)),
                report.map(r -> shownPublished(viewer, year, secrecyKey, r.figures())));
        List<Directory.Place> chantiers = directory.chantiersOf(territoryId);
        List<DashboardViews.PlaceRow> rows = new ArrayList<>();
        for (Directory.Place chantier : chantiers) {
            Map<String, FigureValue> values = shown(viewer, year, LinkedFigures.chantier(chantier.id()),
                    () -> figures.chantier(chantier.id(), year).map(ChantierFigures::figures).orElse(null));
            rows.add(new DashboardViews.PlaceRow(chantier.id(), chantier.name(),
                    "/dashboard/chantiers/" + chantier.id() + "?year=" + year, cells(values)));
        }
        data.put("chantiers", new DashboardViews.PlaceTable(KEY_FIGURES.stream().map(labels::of).toList(), rows));
        data.put("workCounts", viewer.managesTerritory(territoryId)
                ? workCounts(territoryId, pathways.get(), chantiers) : null);
        data.put("publication", report.map(r -> publicationOf(r.manifest())).orElse(null));
        data.put("exportLink", "/exports/territories/" + territoryId + "/" + year);
        data.put("publishedExportLink", "/exports/published/territories/" + territoryId + "/" + year);
        return Optional.of(data);
    }

    public Optional<Directory.Chantier> chantier(String chantierId) {
        return directory.chantier(chantierId);
    }

    public Map<String, Object> chantierPage(Viewer viewer, Directory.Chantier chantier, Year year) {
        Map<String, Object> data = page(year);
        data.put("workCounts", viewer.managesTerritory(chantier.territoryId())
                ? figures.pathwaysOfTerritory(chantier.territoryId()).map(p -> workCounts(chantier.territoryId(),
                p.stream().filter(r -> chantier.id().equals(r.chantierId())).toList(), List.of())).orElse(null)
                : null);
        data.put("chantier", chantier);
        data.put("territory", directory.territory(chantier.territoryId())
                .orElse(new Directory.Place(chantier.territoryId(), chantier.territoryId())));
        Optional<PublishedReports.Published> report = published.chantier(year, chantier.id());
        String place = LinkedFigures.chantier(chantier.id());
        byYear(data, year, y -> shown(viewer, y, place, () -> figures.chantier(chantier.id(), y)
                        .map(ChantierFigures::figures).orElse(null)),
                report.map(r -> shownPublished(viewer, year, place, r.figures().path("figures"))));
        data.put("publication", report.map(r -> publicationOf(r.manifest())).orElse(null));
        data.put("exportLink", "/exports/chantiers/" + chantier.id() + "/" + year);
        return data;
    }

    public PublishedReports.Manifest publish(Year year, String subject) {
        return published.publish(year, subject);
    }

    /**
     * A place's live figures as this viewer may read them: exact for the national team and coordinators; for an
     * evaluator, the year's snapshot with its secret figures masked (ADR 0037), whatever {@code exact} says.
     */
    private Map<String, FigureValue> shown(Viewer viewer, Year year, String place, Supplier<Object> exact) {
        if (viewer.evaluator()) {
            return evaluators.year(year).liveFigures(place);
        }
        Object figures = exact.get();
        return figures == null ? Map.of() : tree.of(figures);
    }

    /** A place's figures in the year's latest published edition, as this viewer may read them. */
    private Map<String, FigureValue> shownPublished(Viewer viewer, Year year, String place, JsonNode exact) {
        if (viewer.evaluator()) {
            return evaluators.year(year).publishedFigures(place).orElse(Map.of());
        }
        return FigureTree.of(exact);
    }

    /** Figures of the years up to {@code year}, the published ones of {@code year} beside, and a chart. */
    private void byYear(Map<String, Object> data, Year year, Function<Year, Map<String, FigureValue>> figuresOf,
                        Optional<Map<String, FigureValue>> publishedFigures) {
        List<FigureGrid.Column> columns = new ArrayList<>();
        Map<String, Long> accompanied = new LinkedHashMap<>();
        for (int i = YEARS_SHOWN - 1; i >= 0; i--) {
            Year y = year.minusYears(i);
            Map<String, FigureValue> values = figuresOf.apply(y);
            columns.add(new FigureGrid.Column(y + (i == 0 ? " (en direct)" : ""), values));
            if (!(values.get("accompanied") instanceof FigureValue.Secret)) {
                accompanied.put(y.toString(), values.get("accompanied") instanceof FigureValue.Count c
                        ? c.value() : 0L);
            }
        }
        publishedFigures.ifPresent(p -> columns.add(new FigureGrid.Column(year + " (publié)", p)));
        data.put("grid", FigureGrid.of(columns, labels));
        data.put("chart", BarChart.of("Personnes accompagnées par année", accompanied));
        data.put("hoursChart", HoursOnTheDashboard.contractsChart(columns.get(YEARS_SHOWN - 1).figures(), year, labels));
    }

    private List<DashboardViews.WorkCount> workCounts(String territoryId, List<PathwayRecord> pathways,
                                                      List<Directory.Place> chantiers) {
        WorkLists.TerritoryWorkList lists = WorkLists.of(territoryId, pathways, BusinessDates.today(), programs);
        List<DashboardViews.WorkCount> counts = new ArrayList<>();
        counts.add(count("Parcours Convergence approchant 5 ans", lists.nearingFiveYears(), chantiers));
        counts.add(count("Parcours au-delà de la durée maximale", lists.pastFiveYears(), chantiers));
        counts.add(count("Points de suivi post-sortie en retard", lists.overdueCheckIns(), chantiers));
        counts.add(count("Sorties sans catégorie", lists.exitsWithoutCategory(), chantiers));
        counts.add(HoursOnTheDashboard.weeksWithoutHours(weeksWithoutHours.of(territoryId, pathways,
                BusinessDates.today()), chantiers, labels));
        return counts;
    }

    private static DashboardViews.WorkCount count(String label, List<WorkLists.Item> items,
                                                  List<Directory.Place> chantiers) {
        Map<String, Integer> byChantier = new HashMap<>();
        items.forEach(item -> byChantier.merge(item.chantierId(), 1, Integer::sum));
        return new DashboardViews.WorkCount(label, items.size(),
                chantiers.stream().map(c -> byChantier.getOrDefault(c.id(), 0)).toList());
    }

    private static List<FigureGrid.Cell> cells(Map<String, FigureValue> values) {
        return KEY_FIGURES.stream().map(values::get)
                .map(v -> v == null ? FigureGrid.Cell.MISSING : new FigureGrid.Cell(v.display(), v.detail())).toList();
    }

    private static DashboardViews.Deployment deploymentOf(TerritoryDeployment t) {
        List<String> programs = t.programs().entrySet().stream()
                .map(e -> DashboardViews.programLabel(e.getKey()) + " : " + DashboardViews.statusLabel(e.getValue()
                        .status())).toList();
        return new DashboardViews.Deployment(t.territoryId(), t.name(), "/dashboard/territories/" + t.territoryId(),
                t.coordinationStructure(), programs);
    }

    private static DashboardViews.Publication publicationOf(PublishedReports.Manifest m) {
        return new DashboardViews.Publication(m.year(), asOf(m.asOf()), m.publishedBy(), m.edition(), m.reason());
    }

    private static Map<String, Object> page(Year year) {
        Map<String, Object> data = new HashMap<>();
        data.put("year", year.getValue());
        data.put("previousYear", year.getValue() - 1);
        data.put("nextYear", year.getValue() + 1);
        data.put("showNextYear", year.getValue() < BusinessDates.today().getYear());
        data.put("yearIsOver", year.getValue() < BusinessDates.today().getYear());
        return data;
    }

    static String asOf(Instant instant) {
        return AS_OF.format(ZonedDateTime.ofInstant(instant, BusinessDates.ZONE));
    }
}
