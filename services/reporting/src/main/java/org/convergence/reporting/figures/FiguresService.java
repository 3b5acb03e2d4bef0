package org.convergence.reporting.figures;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.convergence.reporting.projection.ReadModel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers figure queries from the read model. A territory document lists its pathway ids and a participant
 * document lists theirs, so every read is an {@code _id} lookup or an {@code $in} on {@code _id}; the nation
 * is computed over the union of the territories' pathways, participants counted once.
 */
public final class FiguresService {

    private final ReadModel model;

    public FiguresService(ReadModel model) {
        this.model = model;
    }

    /** Every pathway of a territory; empty if reporting has not heard of the territory. */
    public Optional<List<PathwayRecord>> pathwaysOfTerritory(String territoryId) {
        Document territory = model.territories().find(Filters.eq("_id", territoryId)).first();
        return Optional.ofNullable(territory).map(t -> pathways(indexedPathwayIds(territoryId)));
    }

    private Set<String> indexedPathwayIds(String territoryId) {
        Set<String> ids = new HashSet<>();
        for (Document bucket : model.territoryPathways().find(Filters.in("_id", ReadModel.bucketsOf(territoryId)))) {
            ids.addAll(pathwayIds(bucket));
        }
        return ids;
    }

    /** Figures of one territory and year; empty if reporting has not heard of the territory. */
    public Optional<TerritoryFigures> territory(String territoryId, Year year) {
        return pathwaysOfTerritory(territoryId).map(pathways -> figuresOf(territoryId, pathways, year, Instant.now()));
    }

    /** Figures of one chantier and year (its pathways within its territory); empty if the chantier is unknown. */
    public Optional<ChantierFigures> chantier(String chantierId, Year year) {
        Document chantier = model.chantiers().find(Filters.eq("_id", chantierId)).first();
        if (chantier == null || chantier.getString("territoryId") == null) {
            return Optional.empty();
        }
        String territoryId = chantier.getString("territoryId");
        List<PathwayRecord> pathways = pathwaysOfTerritory(territoryId).orElse(List.of()).stream()
                .filter(p -> chantierId.equals(p.chantierId())).toList();
        return Optional.of(new ChantierFigures(chantierId, territoryId,
                figuresOf(territoryId, pathways, year, Instant.now())));
    }

    /**
     * The nation over the union of the territories' pathways. Chantier start dates and the accompanied
     * participants' other pathways are read once for the union and shared by every territory's figures.
     */
    public NationalFigures national(Year year) {
        Instant asOf = Instant.now();
        Map<String, List<PathwayRecord>> byTerritoryId = new LinkedHashMap<>();
        Map<String, PathwayRecord> union = new LinkedHashMap<>();
        for (Document territory : model.territories().find()) {
            List<PathwayRecord> pathways = pathways(indexedPathwayIds(territory.getString("_id")));
            pathways.forEach(p -> union.put(p.pathwayId(), p));
            byTerritoryId.put(territory.getString("_id"), pathways);
        }
        List<PathwayRecord> all = List.copyOf(union.values());
        YearFigures figures = new YearFigures(convergenceStarts(all), year);
        List<PathwayRecord> theirs = pathwaysOfParticipants(figures.accompaniedParticipants(all));
        List<TerritoryFigures> byTerritory = new ArrayList<>();
        byTerritoryId.forEach((territoryId, pathways) ->
                byTerritory.add(figuresOf(territoryId, pathways, figures, theirs, year, null)));
        byTerritory.sort((a, b) -> a.territoryId().compareTo(b.territoryId()));
        TerritoryFigures nation = figuresOf(null, all, figures, theirs, year, asOf);
        return new NationalFigures(year.getValue(), nation.accompanied(), nation.exits(), nation.fromPremieresHeures(),
                nation.averagePathwayMonths(), nation.dynamicExits(), nation.premieresHeures(), byTerritory, asOf);
    }

    private TerritoryFigures figuresOf(String territoryId, List<PathwayRecord> pathways, Year year, Instant asOf) {
        YearFigures figures = new YearFigures(convergenceStarts(pathways), year);
        return figuresOf(territoryId, pathways, figures,
                pathwaysOfParticipants(figures.accompaniedParticipants(pathways)), year, asOf);
    }

    /** @param everyPathwayOfTheirs all pathways of (at least) the participants accompanied in {@code pathways} */
    private static TerritoryFigures figuresOf(String territoryId, List<PathwayRecord> pathways, YearFigures figures,
                                              List<PathwayRecord> everyPathwayOfTheirs, Year year, Instant asOf) {
        return new TerritoryFigures(territoryId, year.getValue(), figures.accompaniedParticipants(pathways).size(),
                figures.exits(pathways).size(), figures.fromPremieresHeures(pathways, everyPathwayOfTheirs),
                figures.averagePathwayMonths(pathways), figures.dynamicExits(pathways),
                figures.premieresHeures(pathways), asOf);
    }

    /** Every pathway of these participants, in any territory: where they came from matters (fromPremieresHeures). */
    private List<PathwayRecord> pathwaysOfParticipants(Set<String> participantIds) {
        if (participantIds.isEmpty()) {
            return List.of();
        }
        Set<String> ids = new HashSet<>();
        for (Document participant : model.participants().find(Filters.in("_id", participantIds))) {
            ids.addAll(pathwayIds(participant));
        }
        return pathways(ids);
    }

    private List<PathwayRecord> pathways(Collection<String> ids) {
        List<PathwayRecord> pathways = new ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return pathways;
        }
        for (Document d : model.pathways().find(Filters.in("_id", ids))) {
            pathways.add(new PathwayRecord(d.getString("_id"), d.getString("participantId"), d.getString("program"),
                    d.getString("territoryId"), d.getString("chantierId"), date(d, "entryDate"),
                    date(d, "exitDate"), d.getString("exitCategory"), d.getString("promotedTo"),
                    Set.copyOf(d.getList("checkIns", Integer.class, List.of()))));
        }
        return pathways;
    }

    private Map<String, LocalDate> convergenceStarts(List<PathwayRecord> pathways) {
        Set<String> chantierIds = new HashSet<>();
        pathways.forEach(p -> chantierIds.add(p.chantierId()));
        Map<String, LocalDate> starts = new HashMap<>();
        if (chantierIds.isEmpty()) {
            return starts;
        }
        for (Document d : model.chantiers().find(Filters.in("_id", chantierIds))) {
            Document programs = d.get("programs", Document.class);
            if (programs != null && programs.getString(YearFigures.CONVERGENCE) != null) {
                starts.put(d.getString("_id"), LocalDate.parse(programs.getString(YearFigures.CONVERGENCE)));
            }
        }
        return starts;
    }

    private static List<String> pathwayIds(Document document) {
        return document.getList("pathwayIds", String.class, List.of());
    }

    private static LocalDate date(Document d, String field) {
        String value = d.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
