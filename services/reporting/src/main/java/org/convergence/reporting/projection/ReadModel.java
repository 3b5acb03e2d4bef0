package org.convergence.reporting.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reporting read model, keyed so that every write and every read is an exact {@code _id} lookup (or an
 * {@code $in} on {@code _id}):
 * <ul>
 *   <li>{@code pathways}, {@code chantiers}, {@code territories}: one document each. They list the ids of the
 *   events applied to them, written in the same single-document update as the effect ({@link WriteBatch}): a
 *   redelivered event is recognised and changes nothing. A territory lists its chantiers.</li>
 *   <li>{@code chantier_roster}: per chantier, a summary of each of its pathways, spread over a few bucket
 *   documents; figures, work lists and the participant search read a territory's pathways from there.</li>
 *   <li>{@code premieres_heures}: every Premières Heures pathway's entry date by participant, in a few buckets,
 *   for {@code fromPremieresHeures}, which looks at a participant's pathways in any territory.</li>
 * </ul>
 * Collections are prefixed by a generation, so a rebuild fills new collections from the start of the topics
 * while the old ones still answer.
 */
public final class ReadModel {

    static final String APPLIED = "applied";

    /**
     * A chantier's roster is spread over this many documents: a new pathway rewrites one small document rather
     * than one that grows with the chantier, and a read takes them all with one $in.
     */
    static final int ROSTER_BUCKETS = 16;
    /** The Premières Heures index of the whole country is spread over this many documents. */
    static final int PREMIERES_HEURES_BUCKETS = 32;

    private final MongoCollection<Document> pathways;
    private final MongoCollection<Document> chantiers;
    private final MongoCollection<Document> territories;
    private final MongoCollection<Document> chantierRoster;
    private final MongoCollection<Document> premieresHeures;

    public ReadModel(MongoDatabase database, String generation) {
        this.pathways = database.getCollection(generation + "_pathways");
        this.chantiers = database.getCollection(generation + "_chantiers");
        this.territories = database.getCollection(generation + "_territories");
        this.chantierRoster = database.getCollection(generation + "_chantier_roster");
        this.premieresHeures = database.getCollection(generation + "_premieres_heures");
    }

    public MongoCollection<Document> pathways() {
        return pathways;
    }

    public MongoCollection<Document> chantiers() {
        return chantiers;
    }

    public MongoCollection<Document> territories() {
        return territories;
    }

    /** Per chantier, {@code pathways.<pathwayId>} summaries in documents keyed {@code chantierId#n}. */
    public MongoCollection<Document> chantierRoster() {
        return chantierRoster;
    }

    /** {@code participants.<participantId>.<pathwayId>} = entry date, in documents keyed {@code n}. */
    public MongoCollection<Document> premieresHeures() {
        return premieresHeures;
    }

    static String rosterBucketOf(String chantierId, String pathwayId) {
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
     * The order a batch is stored in: indexes (idempotent sets) first, documents carrying event markers after,
     * pathways last. A crash between two collections then leaves a marker only where its indexes are stored.
     */
    List<MongoCollection<Document>> flushOrder() {
        return List.of(chantierRoster, premieresHeures, territories, chantiers, pathways);
    }

    public void drop() {
        pathways.drop();
        chantiers.drop();
        territories.drop();
        chantierRoster.drop();
        premieresHeures.drop();
    }
}
