package org.convergence.reporting.projection;

import org.bson.Document;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.projection.ProjectionBatch;
import org.convergence.reporting.figures.AccompanimentRecord;
import org.convergence.reporting.figures.ParticipantShare;
import org.convergence.reporting.figures.PathwayRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps the six pathway figures' counters of every territory and of the nation exact (ADR 0031). A participant's
 * pathways are kept together ({@link ReportingModel#participantPathways}); each fact that changes one of them, or
 * the Convergence start of a chantier they are at, moves every scope's counters by the difference between the
 * participant's share before and after ({@link ParticipantShare#increments}): a correction takes the person out of
 * a year and puts them in another, a fact that changes nothing moves nothing, and a person counts once per scope
 * whatever their number of pathways. Increments go through {@link ProjectionBatch#increment}, stored once per
 * event even when a batch is delivered again after a crash.
 */
public final class FigureCounters {

    /** The nation's counters document; a territory id is a slug, so it never takes this id. */
    public static final String NATION = "#nation";
    private static final char SEPARATOR = '\u001E';
    /** Where a participant's accompaniment summaries are filed, beside their pathways (ADR 0034). */
    private static final String ACCOMPANIMENT = "accompaniment.";

    private final ReportingModel model;

    FigureCounters(ReportingModel model) {
        this.model = model;
    }

    void prefetch(ProjectionBatch batch, String participantId, String chantierId) {
        batch.prefetch(model.participantPathways(), ReportingModel.participantBucketOf(participantId));
        if (chantierId != null) {
            batch.prefetch(model.participantPathways(), participantsAt(chantierId));
        }
    }

    /** A pathway fact changed this pathway: file its new state with the participant and move the counters. */
    void pathwayChanged(ProjectionBatch batch, String participantId, String pathwayId, String territoryId,
                        String chantierId, ProjectionBatch.Unit entry) {
        // Who is at a chantier, for a change of its Convergence start: a set member, visible to later facts of
        // the same batch (a roster entry added in this batch is not, through its parent field). Added even when
        // nothing else changes: a flush cut between the participant's document and this set leaves the fact,
        // delivered again, with nothing else to change, and the participant must still join the set.
        batch.addToSet(model.participantPathways(), participantsAt(chantierId), "participants", participantId);
        ProjectionBatch.Ledger participant = participant(batch, participantId);
        Map<String, String> before = pathwaysOf(participant::get, participantId);
        Map<String, String> after = new LinkedHashMap<>(before);
        after.put(pathwayId, territoryId + SEPARATOR + TerritoryYears.encode(participantId, entry.getString("program"),
                chantierId, entry.getString("entryDate"), entry.getString("exitDate"),
                entry.getString("exitCategory"), entry.getString("promotedTo")));
        if (after.equals(before)) {
            return;
        }
        participant.set("participants." + participantId, new Document(new LinkedHashMap<>(after)));
        List<PathwayRecord> old = decode(before);
        List<PathwayRecord> now = decode(after);
        Map<String, LocalDate> starts = convergenceStarts(batch, old, now);
        Map<String, Accompanied> accompaniment = accompanimentOf(participant::get, participantId);
        move(participant::increment, old, starts, accompaniment, now, starts, accompaniment);
    }

    /**
     * An accompaniment fact changed a pathway's housing barrier, its status history or its health-rights openings
     * (ADR 0034): file the pathway's accompaniment summary with the participant and move the counters by the
     * participant's share before and after, as a pathway fact does. The accompaniment topic is keyed by participant
     * like the enrolment topic, with as many partitions: one consumer owns both partitions of a participant.
     */
    void accompanimentChanged(ProjectionBatch batch, String participantId, String pathwayId, String territoryId,
                              ProjectionBatch.Unit entry) {
        ProjectionBatch.Ledger participant = participant(batch, participantId);
        Map<String, Accompanied> before = accompanimentOf(participant::get, participantId);
        Map<String, Accompanied> after = new LinkedHashMap<>(before);
        after.put(pathwayId, Accompanied.of(territoryId, pathwayId, participantId, entry));
        if (after.equals(before)) {
            return;
        }
        Document filed = new Document();
        after.forEach((id, accompanied) -> filed.append(id, accompanied.encode()));
        participant.set(ACCOMPANIMENT + participantId, filed);
        List<PathwayRecord> theirs = decode(pathwaysOf(participant::get, participantId));
        if (theirs.isEmpty()) {
            return;
        }
        Map<String, LocalDate> starts = convergenceStarts(batch, theirs, List.of());
        move(participant::increment, theirs, starts, before, theirs, starts, after);
    }

    /**
     * The participant's pathways and accompaniment, with the increments computed from them, as one ledger of their
     * bucket (ADR 0042), journaling those increments with them: a crash before the counters are stored leaves them
     * to be replayed, not computed again from another interleaving of the two topics (review finding 4). Written
     * under the ledger's compare-and-set of the participant's version, so a consumer that lost its partition cannot
     * put the participant back over the new owner's later facts (review finding 3). Cheap since the embedded server
     * serves a filter naming an exact {@code _id} plus other conditions from its {@code _id} index (ADR 0043).
     */
    private ProjectionBatch.Ledger participant(ProjectionBatch batch, String participantId) {
        return batch.ledger(model.participantPathways(), ReportingModel.participantBucketOf(participantId),
                participantId, true);
    }

    /**
     * A chantier's Convergence start changed: every participant with a pathway there counts from another day, so
     * their shares move from the old start to the new one. The chantier's participant list names them.
     */
    void convergenceStartChanged(ProjectionBatch batch, String chantierId, String oldStart, String newStart) {
        if (java.util.Objects.equals(oldStart, newStart)) {
            return;
        }
        List<String> participants = batch.document(model.participantPathways(), participantsAt(chantierId))
                .getList("participants", String.class);
        for (String participantId : participants) {
            // Read, not written: the participant's state as this consumer sees it (ADR 0031's limit on a start change
            // racing another partition's fact stays; see ADR 0042).
            ProjectionBatch.Unit bucket = batch.document(model.participantPathways(),
                    ReportingModel.participantBucketOf(participantId));
            List<PathwayRecord> theirs = decode(pathwaysOf(bucket::get, participantId));
            Map<String, LocalDate> now = convergenceStarts(batch, theirs, List.of());
            Map<String, LocalDate> then = new HashMap<>(now);
            if (oldStart == null) {
                then.remove(chantierId);
            } else {
                then.put(chantierId, LocalDate.parse(oldStart));
            }
            Map<String, Accompanied> accompaniment = accompanimentOf(bucket::get, participantId);
            move((counters, scope, path, delta) -> batch.increment(counters, scope, path, delta),
                    theirs, then, accompaniment, theirs, now, accompaniment);
        }
    }

    /** The document listing the participants with a pathway at a chantier (ids of participant buckets are numbers). */
    static String participantsAt(String chantierId) {
        return "#chantier#" + chantierId;
    }

    /** Where a participant's increments go: through their ledger, or straight to the batch. */
    @FunctionalInterface
    private interface Increments {
        void add(com.mongodb.client.MongoCollection<Document> counters, String scope, String path, long delta);
    }

    private void move(Increments increments, List<PathwayRecord> old, Map<String, LocalDate> oldStarts,
                      Map<String, Accompanied> oldAccompaniment, List<PathwayRecord> now,
                      Map<String, LocalDate> newStarts, Map<String, Accompanied> newAccompaniment) {
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(NATION);
        old.forEach(p -> scopes.add(p.territoryId()));
        now.forEach(p -> scopes.add(p.territoryId()));
        for (String scope : scopes) {
            ParticipantShare.increments(share(old, scope, oldStarts, oldAccompaniment),
                            share(now, scope, newStarts, newAccompaniment))
                    .forEach((path, delta) -> increments.add(model.figureCounters(), scope, path, delta));
        }
    }

    /**
     * The participant's share of a scope: their pathways in it, and the accompaniment recorded at its chantiers
     * (the from-scratch figures read the accompaniment of the scope's chantiers). Computed by the one-participant
     * arithmetic, share for share the oracle's (ADR 0044).
     */
    static ParticipantShare share(List<PathwayRecord> theirs, String scope, Map<String, LocalDate> starts,
                                  Map<String, Accompanied> accompaniment) {
        boolean nation = NATION.equals(scope);
        List<PathwayRecord> inScope = nation ? theirs
                : theirs.stream().filter(p -> scope.equals(p.territoryId())).toList();
        Map<String, AccompanimentRecord> records = new HashMap<>();
        accompaniment.forEach((pathwayId, a) -> {
            if (nation || scope.equals(a.territoryId())) {
                records.put(pathwayId, a.record());
            }
        });
        return ParticipantShare.ofOneParticipant(inScope, theirs, records, starts);
    }

    /** The participant's accompaniment as the batch sees it: pathway id to its filed summary. */
    private static Map<String, Accompanied> accompanimentOf(Function<String, Object> bucket, String participantId) {
        Map<String, Accompanied> accompaniment = new LinkedHashMap<>();
        if (bucket.apply(ACCOMPANIMENT + participantId) instanceof Map<?, ?> stored) {
            stored.forEach((pathwayId, value) -> accompaniment.put(pathwayId.toString(),
                    Accompanied.decode(pathwayId.toString(), participantId, value.toString())));
        }
        return accompaniment;
    }

    /** The participant's pathways as the batch sees them: pathway id to territory and compact entry. */
    private static Map<String, String> pathwaysOf(Function<String, Object> bucket, String participantId) {
        Map<String, String> pathways = new LinkedHashMap<>();
        if (bucket.apply("participants." + participantId) instanceof Map<?, ?> stored) {
            stored.forEach((pathwayId, value) -> pathways.put(pathwayId.toString(), value.toString()));
        }
        return pathways;
    }

    private Map<String, LocalDate> convergenceStarts(ProjectionBatch batch, Collection<PathwayRecord> old,
                                                     Collection<PathwayRecord> now) {
        Map<String, LocalDate> starts = new HashMap<>();
        List<PathwayRecord> all = new ArrayList<>(old);
        all.addAll(now);
        for (PathwayRecord p : all) {
            if (p.chantierId() != null && !starts.containsKey(p.chantierId())) {
                String start = batch.document(model.chantiers(), p.chantierId())
                        .getString("programs." + ProgramCatalog.CONVERGENCE);
                if (start != null) {
                    starts.put(p.chantierId(), LocalDate.parse(start));
                }
            }
        }
        return starts;
    }

    /** Pathways of a participant, as filed: {@code <territoryId><RS><compact entry>}. */
    static List<PathwayRecord> decode(Map<String, String> filed) {
        List<PathwayRecord> pathways = new ArrayList<>(filed.size());
        filed.forEach((pathwayId, value) -> {
            int at = value.indexOf(SEPARATOR);
            pathways.add(TerritoryYears.decode(pathwayId, value.substring(0, at), value.substring(at + 1)));
        });
        return pathways;
    }

    /** One pathway as {@link #file} files it. */
    public static PathwayRecord decodeFiled(String pathwayId, String filed) {
        return decode(Map.of(pathwayId, filed)).get(0);
    }

    /** How a participant's pathway is filed (the benchmark's direct writer files the same). */
    public static String file(String territoryId, String participantId, String program, String chantierId,
                              String entryDate, String exitDate, String exitCategory, String promotedTo) {
        return territoryId + SEPARATOR + TerritoryYears.encode(participantId, program, chantierId, entryDate, exitDate,
                exitCategory, promotedTo);
    }
}
