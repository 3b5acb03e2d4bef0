package org.convergence.reporting.export;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import org.convergence.reporting.dashboard.Directory;
import org.convergence.reporting.dashboard.FigureTree;
import org.convergence.reporting.figures.ChantierFigures;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.TerritoryFigures;
import org.convergence.reporting.published.PublishedReports;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A year's figures as an evaluator may read them (ADR 0037): every figure set of the year (live, each published
 * edition) read once per request, with the one secrecy decision over all of them. Every evaluator-facing output
 * (JSON, CSV, dashboard) serves the values this snapshot read, so the decision always matches what is shown. The
 * snapshot is kept across requests while the read model's state is unchanged ({@link EvaluatorDecisions}, ADR 0040).
 */
@RequestScoped
public class EvaluatorFigures {

    private final FiguresService figures;
    private final PublishedReports published;
    private final Directory directory;
    private final FigureTree tree;
    private final int minimumPeople;
    private final EvaluatorDecisions decisions;
    private final Map<Year, YearOfFigures> read = new HashMap<>();

    public EvaluatorFigures(FiguresService figures, PublishedReports published, Directory directory, FigureTree tree,
                            @ConfigProperty(name = "reporting.cohort.minimum-people", defaultValue = "5")
                            int minimumPeople, EvaluatorDecisions decisions) {
        this.figures = figures;
        this.published = published;
        this.directory = directory;
        this.tree = tree;
        this.minimumPeople = minimumPeople;
        this.decisions = decisions;
    }

    /** The year as this request reads it: kept from an earlier request at the same read-model state (ADR 0040). */
    public YearOfFigures year(Year year) {
        return read.computeIfAbsent(year, y -> decisions.year(y, this::readYear));
    }

    private YearOfFigures readYear(Year year) {
        NationalFigures nation = figures.national(year);
        Map<String, ChantierFigures> chantiers = new LinkedHashMap<>();
        List<LinkedFigures> territories = new ArrayList<>();
        for (TerritoryFigures territory : nation.territories()) {
            List<LinkedFigures> itsChantiers = new ArrayList<>();
            for (Directory.Place chantier : directory.chantiersOf(territory.territoryId())) {
                figures.chantier(chantier.id(), year).ifPresent(c -> {
                    chantiers.put(c.chantierId(), c);
                    itsChantiers.add(new LinkedFigures(LinkedFigures.chantier(c.chantierId()), tree.of(c.figures()),
                            List.of()));
                });
            }
            territories.add(new LinkedFigures(LinkedFigures.territory(territory.territoryId()), tree.of(territory),
                    itsChantiers));
        }
        LinkedFigures live = new LinkedFigures(LinkedFigures.NATION, tree.of(nation), territories);
        List<Edition> editions = new ArrayList<>();
        for (PublishedReports.Manifest manifest : published.editions(year)) {
            published.national(manifest).ifPresent(n -> editions.add(edition(manifest, n)));
        }
        List<LinkedFigures> sets = new ArrayList<>();
        sets.add(live);
        editions.forEach(e -> sets.add(e.figures()));
        return new YearOfFigures(nation, chantiers, live, editions,
                new LinkedSuppression(minimumPeople).decide(sets));
    }

    private Edition edition(PublishedReports.Manifest manifest, PublishedReports.Published national) {
        Map<String, PublishedReports.Published> parts = new HashMap<>();
        List<LinkedFigures> territories = new ArrayList<>();
        for (JsonNode territory : national.figures().path("territories")) {
            String territoryId = territory.path("territoryId").asText();
            List<LinkedFigures> chantiers = new ArrayList<>();
            Optional<PublishedReports.Published> part = published.territory(manifest, territoryId);
            part.ifPresent(p -> {
                parts.put(LinkedFigures.territory(territoryId), p);
                for (String chantierId : p.chantierIds()) {
                    published.chantier(manifest, chantierId).ifPresent(c -> {
                        parts.put(LinkedFigures.chantier(chantierId), c);
                        chantiers.add(new LinkedFigures(LinkedFigures.chantier(chantierId),
                                FigureTree.of(c.figures().path("figures")), List.of()));
                    });
                }
            });
            territories.add(new LinkedFigures(LinkedFigures.territory(territoryId), FigureTree.of(territory),
                    chantiers));
        }
        parts.put(LinkedFigures.NATION, national);
        return new Edition(manifest.edition(), new LinkedFigures(LinkedFigures.NATION,
                FigureTree.of(national.figures()), territories), parts);
    }

    /** One published edition: its figures as linked tables and its stored parts by place. */
    public record Edition(int number, LinkedFigures figures, Map<String, PublishedReports.Published> parts) {
    }

    /** What the request read of a year, and the decision over it. */
    public record YearOfFigures(NationalFigures live, Map<String, ChantierFigures> chantiers, LinkedFigures liveTables,
                                List<Edition> editions, SecretCells secret) {

        public Optional<TerritoryFigures> territory(String territoryId) {
            return live.territories().stream().filter(t -> t.territoryId().equals(territoryId)).findFirst();
        }

        public Optional<ChantierFigures> chantier(String chantierId) {
            return Optional.ofNullable(chantiers.get(chantierId));
        }

        public Optional<Edition> edition(int number) {
            return editions.stream().filter(e -> e.number() == number).findFirst();
        }

        /** The latest edition, as the published reports' reads serve it. */
        public Optional<Edition> latest() {
            return editions.isEmpty() ? Optional.empty() : Optional.of(editions.get(editions.size() - 1));
        }

        /** A place's live figures with its secret ones masked (empty if the year has no such place). */
        public Map<String, org.convergence.reporting.dashboard.FigureValue> liveFigures(String place) {
            return find(liveTables, place).map(p -> secret.mask(place, p.figures())).orElse(Map.of());
        }

        /** A place's figures in the latest edition, masked. */
        public Optional<Map<String, org.convergence.reporting.dashboard.FigureValue>> publishedFigures(String place) {
            return latest().flatMap(e -> find(e.figures(), place)).map(p -> secret.mask(place, p.figures()));
        }

        public static Optional<LinkedFigures> find(LinkedFigures root, String place) {
            List<LinkedFigures> found = new ArrayList<>();
            root.forEach(p -> {
                if (p.place().equals(place)) {
                    found.add(p);
                }
            });
            return found.stream().findFirst();
        }
    }
}
