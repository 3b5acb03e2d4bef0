package org.convergence.reporting.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes of one batch of events, kept in memory and stored with one ordered bulk write per collection. What
 * each document already applied is read once per batch (prefetched with one $in), so deciding whether an event
 * is a redelivery costs no round trip. Writes of one event are staged and join the batch only if the event is
 * applied as a whole: a rejected event leaves nothing behind.
 *
 * <p>Crash safety: each document update carries its effect and its event marker together, and collections are
 * flushed indexes first ({@link ReadModel#flushOrder()}), documents carrying markers after: an event whose
 * marker is stored has its index writes stored too.
 */
final class WriteBatch {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private record Write(MongoCollection<Document> collection, String id, String eventId, Bson update,
                         String requiredField) {

        UpdateOneModel<Document> model() {
            if (requiredField == null) {
                return new UpdateOneModel<>(Filters.eq("_id", id), update, UPSERT);
            }
            return new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), Filters.exists(requiredField)), update);
        }
    }

    private final List<MongoCollection<Document>> flushOrder;
    private final MongoCollection<Document> territories;
    private final Map<String, Set<String>> appliedByDocument = new HashMap<>();
    private final Map<String, Set<String>> chantiersByTerritory = new HashMap<>();
    private final List<Write> batch = new ArrayList<>();
    private final List<Write> staged = new ArrayList<>();
    private final Map<String, String> stagedChantiers = new HashMap<>();

    WriteBatch(ReadModel model) {
        this.flushOrder = model.flushOrder();
        this.territories = model.territories();
    }

    /** Reads what these documents already applied, with one query. */
    void prefetch(MongoCollection<Document> collection, Collection<String> ids) {
        List<String> missing = ids.stream().filter(id -> !appliedByDocument.containsKey(key(collection, id)))
                .distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(id -> appliedByDocument.put(key(collection, id), new HashSet<>()));
        for (Document document : collection.find(Filters.in("_id", missing))) {
            remember(collection, document);
        }
    }

    /** Whether the document applied this event, as stored or in this batch. */
    boolean hasApplied(MongoCollection<Document> collection, String id, String eventId) {
        return applied(collection, id).contains(eventId);
    }

    /** Stages {@code update} with its marker, unless the document already applied this event. */
    void applyOnce(MongoCollection<Document> collection, String id, String eventId, Bson update) {
        if (!applied(collection, id).contains(eventId)) {
            staged.add(new Write(collection, id, eventId, Updates.combine(update, Updates.addToSet(ReadModel.APPLIED,
                    eventId)), null));
        }
    }

    /** Stages an update that is idempotent by nature (a set, an add to a set): no marker needed. */
    void upsert(MongoCollection<Document> collection, String id, Bson update) {
        staged.add(new Write(collection, id, null, update, null));
    }

    /**
     * Stages an idempotent update that applies only if the document has {@code field}; it creates nothing. The
     * extra condition makes the embedded server scan the collection: keep it for small ones.
     */
    void updateIfPresent(MongoCollection<Document> collection, String id, String field, Bson update) {
        staged.add(new Write(collection, id, null, update, field));
    }

    /** Whether the territory already lists the chantier, as stored or as staged by an earlier event of this batch. */
    boolean listsChantier(String territoryId, String chantierId) {
        applied(territories, territoryId); // loads the territory if it was not prefetched
        return chantiersByTerritory.getOrDefault(territoryId, Set.of()).contains(chantierId)
                || chantierId.equals(stagedChantiers.get(territoryId));
    }

    /** Records that the current event's staged writes make the territory list the chantier. */
    void chantierListed(String territoryId, String chantierId) {
        stagedChantiers.put(territoryId, chantierId);
    }

    /** The current event is applied: its staged writes join the batch. */
    void keepStaged() {
        for (Write write : staged) {
            if (write.eventId() != null) {
                applied(write.collection(), write.id()).add(write.eventId());
            }
        }
        batch.addAll(staged);
        staged.clear();
        stagedChantiers.forEach((territory, chantier) ->
                chantiersByTerritory.computeIfAbsent(territory, t -> new HashSet<>()).add(chantier));
        stagedChantiers.clear();
    }

    /** The current event is rejected: its staged writes are forgotten. */
    void dropStaged() {
        staged.clear();
        stagedChantiers.clear();
    }

    /** Stores the batch: one ordered bulk write per collection, in flush order. */
    void flush() {
        Map<MongoCollection<Document>, List<WriteModel<Document>>> byCollection = new LinkedHashMap<>();
        flushOrder.forEach(c -> byCollection.put(c, new ArrayList<>()));
        for (Write write : batch) {
            byCollection.get(write.collection()).add(write.model());
        }
        byCollection.forEach((collection, writes) -> {
            if (!writes.isEmpty()) {
                collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
            }
        });
        batch.clear();
    }

    private Set<String> applied(MongoCollection<Document> collection, String id) {
        String key = key(collection, id);
        Set<String> applied = appliedByDocument.get(key);
        if (applied == null) {
            appliedByDocument.put(key, new HashSet<>());
            Document document = collection.find(Filters.eq("_id", id)).first();
            if (document != null) {
                remember(collection, document);
            }
            applied = appliedByDocument.get(key);
        }
        return applied;
    }

    private void remember(MongoCollection<Document> collection, Document document) {
        String id = document.getString("_id");
        appliedByDocument.get(key(collection, id)).addAll(document.getList(ReadModel.APPLIED, String.class, List.of()));
        if (collection == territories) {
            chantiersByTerritory.computeIfAbsent(id, t -> new HashSet<>())
                    .addAll(document.getList("chantierIds", String.class, List.of()));
        }
    }

    private static String key(MongoCollection<Document> collection, String id) {
        return collection.getNamespace().getCollectionName() + "/" + id;
    }
}
