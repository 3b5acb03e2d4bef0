package org.convergence.reporting.figures;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.convergence.reporting.projection.ReadModel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers figure queries from the read model. A territory document lists its pathway ids, so a territory's
 * figures cost one {@code _id} lookup plus one {@code $in} on {@code _id}; the nation is the union of the
 * territories, with participants counted once.
 */
public final class FiguresService {

    private final ReadModel model;

    public FiguresService(ReadModel model) {
        this.model = model;
    }

    /** Figures of one territory and year; empty if reporting has not heard of the territory. */
    public Optional<TerritoryFigures> territory(String territoryId, Year year) {
        Document territory = model.territories().find(Filters.eq("_id", territoryId)).first();
        if (territory == null) {
            return Optional.empty();
        }
        List<PathwayRecord> pathways = pathways(territory);
        YearFigures figures = new YearFigures(convergenceStarts(pathways), year);
        return Optional.of(new TerritoryFigures(territoryId, year.getValue(),
                figures.accompaniedParticipants(pathways).size(), figures.exits(pathways), Instant.now()));
    }

    public NationalFigures national(Year year) {
        Set<String> accompanied = new HashSet<>();
        int exits = 0;
        List<TerritoryFigures> byTerritory = new ArrayList<>();
        for (Document territory : model.territories().find()) {
            List<PathwayRecord> pathways = pathways(territory);
            YearFigures figures = new YearFigures(convergenceStarts(pathways), year);
            Set<String> territoryAccompanied = figures.accompaniedParticipants(pathways);
            int territoryExits = figures.exits(pathways);
            accompanied.addAll(territoryAccompanied);
            exits += territoryExits;
            byTerritory.add(new TerritoryFigures(territory.getString("_id"), year.getValue(),
                    territoryAccompanied.size(), territoryExits, null));
        }
        byTerritory.sort((a, b) -> a.territoryId().compareTo(b.territoryId()));
        return new NationalFigures(year.getValue(), accompanied.size(), exits, byTerritory, Instant.now());
    }

    private List<PathwayRecord> pathways(Document territory) {
        List<String> ids = territory.getList("pathwayIds", String.class, List.of());
        List<PathwayRecord> pathways = new ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return pathways;
        }
        for (Document d : model.pathways().find(Filters.in("_id", ids))) {
            pathways.add(new PathwayRecord(d.getString("_id"), d.getString("participantId"), d.getString("program"),
                    d.getString("territoryId"), d.getString("chantierId"), date(d, "entryDate"),
                    date(d, "exitDate"), d.getString("exitCategory")));
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

    private static LocalDate date(Document d, String field) {
        String value = d.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
