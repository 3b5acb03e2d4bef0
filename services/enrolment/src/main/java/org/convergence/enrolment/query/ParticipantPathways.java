package org.convergence.enrolment.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.List;

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

    public List<String> of(String participantId) {
        Document document = links.find(Filters.eq("_id", participantId)).first();
        return document == null ? List.of() : document.getList("pathwayIds", String.class, List.of());
    }
}
