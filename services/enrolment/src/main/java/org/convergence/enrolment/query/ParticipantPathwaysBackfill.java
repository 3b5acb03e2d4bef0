package org.convergence.enrolment.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.convergence.enrolment.domain.PathwayMessages.ParticipantEnrolledEvent;
import org.convergence.platform.eventstore.MongoEventStore;
import org.jboss.logging.Logger;

import java.util.Date;

/**
 * Links the pathways enrolled before participant links existed, once per database: one scan of the event store,
 * in the background after the first start of this version, then a marker document. Safe to run on several replicas at once and
 * alongside new enrolments, which link themselves: every link is an add to a set.
 */
@ApplicationScoped
public class ParticipantPathwaysBackfill {

    static final String MIGRATION = "participant-pathways-v1";
    private static final Logger LOG = Logger.getLogger(ParticipantPathwaysBackfill.class);

    private final MongoEventStore store;
    private final ParticipantPathways links;
    private final MongoCollection<Document> migrations;

    public ParticipantPathwaysBackfill(MongoEventStore store, ParticipantPathways links, MongoDatabase database) {
        this.store = store;
        this.links = links;
        this.migrations = database.getCollection("migrations");
    }

    /**
     * Off the start-up path: a large store takes a while to scan, and the service must become ready meanwhile
     * (only timelines of not yet linked participants are incomplete until it ends).
     */
    void onStart(@Observes StartupEvent event) {
        if (migrations.find(Filters.eq("_id", MIGRATION)).first() == null) {
            Thread worker = new Thread(this::runLogged, "participant-pathways-backfill");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void runLogged() {
        try {
            run();
        } catch (RuntimeException e) {
            // No marker written: the next start tries again.
            LOG.errorf(e, "Participant links backfill failed; it will run again at the next start");
        }
    }

    /** Links every enrolled pathway to its participant, then records that this was done. */
    public void run() {
        int[] linked = {0};
        int unreadable = store.scanAll(message -> {
            if (message.getPayload() instanceof ParticipantEnrolledEvent e) {
                links.link(e.participantId(), e.pathwayId());
                linked[0]++;
            }
        });
        try {
            migrations.insertOne(new Document("_id", MIGRATION).append("at", new Date()).append("linked", linked[0]));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        LOG.infof("Participant links backfilled: %d pathways, %d unreadable commits passed over", linked[0],
                unreadable);
    }
}
