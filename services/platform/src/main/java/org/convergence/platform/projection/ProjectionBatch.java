package org.convergence.platform.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The writes of one batch of events, folded in memory and stored with one write per touched document: a batch's
 * many updates to one document (the roster bucket of ten pathways, a territory's chantier list) become a single
 * update. What the batch touches is read first with one {@code $in} per collection ({@link #prefetch}).
 *
 * <p><b>Units and markers.</b> A unit is a whole document ({@link #document}) or one entry of a document
 * ({@link #entry}, e.g. {@code pathways.<pathwayId>} in a roster bucket). Its facts are applied read-modify-write:
 * the unit must be written by facts of one partition key only (a pathway's facts share the participant's key).
 * Each unit lists the events applied to it (in {@value #APPLIED}, or {@value #APPLIED_BY_ENTRY}{@code .<field>.<key>}
 * for an entry), in the same document as its fields, so an effect and its marker are stored by one single-document
 * update; {@link Unit#applyOnce} skips an event the unit already applied, even an old one delivered again after a
 * newer one. An entry's markers are one packed value ({@link EventMarkers}, ADR 0036). They stay per event, not an
 * offset watermark: the relay sends at least once, so a fact may come back at a later offset of its partition, and
 * only its id tells it was applied. Writes outside units ({@link #addToSet}, {@link #set}) must be idempotent and commutative (a set
 * member; a field only one key writes), and have no compare-and-set: a consumer that lost its partition may put a
 * {@link #set} path back. State a key keeps in a shared document and computes increments from goes through its
 * {@link Ledger} instead (ADR 0042).
 *
 * <p><b>Rejected events.</b> An event's writes are staged apart and join the batch only when the event is kept
 * ({@link #keep}); a rejected event ({@link #drop}) leaves nothing behind.
 *
 * <p><b>Counters.</b> {@link #increment} adds to a number: not idempotent by itself, so each document also keeps,
 * per topic partition, the highest offset whose increments it holds ({@value #INCREMENTED_UP_TO}), stored by the same
 * single-document update as the sums; an increment from an event at or below that offset was already stored and is
 * skipped. A batch delivered again after a crash (same offsets) thus adds nothing twice, even if the crash stopped
 * the flush half-way through the counters. The caller must compute an event's increment from state only its own
 * partition key writes, so that the increment computed again after a crash is the one already stored.
 *
 * <p><b>Crash order.</b> Collections are written in the order given ({@code flushOrder}), each with one ordered
 * bulk write. An event marks at most one unit, in a collection after every other collection it writes to (checked
 * on {@link #keep}): a batch cut short by a crash may leave effects without their marker (delivered again, they
 * are applied again, idempotently), never a marker without its effects.
 */
public final class ProjectionBatch {

    /** The events applied to a whole-document unit. */
    public static final String APPLIED = "applied";
    /** The events applied to entry units: {@code appliedByEntry.<field>.<key>}. */
    public static final String APPLIED_BY_ENTRY = "appliedByEntry";
    /** Per topic partition, the highest offset whose increments a document holds: {@code incrementedUpTo.<topic>#<partition>}. */
    public static final String INCREMENTED_UP_TO = "incrementedUpTo";
    /** Per key, a ledger's version and the journal of increments computed from it: {@code ledger.<key>.v|j}. */
    public static final String LEDGER = "ledger";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final Document ABSENT = new Document();

    private record DocKey(String collection, String id) {
    }

    /** Where the event being applied was read: what a document's increment watermark is made of. */
    private record Position(String partitionKey, long offset) {
    }

    /**
     * Pending writes of one document: paths to set, members to add to set fields, increments and their
     * watermarks, and the entry units written (their path, e.g. {@code pathways.<pathwayId>}, to the path of their
     * markers).
     */
    private static final class Changes {
        final Map<String, Object> sets = new LinkedHashMap<>();
        final Map<String, Set<Object>> additions = new LinkedHashMap<>();
        final Map<String, Long> increments = new LinkedHashMap<>();
        final Map<String, Long> incrementedUpTo = new LinkedHashMap<>();
        final Map<String, String> entries = new LinkedHashMap<>();
        final Map<String, LedgerChanges> ledgers = new LinkedHashMap<>();
        boolean marked;

        void mergeInto(Changes target) {
            ledgers.forEach((ledgerKey, changes) ->
                    changes.mergeInto(target.ledgers.computeIfAbsent(ledgerKey, k -> new LedgerChanges())));
            target.sets.putAll(sets);
            increments.forEach((path, delta) -> target.increments.merge(path, delta, Long::sum));
            incrementedUpTo.forEach((path, offset) -> target.incrementedUpTo.merge(path, offset, Math::max));
            additions.forEach((field, values) ->
                    target.additions.computeIfAbsent(field, f -> new LinkedHashSet<>()).addAll(values));
            target.entries.putAll(entries);
            target.marked |= marked;
        }
    }

    /** One increment journal entry's identity: the position it is replayed at and the counter document it moves. */
    private record JournalKey(String partitionKey, long offset, String collection, String id) {
    }

    /**
     * What a batch did to one ledger ({@link #ledger}): the increments it stored through it, per journal entry;
     * the first position of each topic partition at which it opened the ledger (where its increments are
     * journaled, so that a redelivery replays them all at that fact); the stored entries it replayed.
     */
    private static final class LedgerChanges {
        final Map<JournalKey, Map<String, Long>> journal = new LinkedHashMap<>();
        final Map<String, Long> firstOpened = new LinkedHashMap<>();
        final Set<JournalKey> replayed = new LinkedHashSet<>();
        boolean changed;
        boolean compareAndSet;

        void mergeInto(LedgerChanges target) {
            target.changed |= changed;
            target.compareAndSet |= compareAndSet;
            journal.forEach((entry, deltas) -> {
                Map<String, Long> sums = target.journal.computeIfAbsent(entry, e -> new LinkedHashMap<>());
                deltas.forEach((path, delta) -> sums.merge(path, delta, Long::sum));
            });
            firstOpened.forEach(target.firstOpened::putIfAbsent);
            target.replayed.addAll(replayed);
        }
    }

    private final Map<String, MongoCollection<Document>> collections = new LinkedHashMap<>();
    private final Map<String, Integer> rank = new HashMap<>();
    private final Map<DocKey, Document> stored = new HashMap<>();
    private final Map<String, Set<String>> wanted = new LinkedHashMap<>();
    private final Map<DocKey, Changes> batch = new LinkedHashMap<>();
    private final Map<DocKey, Changes> event = new LinkedHashMap<>();
    private final Map<String, Integer> writtenByCollection = new HashMap<>();
    /** The bytes of stored packed markers, read once per batch: {@link Binary#getData} copies them on each call. */
    private final Map<Binary, byte[]> packedMarkers = new IdentityHashMap<>();
    /** Maps this batch copied for {@link Unit#putIn}: later events change them in place; never a stored one. */
    private final Set<Document> ownMaps = Collections.newSetFromMap(new IdentityHashMap<>());
    /** What takes back the current event's puts into maps that earlier events of the batch own, if it is dropped. */
    private final List<Runnable> undoOfEvent = new ArrayList<>();
    private DocKey eventMarker;
    private Position position;

    /** @param flushOrder every collection this batch may write, in the order they are stored */
    public ProjectionBatch(List<MongoCollection<Document>> flushOrder) {
        for (MongoCollection<Document> collection : flushOrder) {
            String name = collection.getNamespace().getCollectionName();
            collections.put(name, collection);
            rank.put(name, rank.size());
        }
    }

    // ---------------------------------------------------------------- reading

    /** Asks for a document to be read with the batch's other documents of that collection, by {@link #load}. */
    public void prefetch(MongoCollection<Document> collection, String id) {
        DocKey key = key(collection, id);
        if (!stored.containsKey(key)) {
            wanted.computeIfAbsent(key.collection(), c -> new LinkedHashSet<>()).add(id);
        }
    }

    /** Reads every prefetched document: one {@code $in} per collection. */
    public void load() {
        wanted.forEach((name, ids) -> {
            MongoCollection<Document> collection = collections.get(name);
            ids.removeIf(id -> stored.containsKey(new DocKey(name, id)));
            if (ids.isEmpty()) {
                return;
            }
            ids.forEach(id -> stored.put(new DocKey(name, id), ABSENT));
            for (Document document : collection.find(Filters.in("_id", ids))) {
                stored.put(new DocKey(name, document.get("_id").toString()), document);
            }
        });
        wanted.clear();
    }

    /** A whole document as a unit; its markers are in its {@value #APPLIED} field. */
    public Unit document(MongoCollection<Document> collection, String id) {
        return new Unit(key(collection, id), "", APPLIED);
    }

    /** The entry {@code <field>.<key>} of a document as a unit; its markers in {@code appliedByEntry.<field>.<key>}. */
    public Unit entry(MongoCollection<Document> collection, String id, String field, String entryKey) {
        FieldNames.requireKey(entryKey, field + " key");
        return new Unit(key(collection, id), field + "." + entryKey + ".",
                APPLIED_BY_ENTRY + "." + field + "." + entryKey);
    }

    /**
     * The state one partition key keeps in a document it shares with other keys (paths only its facts write, such
     * as {@code participants.<id>}), from which its facts compute increments (ADR 0042). Opening it in an event
     * replays the increments a batch cut by a crash journaled at this event's position (see {@link Ledger}).
     */
    public Ledger ledger(MongoCollection<Document> collection, String id, String ledgerKey) {
        return ledger(collection, id, ledgerKey, false);
    }

    /**
     * {@link #ledger}, written only while its version is as this batch read it when {@code compareAndSet}. Before
     * ADR 0043 the embedded server used the {@code _id} index only for a filter that is exactly {@code {_id}}, and a
     * compare-and-set cost a scan per written document (reporting's rebuild over 20,000 participant buckets did not
     * finish in five minutes, against 36 s without; ADR 0042); it now serves {@code {_id, version}} from the index.
     */
    public Ledger ledger(MongoCollection<Document> collection, String id, String ledgerKey, boolean compareAndSet) {
        Ledger ledger = new Ledger(key(collection, id), FieldNames.requireKey(ledgerKey, "ledger key"));
        ledger.open();
        if (compareAndSet) {
            ledger.changes().compareAndSet = true;
        }
        return ledger;
    }

    // ---------------------------------------------------------------- writes outside units

    /** Adds a member to a set field: idempotent and commutative, so any fact of any key may do it. */
    public void addToSet(MongoCollection<Document> collection, String id, String field, Object value) {
        changes(key(collection, id)).additions.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(value);
    }

    /** Sets a path that only facts of one key ever write (e.g. {@code participants.<id>.<pathwayId>}). */
    public void set(MongoCollection<Document> collection, String id, String path, Object value) {
        changes(key(collection, id)).sets.put(path, value);
    }

    /**
     * Adds {@code delta} to the number at {@code path} (absent counts as 0), once per event: skipped if the document
     * already holds the increments of this event's offset in its partition (see the class comment). Needs the
     * event's position ({@link #at}). The sum is not readable through the batch: counters are written, not read,
     * while a batch is applied.
     */
    public void increment(MongoCollection<Document> collection, String id, String path, long delta) {
        incremented(collection, id, path, delta);
    }

    /** {@link #increment}, saying whether the increment joins the batch (not zero, not already stored). */
    private boolean incremented(MongoCollection<Document> collection, String id, String path, long delta) {
        return incremented(key(collection, id), path, delta);
    }

    private boolean incremented(DocKey key, String path, long delta) {
        if (position == null) {
            throw new IllegalStateException("An increment needs the position of its event: call at() first");
        }
        if (delta == 0 || holds(key, position.partitionKey(), position.offset())) {
            return false;
        }
        Changes changes = changes(key);
        changes.increments.merge(path, delta, Long::sum);
        changes.incrementedUpTo.merge(INCREMENTED_UP_TO + "." + position.partitionKey(), position.offset(),
                Math::max);
        return true;
    }

    /** Whether a counter document, as this batch read it, holds the increments of that offset of that partition. */
    private boolean holds(DocKey counters, String partitionKey, long offset) {
        return at(stored(counters), INCREMENTED_UP_TO + "." + partitionKey) instanceof Number stored
                && stored.longValue() >= offset;
    }

    // ---------------------------------------------------------------- event boundaries

    /**
     * The position of the event about to be applied: its topic, partition and offset. A topic name holds only
     * letters, digits, dots, dashes and underscores, so the dots become {@code ~} in the watermark's field name.
     */
    public void at(String topic, int partition, long offset) {
        position = new Position(topic.replace('.', '~') + "#" + partition, offset);
    }

    /** The current event is applied: its staged writes join the batch. */
    public void keep() {
        if (eventMarker != null) {
            int markerRank = rank.get(eventMarker.collection());
            for (DocKey touched : event.keySet()) {
                if (!touched.equals(eventMarker) && rank.get(touched.collection()) >= markerRank) {
                    String message = "An event's marker must be in the last collection it writes: " + touched
                            + " is not before " + eventMarker;
                    drop();
                    throw new IllegalStateException(message);
                }
            }
        }
        event.forEach((key, changes) -> changes.mergeInto(batch.computeIfAbsent(key, k -> new Changes())));
        event.clear();
        undoOfEvent.clear();
        eventMarker = null;
        position = null;
    }

    /** The current event is refused: its staged writes are forgotten, its puts into maps taken back. */
    public void drop() {
        for (int i = undoOfEvent.size() - 1; i >= 0; i--) {
            undoOfEvent.get(i).run();
        }
        undoOfEvent.clear();
        event.clear();
        eventMarker = null;
        position = null;
    }

    /**
     * Stores the batch: one ordered bulk write per collection, in flush order, documents without a new marker
     * before those with one. Returns the number of documents written.
     */
    public int flush() {
        if (!event.isEmpty()) {
            throw new IllegalStateException("The last event was neither kept nor dropped");
        }
        Map<String, List<WriteModel<Document>>> byCollection = new LinkedHashMap<>();
        collections.keySet().forEach(name -> byCollection.put(name, new ArrayList<>()));
        List<Map.Entry<DocKey, Changes>> ordered = new ArrayList<>(batch.entrySet());
        ordered.sort((a, b) -> Boolean.compare(a.getValue().marked, b.getValue().marked));
        for (Map.Entry<DocKey, Changes> entry : ordered) {
            Document update = update(entry.getKey(), entry.getValue());
            if (!update.isEmpty()) { // a ledger opened, neither changed nor journaling, writes nothing
                byCollection.get(entry.getKey().collection()).add(new UpdateOneModel<>(
                        filter(entry.getKey(), entry.getValue()), update, UPSERT));
            }
        }
        int written = 0;
        for (Map.Entry<String, List<WriteModel<Document>>> writes : byCollection.entrySet()) {
            if (!writes.getValue().isEmpty()) {
                collections.get(writes.getKey()).bulkWrite(writes.getValue(), new BulkWriteOptions().ordered(true));
                written += writes.getValue().size();
                writtenByCollection.merge(writes.getKey(), writes.getValue().size(), Integer::sum);
            }
        }
        batch.clear();
        ownMaps.clear();
        return written;
    }

    /** Documents this batch stored, per collection: where a projection's writes go (for its benchmarks). */
    public Map<String, Integer> writtenByCollection() {
        return Map.copyOf(writtenByCollection);
    }

    /**
     * The document by {@code _id}; for one taking increments, also its watermarks as this batch read them. Every
     * other write is idempotent, but {@code $inc} is not: two consumers applying the same offsets at once (a
     * consumer that lost its partition in a rebalance, still flushing while the new owner re-applies) would both add.
     * With the watermarks in the filter, the second finds no document as it read it; its upsert then collides on
     * {@code _id} and fails the batch, which is retried, reads the new watermarks and skips what is stored.
     * Likewise for an entry written whole: the filter holds its markers as this batch read them.
     */
    private Bson filter(DocKey key, Changes changes) {
        Bson id = Filters.eq("_id", key.id());
        boolean documentMarked = changes.additions.containsKey(APPLIED);
        List<String> ledgers = writtenLedgers(changes);
        ledgers.removeIf(ledgerKey -> !changes.ledgers.get(ledgerKey).compareAndSet);
        if (changes.incrementedUpTo.isEmpty() && changes.entries.isEmpty() && !documentMarked && ledgers.isEmpty()) {
            return id;
        }
        List<Bson> asRead = new ArrayList<>();
        asRead.add(id);
        for (String watermark : changes.incrementedUpTo.keySet()) {
            asRead.add(at(stored(key), watermark) instanceof Number offset
                    ? Filters.eq(watermark, offset.longValue()) : Filters.exists(watermark, false));
        }
        // An entry is written whole from what this batch read of it (ADR 0032), so the write holds only while the
        // entry's markers are still those it read: a consumer that lost the partition, flushing after the new
        // owner stored more of the entry, fails instead of putting the entry back (ADR 0036).
        for (String markers : changes.entries.values()) {
            Object read = at(stored(key), markers);
            asRead.add(read == null ? Filters.exists(markers, false) : Filters.eq(markers, read));
        }
        // Likewise a whole-document unit: its fields are set from what this batch read, so its markers (only ever
        // added to, by its key's one writer) must still be those it read.
        if (documentMarked) {
            Object read = at(stored(key), APPLIED);
            asRead.add(read == null ? Filters.exists(APPLIED, false) : Filters.eq(APPLIED, read));
        }
        // A ledger asked for a compare-and-set is written only while its version is the one this batch read (ADR
        // 0042): a consumer that lost the partition cannot put back the key's state, nor its journal, over the new
        // owner's.
        for (String ledgerKey : ledgers) {
            String version = LEDGER + "." + ledgerKey + ".v";
            Object read = at(stored(key), version);
            asRead.add(read == null ? Filters.exists(version, false) : Filters.eq(version, read));
        }
        return Filters.and(asRead);
    }

    /**
     * The update of one document. An entry unit is written whole: one {@code $set} of the entry as the batch leaves
     * it and one of its marker list, instead of a {@code $set} per field and an {@code $addToSet} of markers. The
     * embedded server handles every path of an update on its own (profiled: most of a rebuild's time), and an entry
     * has one writer (its key's facts, read with the batch), so the whole entry is what the paths would make of it.
     */
    private Document update(DocKey key, Changes changes) {
        Map<String, Object> sets = new LinkedHashMap<>(changes.sets);
        for (String ledgerKey : writtenLedgers(changes)) {
            String path = LEDGER + "." + ledgerKey;
            long version = at(stored(key), path + ".v") instanceof Number read ? read.longValue() : 0;
            sets.put(path + ".v", version + 1);
            sets.put(path + ".j", journal(key, ledgerKey, changes.ledgers.get(ledgerKey)));
        }
        Map<String, Set<Object>> additions = new LinkedHashMap<>(changes.additions);
        changes.entries.forEach((entryPath, markersPath) -> {
            Document entry = null;
            String fields = entryPath + ".";
            for (var written = sets.entrySet().iterator(); written.hasNext(); ) {
                Map.Entry<String, Object> set = written.next();
                if (set.getKey().startsWith(fields)) {
                    if (entry == null) {
                        entry = copy(at(stored(key), entryPath));
                    }
                    putAt(entry, set.getKey().substring(fields.length()), set.getValue());
                    written.remove();
                }
            }
            if (entry != null) {
                sets.put(entryPath, entry);
            }
            Set<Object> markers = additions.remove(markersPath);
            if (markers != null) {
                List<String> applied = new ArrayList<>(markers.size());
                markers.forEach(marker -> applied.add(marker.toString()));
                sets.put(markersPath, EventMarkers.append(at(stored(key), markersPath), applied));
            }
        });
        Document set = new Document(sets);
        Document update = new Document();
        if (!set.isEmpty()) {
            update.append("$set", set);
        }
        if (!additions.isEmpty()) {
            Document addToSet = new Document();
            additions.forEach((field, values) -> addToSet.append(field, new Document("$each", List.copyOf(values))));
            update.append("$addToSet", addToSet);
        }
        if (!changes.increments.isEmpty()) {
            update.append("$inc", new Document(new LinkedHashMap<>(changes.increments)));
        }
        if (!changes.incrementedUpTo.isEmpty()) {
            // $max, not $set: the sums and their watermark move together, and a watermark never goes back.
            update.append("$max", new Document(new LinkedHashMap<>(changes.incrementedUpTo)));
        }
        return update;
    }

    /** The ledgers of a document this batch must write: changed, or holding increments to journal. */
    private static List<String> writtenLedgers(Changes changes) {
        List<String> written = new ArrayList<>();
        changes.ledgers.forEach((ledgerKey, ledger) -> {
            if (ledger.changed || !ledger.journal.isEmpty()) {
                written.add(ledgerKey);
            }
        });
        return written;
    }

    /**
     * A ledger's journal as it is written: this batch's entries, and the stored ones still needed, i.e. neither
     * replayed by this batch (its entries hold them) nor already held by their counter document as this batch read
     * it (the watermark covers their offset). So a journal holds about one batch's increments of its key.
     */
    private List<Document> journal(DocKey key, String ledgerKey, LedgerChanges changes) {
        Map<JournalKey, Map<String, Long>> entries = new LinkedHashMap<>(changes.journal);
        storedJournal(key, ledgerKey).forEach((entry, deltas) -> {
            if (!changes.replayed.contains(entry) && !entries.containsKey(entry)
                    && !holds(new DocKey(entry.collection(), entry.id()), entry.partitionKey(), entry.offset())) {
                entries.put(entry, deltas);
            }
        });
        List<Document> written = new ArrayList<>(entries.size());
        entries.forEach((entry, deltas) -> {
            StringBuilder encoded = new StringBuilder();
            deltas.forEach((path, delta) -> encoded.append(encoded.isEmpty() ? "" : ";").append(path).append('=')
                    .append(delta));
            written.add(new Document("p", entry.partitionKey()).append("o", entry.offset())
                    .append("c", entry.collection()).append("i", entry.id()).append("d", encoded.toString()));
        });
        return written;
    }

    /** The journal of a ledger as stored (before this batch). */
    private Map<JournalKey, Map<String, Long>> storedJournal(DocKey key, String ledgerKey) {
        Map<JournalKey, Map<String, Long>> entries = new LinkedHashMap<>();
        if (at(stored(key), LEDGER + "." + ledgerKey + ".j") instanceof Collection<?> stored) {
            for (Object value : stored) {
                Document entry = (Document) value;
                Map<String, Long> deltas = new LinkedHashMap<>();
                for (String pair : entry.getString("d").split(";")) {
                    int at = pair.lastIndexOf('=');
                    deltas.put(pair.substring(0, at), Long.parseLong(pair.substring(at + 1)));
                }
                entries.put(new JournalKey(entry.getString("p"), ((Number) entry.get("o")).longValue(),
                        entry.getString("c"), entry.getString("i")), deltas);
            }
        }
        return entries;
    }

    /** A copy of a stored entry to write whole (nested documents copied where a path goes through them). */
    private static Document copy(Object stored) {
        return stored instanceof Document document ? new Document(document) : new Document();
    }

    private static void putAt(Document entry, String path, Object value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            entry.put(path, value);
            return;
        }
        String field = path.substring(0, dot);
        Document nested = copy(entry.get(field));
        entry.put(field, nested);
        putAt(nested, path.substring(dot + 1), value);
    }

    // ---------------------------------------------------------------- state as the batch sees it

    private DocKey key(MongoCollection<Document> collection, String id) {
        String name = collection.getNamespace().getCollectionName();
        if (!collections.containsKey(name)) {
            throw new IllegalArgumentException("Collection " + name + " is not in this projection's flush order");
        }
        return new DocKey(name, FieldNames.requireId(id, "document id"));
    }

    private Changes changes(DocKey key) {
        return event.computeIfAbsent(key, k -> new Changes());
    }

    private Document stored(DocKey key) {
        Document document = stored.get(key);
        if (document == null) {
            document = collections.get(key.collection()).find(Filters.eq("_id", key.id())).first();
            document = document == null ? ABSENT : document;
            stored.put(key, document);
        }
        return document;
    }

    /** A path's value: the current event's write, else the batch's, else the stored one; set members added. */
    private Object valueOf(DocKey key, String path) {
        Changes current = event.get(key);
        Changes earlier = batch.get(key);
        Object value;
        if (current != null && current.sets.containsKey(path)) {
            value = current.sets.get(path);
        } else if (earlier != null && earlier.sets.containsKey(path)) {
            value = earlier.sets.get(path);
        } else {
            value = at(stored(key), path);
        }
        Set<Object> addedEarlier = earlier == null ? null : earlier.additions.get(path);
        Set<Object> addedNow = current == null ? null : current.additions.get(path);
        if (addedEarlier == null && addedNow == null) {
            return value;
        }
        Set<Object> added = new LinkedHashSet<>();
        if (addedEarlier != null) {
            added.addAll(addedEarlier);
        }
        if (addedNow != null) {
            added.addAll(addedNow);
        }
        if (added.isEmpty()) {
            return value;
        }
        List<Object> members = value instanceof Collection<?> list ? new ArrayList<>(list) : new ArrayList<>();
        for (Object member : added) {
            if (!members.contains(member)) {
                members.add(member);
            }
        }
        return members;
    }

    /** The value at a dotted path, walked field by field (read for every unit access: no split array). */
    private static Object at(Document document, String path) {
        Object value = document;
        int from = 0;
        while (true) {
            if (!(value instanceof Document d)) {
                return null;
            }
            int dot = path.indexOf('.', from);
            value = d.get(dot < 0 ? path.substring(from) : path.substring(from, dot));
            if (dot < 0) {
                return value;
            }
            from = dot + 1;
        }
    }

    /**
     * One unit: a document or one entry of it, read and written through the batch. Field names given here are
     * relative to the unit and written as they are.
     */
    public final class Unit {

        private final DocKey key;
        private final String prefix;
        private final String markers;
        /** The entry's own path (the prefix without its dot); null for a whole document. */
        private final String entryPath;

        private Unit(DocKey key, String prefix, String markers) {
            this.key = key;
            this.prefix = prefix;
            this.markers = markers;
            this.entryPath = prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1);
        }

        /** Changes of this unit's document in the current event, noting an entry unit so it is written whole. */
        private Changes changes() {
            Changes changes = ProjectionBatch.this.changes(key);
            if (entryPath != null) {
                changes.entries.putIfAbsent(entryPath, markers);
            }
            return changes;
        }

        public String id() {
            return key.id();
        }

        public boolean hasApplied(String eventId) {
            return pendingMarker(event.get(key), eventId) || pendingMarker(batch.get(key), eventId)
                    || storedMarkersHold(at(stored(key), markers), eventId);
        }

        private boolean storedMarkersHold(Object stored, String eventId) {
            return stored instanceof Binary packed
                    ? EventMarkers.packedContains(packedMarkers.computeIfAbsent(packed, Binary::getData), eventId)
                    : EventMarkers.contains(stored, eventId);
        }

        private boolean pendingMarker(Changes changes, String eventId) {
            return changes != null && changes.additions.getOrDefault(markers, Set.of()).contains(eventId);
        }

        /**
         * Applies {@code effect} to this unit and marks the event applied, unless the unit already applied it.
         * Writes outside the unit that belong to the same fact go inside {@code effect} too, so a fact already
         * applied writes nothing at all. Returns whether the effect ran.
         */
        public boolean applyOnce(String eventId, Consumer<Unit> effect) {
            Objects.requireNonNull(eventId, "eventId");
            if (hasApplied(eventId)) {
                return false;
            }
            if (eventMarker != null && !eventMarker.equals(key)) {
                throw new IllegalStateException("An event marks one unit only");
            }
            effect.accept(this);
            Changes changes = changes();
            changes.additions.computeIfAbsent(markers, f -> new LinkedHashSet<>()).add(eventId);
            changes.marked = true;
            eventMarker = key;
            return true;
        }

        public Object get(String field) {
            return valueOf(key, prefix + field);
        }

        public String getString(String field) {
            Object value = get(field);
            return value == null ? null : value.toString();
        }

        /** The list in {@code field}, or an empty one; a copy the caller may change. */
        public <T> List<T> getList(String field, Class<T> type) {
            List<T> members = new ArrayList<>();
            if (get(field) instanceof Collection<?> values) {
                values.forEach(v -> members.add(type.cast(v)));
            }
            return members;
        }

        public Unit set(String field, Object value) {
            changes().sets.put(prefix + field, value);
            return this;
        }

        /**
         * Puts {@code key} → {@code value} into the map in {@code field}, as setting the whole map with that key
         * changed would, without copying the map for every event: the batch's first event to put into it copies it
         * (a stored document is never changed), later events change that copy in place, and a dropped event's puts
         * are taken back. Such a map grows with the entry's history (a pathway's weeks): a copy per fact made each
         * fact cost that history, and a batch holding many facts of one entry its square.
         */
        public Unit putIn(String field, String key, Object value) {
            Object visible = get(field);
            Document map;
            if (visible instanceof Document own && ownMaps.contains(own)) {
                map = own;
                boolean had = map.containsKey(key);
                Object before = map.get(key);
                undoOfEvent.add(() -> {
                    if (had) {
                        map.put(key, before);
                    } else {
                        map.remove(key);
                    }
                });
            } else {
                map = new Document();
                if (visible instanceof Map<?, ?> stored) {
                    stored.forEach((k, v) -> map.put(k.toString(), v));
                }
                ownMaps.add(map);
            }
            map.put(key, value);
            return set(field, map);
        }

        /** Adds a member to a list field of the unit (read, add, set: the unit has one writer). */
        public Unit addToList(String field, Object member) {
            List<Object> members = getList(field, Object.class);
            if (!members.contains(member)) {
                members.add(member);
                set(field, members);
            }
            return this;
        }
    }

    /**
     * The state of one partition key in a document shared with other keys, written only by that key's facts, and
     * from which those facts compute increments of counter documents (ADR 0042: reporting's participant). Two
     * guarantees that paths written with {@link ProjectionBatch#set} do not have:
     * <ul>
     *   <li><b>Compare-and-set, when asked for.</b> The document's update holds, in its filter, the ledger's version as this batch
     *   read it, and moves it on: a consumer that lost the partition, flushing after the new owner stored the key's
     *   later facts, fails (its upsert collides on {@code _id}, a transient failure) instead of putting back the
     *   state every later increment is computed from.</li>
     *   <li><b>Increments journaled with the state.</b> The increments computed through the ledger are written, by the
     *   same single-document update as the state, into the ledger's journal, under the first position at which the
     *   batch opened the ledger in each topic partition; its collection is stored before the counters'. A crash
     *   between the two leaves the state and its journal; delivered again, the fact at that position opens the
     *   ledger and replays the journal's increments (skipped by the counters' watermarks where stored), while the
     *   facts already in the state compute no change. So the increments stored always telescope to the stored
     *   state, whatever the interleaving of the key's topics on redelivery (a crash after the counters and before
     *   the state, the order ADR 0031 had, let a redelivery interleaving two topics otherwise compute increments
     *   from another history).</li>
     * </ul>
     */
    public final class Ledger {

        private final DocKey key;
        private final String ledgerKey;

        private Ledger(DocKey key, String ledgerKey) {
            this.key = key;
            this.ledgerKey = ledgerKey;
        }

        /** Notes the first position of this partition, and replays the stored journal's entries at this one. */
        private void open() {
            if (position == null) {
                return;
            }
            firstOpened(position.partitionKey());
            storedJournal(key, ledgerKey).forEach((entry, deltas) -> {
                if (entry.partitionKey().equals(position.partitionKey()) && entry.offset() == position.offset()
                        && !replayed(entry)) {
                    changes().replayed.add(entry);
                    deltas.forEach((path, delta) -> journal(new DocKey(entry.collection(), entry.id()), path, delta));
                }
            });
        }

        private boolean replayed(JournalKey entry) {
            LedgerChanges earlier = earlier();
            return changes().replayed.contains(entry) || earlier != null && earlier.replayed.contains(entry);
        }

        private long firstOpened(String partitionKey) {
            LedgerChanges earlier = earlier();
            Long first = earlier == null ? null : earlier.firstOpened.get(partitionKey);
            return first != null ? first : changes().firstOpened.computeIfAbsent(partitionKey, p -> position.offset());
        }

        private LedgerChanges earlier() {
            Changes earlier = batch.get(key);
            return earlier == null ? null : earlier.ledgers.get(ledgerKey);
        }

        /** This ledger's changes in the current event. */
        private LedgerChanges changes() {
            return ProjectionBatch.this.changes(key).ledgers.computeIfAbsent(ledgerKey, k -> new LedgerChanges());
        }

        /** A path of the document, as this batch sees it. */
        public Object get(String path) {
            return valueOf(key, path);
        }

        /** Sets a path of the document that only this ledger's key writes. */
        public Ledger set(String path, Object value) {
            ProjectionBatch.this.changes(key).sets.put(path, value);
            changes().changed = true;
            return this;
        }

        /** {@link ProjectionBatch#increment}, journaled with this ledger's state (see the class comment). */
        public void increment(MongoCollection<Document> counters, String id, String path, long delta) {
            journal(ProjectionBatch.this.key(counters, id), path, delta);
        }

        private void journal(DocKey counters, String path, long delta) {
            if (rank.get(counters.collection()) <= rank.get(key.collection())) {
                throw new IllegalStateException("A ledger's collection must be stored before the counters it "
                        + "journals: " + key.collection() + " is not before " + counters.collection());
            }
            if (path.indexOf(';') >= 0 || path.indexOf('=') >= 0) {
                throw new IllegalArgumentException("A journaled counter path holds neither ';' nor '=': " + path);
            }
            if (incremented(counters, path, delta)) {
                JournalKey entry = new JournalKey(position.partitionKey(), firstOpened(position.partitionKey()),
                        counters.collection(), counters.id());
                changes().journal.computeIfAbsent(entry, e -> new LinkedHashMap<>()).merge(path, delta, Long::sum);
            }
        }
    }
}
