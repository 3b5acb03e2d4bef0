package org.convergence.reporting.dashboard;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.convergence.reporting.projection.ReportingModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Names of territories and chantiers, and a territory's chantiers, read by {@code _id} from the read model. */
public final class Directory {

    private final ReportingModel model;

    public Directory(ReportingModel model) {
        this.model = model;
    }

    public record Place(String id, String name) {
    }

    /** Every territory reporting knows (one small document each: a full read is cheap even on the embedded server). */
    public List<String> territoryIds() {
        return List.copyOf(territoryNames().keySet());
    }

    /** Every territory's name by id, in one read. */
    public Map<String, String> territoryNames() {
        Map<String, String> names = new java.util.TreeMap<>();
        model.territories().find().projection(new Document("_id", 1).append("name", 1))
                .forEach(d -> names.put(d.getString("_id"), nameOr(d, d.getString("_id"))));
        return names;
    }

    public Optional<Place> territory(String territoryId) {
        Document d = model.territories().find(Filters.eq("_id", territoryId)).first();
        return Optional.ofNullable(d).map(t -> new Place(territoryId, nameOr(t, territoryId)));
    }

    /** The territory's chantiers, by name. */
    public List<Place> chantiersOf(String territoryId) {
        Document territory = model.territories().find(Filters.eq("_id", territoryId)).first();
        List<String> ids = territory == null ? List.of() : territory.getList("chantierIds", String.class, List.of());
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            model.chantiers().find(Filters.in("_id", ids)).forEach(c -> names.put(c.getString("_id"),
                    nameOr(c, c.getString("_id"))));
        }
        List<Place> places = new ArrayList<>();
        ids.forEach(id -> places.add(new Place(id, names.getOrDefault(id, id))));
        places.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return places;
    }

    /** A chantier's name and its territory's id. */
    public Optional<Chantier> chantier(String chantierId) {
        Document d = model.chantiers().find(Filters.eq("_id", chantierId)).first();
        return Optional.ofNullable(d).filter(c -> c.getString("territoryId") != null)
                .map(c -> new Chantier(chantierId, nameOr(c, chantierId), c.getString("territoryId")));
    }

    public record Chantier(String id, String name, String territoryId) {
    }

    private static String nameOr(Document d, String fallback) {
        String name = d.getString("name");
        return name == null ? fallback : name;
    }
}
