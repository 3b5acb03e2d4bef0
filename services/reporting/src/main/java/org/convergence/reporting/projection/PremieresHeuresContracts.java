package org.convergence.reporting.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.convergence.platform.messaging.ContendedWriteException;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.projection.ProjectionBatch;
import org.convergence.reporting.figures.HoursRecord;
import org.convergence.reporting.figures.PathwayRecord;
import org.convergence.reporting.figures.PremieresHeuresContractShare;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Keeps the Premières Heures contract distribution counted (ADR 0041). A participant's share of it joins their
 * Premières Heures pathways' dates (enrolment topic, participant key) with those pathways' contract decisions (hours
 * topic, pathway key): two consumers may write it at once, so neither can compute an increment from state only its
 * own key writes, as {@link ProjectionBatch#increment} asks. Both sides therefore meet in one document per
 * participant ({@link ReportingModel#premieresHeuresContracts}): {@code pathways.<pathwayId>} (territory, entry,
 * exit; written by enrolment facts), {@code decisions.<pathwayId>} (from, weekly hours, in the order recorded;
 * written by hours facts), a {@code version}, and {@code moves}, each fact's increments.
 *
 * <p>A fact changes the document by compare-and-set on its version, written at once (not with the batch), and
 * records in the same update the increments it computed from the document as it was: the document's changes are
 * one sequence whatever the topics' interleaving, so their increments telescope to the share of the document as it
 * ends. The increments then go through the batch's counters under the fact's own watermark. A fact found in
 * {@code moves} (its batch crashed after the compare-and-set, or another consumer applied it first) sends the
 * increments recorded there again, not recomputed ones: the counters' watermark stores them once (ADR 0031). The
 * handlers call this inside their roster entry's apply-once, so a fact whose marker is stored does nothing here.
 */
final class PremieresHeuresContracts {

    private static final String PATHWAYS = "pathways";
    private static final String DECISIONS = "decisions";
    private static final String MOVES = "moves";
    private static final String VERSION = "version";
    /**
     * Compare-and-set attempts of one fact before it gives up (ADR 0044). Two consumers meet on a participant only
     * during a rebalance, and each loss means the other stored a change: losing this many times in a row means the
     * document is busy, and the batch is better retried after the consumer's back-off than spun on here.
     */
    static final int ATTEMPTS = 8;

    /** How many participants' documents {@link #written} keeps, the least recently used dropped first. */
    private static final int REMEMBERED = 10_000;

    private final ReportingModel model;
    /**
     * The document as this instance last wrote it, by participant (ADR 0044): a participant's next fact (their exit
     * after their enrolment, say) starts from it instead of reading it again. Only a starting point for a
     * compare-and-set: if another writer changed the document since, the write matches nothing and the fact reads
     * it again; a fact that would change nothing is judged on a fresh read. One consumer thread uses an instance.
     */
    private final Map<String, Document> written = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
            return size() > REMEMBERED;
        }
    };
    /** Runs between the read of a document and its compare-and-set: a test's other consumer writes there. */
    private final Runnable betweenReadAndWrite;

    PremieresHeuresContracts(ReportingModel model) {
        this(model, () -> {
        });
    }

    PremieresHeuresContracts(ReportingModel model, Runnable betweenReadAndWrite) {
        this.model = model;
        this.betweenReadAndWrite = betweenReadAndWrite;
    }

    /** An enrolment fact left this pathway's roster entry as it is: file its dates if it is in Premières Heures. */
    void pathwayChanged(ProjectionBatch batch, String eventId, String participantId, String pathwayId,
                        String territoryId, ProjectionBatch.Unit entry) {
        // A pathway's program is set by its enrolment fact and never changes (a promotion opens another pathway).
        if (!ProgramCatalog.PREMIERES_HEURES.equals(entry.getString("program"))) {
            return;
        }
        Document dates = new Document("territory", territoryId).append("entry", entry.getString("entryDate"))
                .append("exit", entry.getString("exitDate"));
        change(batch, eventId, participantId, state -> {
            Document pathways = new Document(state.get(PATHWAYS, new Document()));
            pathways.put(pathwayId, dates);
            return new Document(state).append(PATHWAYS, pathways);
        });
    }

    /** A contract decision of a Premières Heures pathway: appended to the pathway's decisions. */
    void decided(ProjectionBatch batch, String eventId, String participantId, String pathwayId, String program,
                 LocalDate from, int weeklyHours) {
        if (!ProgramCatalog.PREMIERES_HEURES.equals(program)) {
            return;
        }
        change(batch, eventId, participantId, state -> {
            Document decisions = new Document(state.get(DECISIONS, new Document()));
            List<Document> ofPathway = new ArrayList<>(decisions.getList(pathwayId, Document.class, List.of()));
            ofPathway.add(new Document("from", from.toString()).append("hours", weeklyHours));
            decisions.put(pathwayId, ofPathway);
            return new Document(state).append(DECISIONS, decisions);
        });
    }

    /**
     * Reads the participant's document, applies the fact and writes it back under compare-and-set of its version,
     * reading again after a lost race, at most {@link #ATTEMPTS} times: then a transient
     * {@link ContendedWriteException}, and the consumer retries the batch (nothing was sent to the counters).
     */
    private void change(ProjectionBatch batch, String eventId, String participantId, UnaryOperator<Document> fact) {
        MongoCollection<Document> documents = model.premieresHeuresContracts();
        for (int attempt = 1; ; attempt++) {
            if (attempt > ATTEMPTS) {
                throw new ContendedWriteException("Premières Heures contracts of participant " + participantId
                        + " (event " + eventId + ")", ATTEMPTS);
            }
            Document remembered = written.remove(participantId);
            Document stored = remembered != null ? remembered : documents.find(Filters.eq("_id", participantId)).first();
            Document recorded = moveOf(stored, eventId);
            if (recorded != null) {
                send(batch, recorded.getList("increments", Document.class, List.of()));
                return;
            }
            Document before = stateOf(stored);
            Document after = fact.apply(before);
            if (after.equals(before)) {
                if (remembered != null) {
                    continue; // decided on a fresh read only: another writer may have applied this very fact
                }
                return;
            }
            List<Document> increments = encode(PremieresHeuresContractShare.increments(shareOf(participantId, before),
                    shareOf(participantId, after)));
            Document move = new Document("event", eventId).append("increments", increments);
            betweenReadAndWrite.run();
            if (stored == null) {
                Document created = new Document("_id", participantId).append(VERSION, 1L)
                        .append(PATHWAYS, after.get(PATHWAYS, new Document()))
                        .append(DECISIONS, after.get(DECISIONS, new Document()))
                        .append(MOVES, List.of(move));
                try {
                    documents.insertOne(created);
                    written.put(participantId, created);
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                        continue; // another consumer created it first: read it again
                    }
                    throw e;
                }
            } else {
                long version = stored.get(VERSION, Number.class).longValue();
                if (documents.updateOne(Filters.and(Filters.eq("_id", participantId), Filters.eq(VERSION, version)),
                        Updates.combine(Updates.set(PATHWAYS, after.get(PATHWAYS, new Document())),
                                Updates.set(DECISIONS, after.get(DECISIONS, new Document())),
                                Updates.set(VERSION, version + 1), Updates.push(MOVES, move)))
                        .getMatchedCount() == 0) {
                    continue; // changed since read: compute again from what is there now
                }
                List<Document> moves = new ArrayList<>(stored.getList(MOVES, Document.class, List.of()));
                moves.add(move);
                written.put(participantId, new Document("_id", participantId).append(VERSION, version + 1)
                        .append(PATHWAYS, after.get(PATHWAYS, new Document()))
                        .append(DECISIONS, after.get(DECISIONS, new Document())).append(MOVES, moves));
            }
            send(batch, increments);
            return;
        }
    }

    private void send(ProjectionBatch batch, List<Document> increments) {
        for (Document increment : increments) {
            batch.increment(model.figureCounters(), increment.getString("scope"), increment.getString("path"),
                    increment.get("delta", Number.class).longValue());
        }
    }

    private static Document moveOf(Document stored, String eventId) {
        if (stored == null) {
            return null;
        }
        for (Document move : stored.getList(MOVES, Document.class, List.of())) {
            if (eventId.equals(move.getString("event"))) {
                return move;
            }
        }
        return null;
    }

    static Document stateOf(Document stored) {
        Document state = new Document();
        state.put(PATHWAYS, stored == null ? new Document() : stored.get(PATHWAYS, new Document()));
        state.put(DECISIONS, stored == null ? new Document() : stored.get(DECISIONS, new Document()));
        return state;
    }

    private static List<Document> encode(Map<String, Map<String, Long>> increments) {
        List<Document> encoded = new ArrayList<>();
        increments.forEach((scope, paths) -> paths.forEach((path, delta) -> encoded.add(
                new Document("scope", scope).append("path", path).append("delta", delta))));
        return encoded;
    }

    /** The participant's share as a document holds it (the code the benchmark's direct writer uses too). */
    static Map<String, Map<String, Long>> shareOf(String participantId, Document state) {
        List<PathwayRecord> pathways = new ArrayList<>();
        state.get(PATHWAYS, new Document()).forEach((pathwayId, value) -> {
            Document d = (Document) value;
            pathways.add(new PathwayRecord(pathwayId, participantId, ProgramCatalog.PREMIERES_HEURES,
                    d.getString("territory"), null, date(d.getString("entry")), date(d.getString("exit")), null,
                    null, java.util.Set.of()));
        });
        Map<String, HoursRecord> hours = new HashMap<>();
        state.get(DECISIONS, new Document()).forEach((pathwayId, value) -> {
            List<HoursRecord.Decision> decisions = new ArrayList<>();
            for (Object d : (List<?>) value) {
                Document decision = (Document) d;
                decisions.add(new HoursRecord.Decision(LocalDate.parse(decision.getString("from")),
                        decision.get("hours", Number.class).intValue(), null));
            }
            hours.put(pathwayId, new HoursRecord(pathwayId, participantId, ProgramCatalog.PREMIERES_HEURES, null,
                    decisions, Map.of()));
        });
        return PremieresHeuresContractShare.of(pathways, hours);
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
