package org.convergence.reporting.projection;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.convergence.platform.projection.ReadModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reporting read model, keyed so that every write and every read is an exact {@code _id} lookup (or an
 * {@code $in} on {@code _id}), in the collections of the service's generation:
 * <ul>
 *   <li>{@code territories}, {@code chantiers}: one document each, listing the events applied to it. A territory
 *   lists its chantiers.</li>
 *   <li>{@code chantier_roster}: per chantier, each of its pathways as an entry ({@code pathways.<pathwayId>}:
 *   participant, program, dates, category, promotion links, check-ins) with the events applied to it
 *   ({@code appliedByEntry.pathways.<pathwayId>}), spread over a few bucket documents; figures, work lists and the
 *   participant search read a territory's pathways from there.</li>
 *   <li>{@code premieres_heures}: every Premières Heures pathway's entry date by participant, in a few buckets,
 *   for {@code fromPremieresHeures}, which looks at a participant's pathways in any territory.</li>
 *   <li>{@code accompaniment_roster}: per chantier, each pathway's accompaniment facts (accompaniment topic), in
 *   buckets keyed like the chantier roster's, with their own markers.</li>
 *   <li>{@code transition_roster}: per chantier, each employer transition ({@code transitions.<transitionId>}:
 *   start, dated store-hour schedules, meetings, outcome) from the transitions topic, in buckets keyed by chantier and
 *   transition, with their own markers.</li>
 *   <li>{@code hours_roster}: per chantier, each pathway's contract decisions (hours topic), in buckets keyed like
 *   the chantier roster's, with their own markers.</li>
 *   <li>{@code hours_weeks}: per pathway and week-based year, its minutes worked per ISO week and the program they
 *   count under (hours topic), as the document's one entry, with the packed markers of the week facts (ADR 0057).</li>
 * </ul>
 */
public final class ReportingModel {

    /**
     * A chantier's roster is spread over this many documents: a batch rewrites a few small documents rather than
     * one that grows with the chantier, and a read takes them all with one $in.
     */
    static final int ROSTER_BUCKETS = 16;
    /** The Premières Heures index of the whole country is spread over this many documents. */
    static final int PREMIERES_HEURES_BUCKETS = 32;
    /** Participants' pathways (ADR 0031) are spread over this many documents: a few participants each. */
    static final int PARTICIPANT_BUCKETS = 65_536;

    private final ReadModel readModel;
    private final MongoCollection<Document> chantiers;
    private final MongoCollection<Document> territories;
    private final MongoCollection<Document> chantierRoster;
    private final MongoCollection<Document> premieresHeures;
    private final MongoCollection<Document> accompanimentRoster;
    private final MongoCollection<Document> transitionRoster;
    private final MongoCollection<Document> hoursRoster;
    private final MongoCollection<Document> hoursWeeks;
    private final MongoCollection<Document> territoryYears;
    private final MongoCollection<Document> participantPathways;
    private final MongoCollection<Document> figureCounters;
    private final MongoCollection<Document> premieresHeuresContracts;

    public ReportingModel(ReadModel readModel) {
        this.readModel = readModel;
        this.chantiers = readModel.collection("chantiers");
        this.territories = readModel.collection("territories");
        this.chantierRoster = readModel.collection("chantier_roster");
        this.premieresHeures = readModel.collection("premieres_heures");
        this.accompanimentRoster = readModel.collection("accompaniment_roster");
        this.transitionRoster = readModel.collection("transition_roster");
        this.hoursRoster = readModel.collection("hours_roster");
        this.hoursWeeks = readModel.collection("hours_weeks");
        this.territoryYears = readModel.collection("territory_years");
        this.participantPathways = readModel.collection("participant_pathways");
        this.figureCounters = readModel.collection("figure_counters");
        this.premieresHeuresContracts = readModel.collection("premieres_heures_contracts");
    }

    public String generation() {
        return readModel.generation();
    }

    public MongoCollection<Document> chantiers() {
        return chantiers;
    }

    public MongoCollection<Document> territories() {
        return territories;
    }

    /** Per chantier, {@code pathways.<pathwayId>} entries in documents keyed {@code chantierId#n}. */
    public MongoCollection<Document> chantierRoster() {
        return chantierRoster;
    }

    /** {@code participants.<participantId>.<pathwayId>} = entry date, in documents keyed {@code n}. */
    public MongoCollection<Document> premieresHeures() {
        return premieresHeures;
    }

    /**
     * Per chantier, {@code pathways.<pathwayId>} accompaniment entries (barriers at entry, housing barrier changes,
     * health-rights openings) in documents keyed like the chantier roster's.
     */
    public MongoCollection<Document> accompanimentRoster() {
        return accompanimentRoster;
    }

    /** Per chantier, {@code transitions.<transitionId>} entries in documents keyed {@code chantierId#n}. */
    public MongoCollection<Document> transitionRoster() {
        return transitionRoster;
    }

    /**
     * Per chantier, {@code pathways.<pathwayId>} hours entries (contract decisions, program, participant) in
     * documents keyed like the chantier roster's.
     */
    public MongoCollection<Document> hoursRoster() {
        return hoursRoster;
    }

    /**
     * Per pathway and week-based year, in documents keyed {@link #hoursWeeksOf}, one entry
     * {@value #HOURS_YEAR}{@code .<YYYY>}: {@code weeks.<YYYY-Www>} = minutes worked, {@code program},
     * {@code participantId}. A week's fact reads one year of one pathway. The year is an entry of its document,
     * not the whole document, so that its markers are packed (ADR 0036): they are most of a year's bytes otherwise.
     */
    public MongoCollection<Document> hoursWeeks() {
        return hoursWeeks;
    }

    /** The field of an {@link #hoursWeeks} document holding its year's entry, under the year. */
    public static final String HOURS_YEAR = "year";

    /** The key of a pathway's document of the year of {@code week} ({@code YYYY-Www}): {@code <pathwayId>#<YYYY>}. */
    public static String hoursWeeksOf(String pathwayId, String week) {
        return hoursWeeksOf(pathwayId, Integer.parseInt(week.substring(0, 4)));
    }

    /** The key of a pathway's document of a week-based year. */
    public static String hoursWeeksOf(String pathwayId, int weekBasedYear) {
        return pathwayId + "#" + String.format("%04d", weekBasedYear);
    }

    /**
     * Per territory and year (or {@code open}), the pathways that can count in that year's figures, as compact
     * entries {@code pathways.<pathwayId>} in documents keyed {@code territoryId#period#n} ({@link TerritoryYears}).
     */
    public MongoCollection<Document> territoryYears() {
        return territoryYears;
    }

    /**
     * Every pathway of a participant, in any territory, as {@code participants.<participantId>} = pathway id to
     * territory and compact entry, in documents keyed by a hash of the participant ({@link FigureCounters}).
     */
    public MongoCollection<Document> participantPathways() {
        return participantPathways;
    }

    /**
     * The six pathway figures' counters of each territory and of the nation ({@link FigureCounters#NATION}), one
     * document per scope keyed by it: {@code <year>.<counter>} and {@code tail.<year>.<counter>} (ADR 0031).
     */
    public MongoCollection<Document> figureCounters() {
        return figureCounters;
    }

    /**
     * Per participant with a Premières Heures pathway, keyed by the participant: their Premières Heures pathways'
     * dates, those pathways' contract decisions and each fact's increments of the contract distribution, written
     * by compare-and-set outside the batches (ADR 0041, {@link PremieresHeuresContracts}).
     */
    public MongoCollection<Document> premieresHeuresContracts() {
        return premieresHeuresContracts;
    }

    static String participantBucketOf(String participantId) {
        return Integer.toString(Math.floorMod(participantId.hashCode(), PARTICIPANT_BUCKETS));
    }

    public static String rosterBucketOf(String chantierId, String pathwayId) {
        return chantierId + "#" + Math.floorMod(pathwayId.hashCode(), ROSTER_BUCKETS);
    }

    /** The ids of every roster bucket of these chantiers. */
    public static List<String> rosterBucketsOf(Collection<String> chantierIds) {
        List<String> ids = new ArrayList<>(chantierIds.size() * ROSTER_BUCKETS);
        for (String chantierId : chantierIds) {
            for (int i = 0; i < ROSTER_BUCKETS; i++) {
                ids.add(chantierId + "#" + i);
            }
        }
        return ids;
    }

    /**
     * A chantier's referrals and support sessions: buckets of the accompaniment roster apart from its pathways'
     * (ADR 0034), so that reading a year's activity does not read every pathway's accompaniment.
     */
    static String activityBucketOf(String chantierId, String entryId) {
        return chantierId + "#activity#" + Math.floorMod(entryId.hashCode(), ROSTER_BUCKETS);
    }

    /** The ids of every activity bucket of these chantiers. */
    public static List<String> activityBucketsOf(Collection<String> chantierIds) {
        List<String> ids = new ArrayList<>(chantierIds.size() * ROSTER_BUCKETS);
        for (String chantierId : chantierIds) {
            for (int i = 0; i < ROSTER_BUCKETS; i++) {
                ids.add(chantierId + "#activity#" + i);
            }
        }
        return ids;
    }

    static String premieresHeuresBucketOf(String participantId) {
        return Integer.toString(Math.floorMod(participantId.hashCode(), PREMIERES_HEURES_BUCKETS));
    }

    /** The Premières Heures buckets that hold these participants. */
    public static Set<String> premieresHeuresBucketsOf(Collection<String> participantIds) {
        Set<String> ids = new TreeSet<>();
        participantIds.forEach(id -> ids.add(premieresHeuresBucketOf(id)));
        return ids;
    }

    /**
     * The order a batch is stored in: the Premières Heures index (idempotent sets) first, then the documents whose
     * own facts carry markers, the roster (which carries pathway facts' markers) last. A crash between two
     * collections then leaves a marker only where the fact's other writes are stored. The per-territory-year
     * aggregates are derived from the roster entry by each pathway fact, so they are stored before it: a fact whose
     * marker is stored has its aggregate entries stored, and one delivered again recomputes the same entries.
     * The participants' documents come before the figure counters computed from them (ADR 0042, which reverses
     * ADR 0031's order): a participant's state is stored with the journal of the increments computed from it, so a
     * crash before the counters leaves them to be replayed by the facts delivered again, whatever the interleaving
     * of the enrolment and accompaniment topics; the counters' offset watermarks skip those already stored.
     */
    public List<MongoCollection<Document>> flushOrder() {
        return List.of(premieresHeures, territoryYears, participantPathways, figureCounters, territories, chantiers,
                chantierRoster, accompanimentRoster, transitionRoster, hoursRoster, hoursWeeks);
    }

    public void drop() {
        readModel.drop();
    }
}
