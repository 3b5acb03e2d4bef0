package org.convergence.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/** The in-memory backend, serving queries naming an exact {@code _id} from the {@code _id} index ({@link ExactIdQueries}). */
final class IdServedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    private static final class Database extends MemoryDatabase {

        Database(String name, CursorRegistry cursors) {
            super(name, cursors);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new Collection(this, collectionName, options, cursorRegistry);
        }
    }

    private static final class Collection extends MemoryCollection {

        Collection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
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
}
