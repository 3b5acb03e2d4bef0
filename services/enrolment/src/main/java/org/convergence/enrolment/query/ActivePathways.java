package org.convergence.enrolment.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.convergence.platform.domain.RuleViolationException;

/**
 * One active pathway per participant and program: a slot document keyed {@code participantId:program} names the
 * pathway holding it. The unique {@code _id} settles concurrent enrolments; the event store settles whether the
 * holder is still active, so a slot left behind by an ended pathway, or by an enrolment that never completed,
 * is simply taken over. No release step is needed for correctness.
 */
@ApplicationScoped
public class ActivePathways {

    private final MongoCollection<Document> slots;
    private final EnrolmentReads reads;

    public ActivePathways(MongoDatabase database, EnrolmentReads reads) {
        this.slots = database.getCollection("active_pathway_slots");
        this.reads = reads;
    }

    /** Takes the participant's slot for this program for {@code pathwayId}, or refuses if another pathway is active. */
    public void claim(String participantId, String program, String pathwayId) {
        String slot = participantId + ":" + program;
        try {
            slots.insertOne(new Document("_id", slot).append("pathwayId", pathwayId));
            return;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document current = slots.find(Filters.eq("_id", slot)).first();
        String holder = current == null ? null : current.getString("pathwayId");
        if (pathwayId.equals(holder)) {
            return; // the same enrolment, retried
        }
        boolean holderActive = holder != null && reads.pathway(holder).filter(p -> p.exitDate() == null).isPresent();
        if (holderActive) {
            throw new RuleViolationException("SECOND_ACTIVE_PATHWAY", "This participant already has an active "
                    + program + " pathway (" + holder + "); end it before starting another");
        }
        // Conditional on the holder we checked, so two re-entries at once cannot both take the slot. On the
        // embedded server this filter scans the slots; it runs only when a participant starts again.
        Bson unchanged = holder == null ? Filters.eq("_id", slot)
                : Filters.and(Filters.eq("_id", slot), Filters.eq("pathwayId", holder));
        if (slots.replaceOne(unchanged, new Document("_id", slot).append("pathwayId", pathwayId),
                new ReplaceOptions().upsert(holder == null)).getModifiedCount() == 0 && holder != null) {
            throw new RuleViolationException("SECOND_ACTIVE_PATHWAY", "Another " + program
                    + " pathway of this participant was started at the same time");
        }
    }
}
