package org.convergence.reporting.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.List;

/**
 * The reporting read model: pathways, chantiers, territories and participants keyed by their ids, so that every write and
 * every read is an exact {@code _id} lookup. Each document lists the ids of the events applied to it, written in
 * the same single-document update as the effect ({@link WriteBatch}): a redelivered event is recognised and
 * changes nothing. Collections are prefixed by a generation, so a
 * rebuild fills new collections from the start of the topics while the old ones still answer.
 */
public final class ReadModel {

    static final String APPLIED = "applied";

    private final MongoCollection<Document> pathways;
    private final MongoCollection<Document> chantiers;
    private final MongoCollection<Document> territories;
    private final MongoCollection<Document> participants;
    private final MongoCollection<Document> territoryPathways;
    private final MongoCollection<Document> chantierRoster;

    /**
     * A territory's pathway ids are spread over this many documents: each new pathway rewrites one small
     * document rather than one that grows with the territory, and a figure reads them all with one $in.
     */
    static final int TERRITORY_BUCKETS = 32;

    public ReadModel(MongoDatabase database, String generation) {
        this.pathways = database.getCollection(generation + "_pathways");
        this.chantiers = database.getCollection(generation + "_chantiers");
        this.territories = database.getCollection(generation + "_territories");
        this.participants = database.getCollection(generation + "_participants");
        this.territoryPathways = database.getCollection(generation + "_territory_pathways");
        this.chantierRoster = database.getCollection(generation + "_chantier_roster");
    }

    /** A chantier's roster is spread over this many documents, for the same reason as the territory buckets. */
    static final int ROSTER_BUCKETS = 16;

    /**
     * Per chantier, a summary of each pathway (participant, program, dates) under {@code pathways.<pathwayId>},
     * spread over {@link #ROSTER_BUCKETS} documents keyed {@code chantierId#n}: a search reads them with one $in.
     */
    public MongoCollection<Document> chantierRoster() {
        return chantierRoster;
    }

    static String rosterBucketOf(String chantierId, String pathwayId) {
        return chantierId + "#" + Math.floorMod(pathwayId.hashCode(), ROSTER_BUCKETS);
    }

    /** The ids of every roster bucket of these chantiers. */
    public static java.util.List<String> rosterBucketsOf(java.util.Collection<String> chantierIds) {
        java.util.List<String> ids = new java.util.ArrayList<>(chantierIds.size() * ROSTER_BUCKETS);
        for (String chantierId : chantierIds) {
            for (int i = 0; i < ROSTER_BUCKETS; i++) {
                ids.add(chantierId + "#" + i);
            }
        }
        return ids;
    }

    /** Buckets of pathway ids per territory, keyed {@code territoryId#n}. */
    public MongoCollection<Document> territoryPathways() {
        return territoryPathways;
    }

    static String bucketOf(String territoryId, String pathwayId) {
        return territoryId + "#" + Math.floorMod(pathwayId.hashCode(), TERRITORY_BUCKETS);
    }

    /** The ids of every bucket of a territory, for one $in on _id. */
    public static java.util.List<String> bucketsOf(String territoryId) {
        java.util.List<String> ids = new java.util.ArrayList<>(TERRITORY_BUCKETS);
        for (int i = 0; i < TERRITORY_BUCKETS; i++) {
            ids.add(territoryId + "#" + i);
        }
        return ids;
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

    /** Per participant, the ids of all their pathways in any territory. */
    public MongoCollection<Document> participants() {
        return participants;
    }

    /**
     * The order a batch is stored in: indexes (idempotent sets) first, documents carrying event markers after,
     * pathways last. A crash between two collections then leaves a marker only where its indexes are stored.
     */
    List<MongoCollection<Document>> flushOrder() {
        return List.of(territoryPathways, participants, chantierRoster, territories, chantiers, pathways);
    }

    public void drop() {
        pathways.drop();
        chantiers.drop();
        territories.drop();
        participants.drop();
        territoryPathways.drop();
        chantierRoster.drop();
    }
}
