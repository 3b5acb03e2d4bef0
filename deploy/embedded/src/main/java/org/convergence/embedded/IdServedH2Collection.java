package org.convergence.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/** An H2 collection that serves queries naming an exact {@code _id} from its {@code _id} index ({@link ExactIdQueries}). */
final class IdServedH2Collection extends H2Collection {

    IdServedH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                         MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        return ExactIdQueries.serve(query, getIndexes(), (served, positions) -> matchDocuments(served, positions,
                orderBy, skip, limit, batchSize, fieldSelector),
                () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector));
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        if (!query.isEmpty()) {
            ExactIdQueries.CHECKS.increment();
        }
        return super.documentMatchesQuery(document, query);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        ExactIdQueries.SCANS.increment();
        return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }
}
