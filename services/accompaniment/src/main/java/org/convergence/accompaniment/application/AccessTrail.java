package org.convergence.accompaniment.application;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.convergence.platform.time.BusinessDates;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who read which participant's health-related facts (GDPR art. 9), and when: a pathway's accompaniment (barriers,
 * health-rights openings) or a list of referrals naming the participant and a barrier category. One document per
 * participant and year ({@code _id = <participantId>:<year>}), an entry pushed per read, written before the data
 * is returned: a read whose trail cannot be written fails. Read back by the national team only.
 */
@ApplicationScoped
public class AccessTrail {

    private static final String READS = "reads";

    private final MongoCollection<Document> trails;
    private final Clock clock;

    public AccessTrail(MongoDatabase database) {
        this.trails = database.getCollection("access_trail");
        this.clock = Clock.systemUTC();
    }

    /** One read: who (token subject), what ({@code accompaniment}, {@code partner-inbox}…), which pathway. */
    public record Read(Instant at, String subject, String what, String pathwayId) {
    }

    /** Records that {@code subject} read {@code what} of these participants (one write per participant). */
    public void record(String subject, String what, Collection<Subjected> read) {
        if (read.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String year = Integer.toString(Year.now(clock.withZone(BusinessDates.ZONE)).getValue());
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        for (Subjected s : new LinkedHashSet<>(read)) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", s.participantId() + ":" + year),
                    Updates.push(READS, new Document("at", now.toString()).append("subject", subject)
                            .append("what", what).append("pathwayId", s.pathwayId())),
                    new UpdateOptions().upsert(true)));
        }
        trails.bulkWrite(writes);
    }

    public void record(String subject, String what, String participantId, String pathwayId) {
        record(subject, what, List.of(new Subjected(participantId, pathwayId)));
    }

    /** A participant (and the pathway concerned) whose facts a read showed. */
    public record Subjected(String participantId, String pathwayId) {
    }

    /** The reads of a participant's facts in a year, the latest first. */
    public List<Read> of(String participantId, int year) {
        Document trail = trails.find(Filters.eq("_id", participantId + ":" + year)).first();
        List<Read> reads = new ArrayList<>();
        if (trail != null) {
            for (Document d : trail.getList(READS, Document.class, List.of())) {
                reads.add(new Read(Instant.parse(d.getString("at")), d.getString("subject"), d.getString("what"),
                        d.getString("pathwayId")));
            }
        }
        reads.sort(Comparator.comparing(Read::at).reversed());
        return reads;
    }
}
