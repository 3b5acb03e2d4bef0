package org.convergence.embedded;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Queries that name one exact {@code _id} besides other conditions ({@code {_id: X, watermark: 5}}, or the same
 * under {@code $and}): the library serves a query from an index only when its fields are exactly the index's, so
 * it scanned the whole collection for these, and every guarded update of a read model ({@code _id} plus the
 * markers it read, ADR 0036) or lease renewal did such a scan (ADR 0043). At most one document can match, the one
 * with that {@code _id}: it is looked up in the {@code _id} index and the whole query is then checked against it,
 * so the answer is the scan's.
 */
final class ExactIdQueries {

    /** Whole-collection scans by this process's collections: how tests see that a query was served by the index. */
    static final java.util.concurrent.atomic.LongAdder SCANS = new java.util.concurrent.atomic.LongAdder();
    /** Documents checked against a non-empty query by this process's collections (tests read it). */
    static final java.util.concurrent.atomic.LongAdder CHECKS = new java.util.concurrent.atomic.LongAdder();

    private ExactIdQueries() {
    }

    /**
     * The index lookup of the only document that can match {@code query}, as {@code {_id: X}}; null when the query
     * names no exact {@code _id} or only {@code _id} (the library serves that one itself).
     */
    static Document idLookupOf(Document query) {
        if (query == null || query.size() == 1 && query.containsKey("_id")) {
            return null;
        }
        Object id = exactId(query);
        return id == null ? null : new Document("_id", id);
    }

    /**
     * True for {@code {_id: {$in: [plain values]}}}, the batch reads of the event store, the relay and the read
     * models. The library serves it from the index, then checks each document found against the whole {@code $in}
     * list again (normalizing the list at every comparison): n² for n ids, 18 % of the stack database's CPU with
     * batches of 2,000 (ADR 0043). A document the index found for one of these values is one the query matches.
     */
    static boolean isIdInOnly(Document query) {
        if (query == null || query.size() != 1 || !(query.get("_id") instanceof Document operator)
                || operator.size() != 1 || !(operator.get("$in") instanceof Collection<?> values)) {
            return false;
        }
        for (Object value : values) {
            if (!isLiteral(value)) {
                return false;
            }
        }
        return true;
    }

    /** What a collection's {@code matchDocuments(query, positions, ...)} does with the positions an index found. */
    @FunctionalInterface
    interface PositionsMatcher<P> {
        QueryResult match(Document query, Iterable<P> positions);
    }

    /**
     * A collection's query, served from its {@code _id} index when it names exact {@code _id}s (see above), else by
     * {@code library} (the backend's own {@code queryDocuments}). Shared by the in-memory and H2 collections, whose
     * library classes have no common parent to put it in.
     */
    static <P> QueryResult serve(Document query, List<Index<P>> indexes, PositionsMatcher<P> matcher,
                                 Supplier<QueryResult> library) {
        if (isIdInOnly(query)) {
            Index<P> idIndex = idIndexOf(indexes, query);
            if (idIndex != null) {
                // Every document the index finds matches: not checked against the whole list again.
                return matcher.match(new Document(), idIndex.getPositions(query));
            }
        }
        Document idLookup = idLookupOf(query);
        Index<P> idIndex = idLookup == null ? null : idIndexOf(indexes, idLookup);
        if (idIndex == null) {
            return library.get();
        }
        return matcher.match(query, idIndex.getPositions(idLookup));
    }

    /** The first index that answers an exact {@code _id} lookup; null if there is none. */
    static <P> Index<P> idIndexOf(List<Index<P>> indexes, Document idLookup) {
        for (Index<P> index : indexes) {
            if (index.canHandle(idLookup)) {
                return index;
            }
        }
        return null;
    }

    private static Object exactId(Document query) {
        Object id = query.get("_id");
        if (isLiteral(id)) {
            return id;
        }
        if (query.get("$and") instanceof Collection<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document document && isLiteral(document.get("_id"))) {
                    return document.get("_id");
                }
            }
        }
        return null;
    }

    /** A plain value: not an operator document, not an embedded document or array (kept on the scan path). */
    private static boolean isLiteral(Object value) {
        return value != null && !(value instanceof Map<?, ?>) && !(value instanceof Collection<?>)
                && !value.getClass().isArray() && !(value instanceof de.bwaldvogel.mongo.backend.Missing);
    }
}
