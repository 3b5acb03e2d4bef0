package org.convergence.enrolment.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which pathways a participant has, in any program or territory: one document per participant, read with one
 * {@code _id} lookup. The link is written before the enrolment command, so a stored pathway is always listed;
 * a link whose enrolment was refused points at no stream and is skipped by readers.
 */
@ApplicationScoped
public class ParticipantPathways {

    private final MongoCollection<Document> links;

    public ParticipantPathways(MongoDatabase database) {
        this.links = database.getCollection("participant_pathways");
    }

    public void link(String participantId, String pathwayId) {
        links.updateOne(Filters.eq("_id", participantId), Updates.addToSet("pathwayIds", pathwayId),
                new UpdateOptions().upsert(true));
    }

    /** Links many pathways at once, one write per participant in one bulk request. */
    public void linkAll(Map<String, ? extends Collection<String>> pathwaysByParticipant) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        pathwaysByParticipant.forEach((participantId, pathwayIds) -> writes.add(new UpdateOneModel<>(
                Filters.eq("_id", participantId), Updates.addEachToSet("pathwayIds", List.copyOf(pathwayIds)),
                new UpdateOptions().upsert(true))));
        if (!writes.isEmpty()) {
            links.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    public List<String> of(String participantId) {
        Document document = links.find(Filters.eq("_id", participantId)).first();
        return document == null ? List.of() : document.getList("pathwayIds", String.class, List.of());
    }
}
