package org.convergence.transitions.application;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * Where to find transitions without scanning: one document per transition id (its pathway), and per employer, chantier
 * and territory (their pathways), each read by {@code _id}. Written before the start's command, with idempotent
 * {@code $addToSet}: an entry whose transition was never recorded (a refusal, a crash) is skipped by the reads, and a
 * recorded transition always has its entries. Rebuildable from the event store.
 */
@ApplicationScoped
public class TransitionIndex {

    static final String COLLECTION = "transition_index";

    private final MongoCollection<Document> index;

    public TransitionIndex(MongoDatabase database) {
        this.index = database.getCollection(COLLECTION);
    }

    public void add(String transitionId, String pathwayId, String employerId, String chantierId,
                    String territoryId) {
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        index.updateOne(Filters.eq("_id", "transition:" + transitionId), Updates.set("pathwayId", pathwayId),
                upsert);
        for (String owner : List.of("employer:" + employerId, "chantier:" + chantierId,
                "territory:" + territoryId)) {
            index.updateOne(Filters.eq("_id", owner), Updates.addToSet("pathways", pathwayId), upsert);
        }
    }

    public Optional<String> pathwayOf(String transitionId) {
        return Optional.ofNullable(index.find(Filters.eq("_id", "transition:" + transitionId)).first())
                .map(d -> d.getString("pathwayId"));
    }

    public List<String> pathwaysOfEmployer(String employerId) {
        return pathways("employer:" + employerId);
    }

    public List<String> pathwaysOfChantier(String chantierId) {
        return pathways("chantier:" + chantierId);
    }

    public List<String> pathwaysOfTerritory(String territoryId) {
        return pathways("territory:" + territoryId);
    }

    private List<String> pathways(String id) {
        Document document = index.find(Filters.eq("_id", id)).first();
        return document == null ? List.of() : document.getList("pathways", String.class);
    }
}
