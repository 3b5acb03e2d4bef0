package org.convergence.enrolment.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
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

    /**
     * Links many pathways at once: one insert of the participants seen for the first time (most of a first import,
     * and the embedded server's fastest write), then one bulk of additions for those already listed.
     */
    public void linkAll(Map<String, ? extends Collection<String>> pathwaysByParticipant) {
        if (pathwaysByParticipant.isEmpty()) {
            return;
        }
        List<Map.Entry<String, List<String>>> entries = new ArrayList<>();
        pathwaysByParticipant.forEach((participantId, pathwayIds) ->
                entries.add(Map.entry(participantId, List.copyOf(pathwayIds))));
        List<Document> firstLinks = entries.stream()
                .map(e -> new Document("_id", e.getKey()).append("pathwayIds", e.getValue())).toList();
        List<UpdateOneModel<Document>> additions = new ArrayList<>();
        try {
            links.insertMany(firstLinks, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Map.Entry<String, List<String>> listed = entries.get(error.getIndex());
                additions.add(new UpdateOneModel<>(Filters.eq("_id", listed.getKey()),
                        Updates.addEachToSet("pathwayIds", listed.getValue()), new UpdateOptions().upsert(true)));
            }
        }
        if (!additions.isEmpty()) {
            links.bulkWrite(additions, new BulkWriteOptions().ordered(false));
        }
    }

    public List<String> of(String participantId) {
        Document document = links.find(Filters.eq("_id", participantId)).first();
        return document == null ? List.of() : document.getList("pathwayIds", String.class, List.of());
    }
}
