package org.convergence.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * The library's H2 backend with three costs of its hot paths removed, same files: index keys compared
 * without serializing them at every step ({@link IndexKeyOrder}), queries naming an exact {@code _id} among other
 * conditions served from the {@code _id} index ({@link IdServedH2Collection}) (ADR 0043), and documents stored as
 * BSON instead of Java serialization ({@link BsonDocumentType}, ADR 0049). The map names are the library's
 * ({@code databases.<ns>}, {@code meta.<ns>}, {@code <ns>._index_<name>}).
 */
final class IndexedH2Backend extends H2Backend {

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** A collection's documents, stored as BSON (ADR 0049); opened before anything else opens the map by its name. */
    static MVMap<Object, Document> openDocuments(MVStore store, String mapName) {
        return store.openMap(mapName, new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
    }

    /** A unique index's keys, in their order and stored form ({@link IndexKeyOrder}). */
    static MVMap<KeyValue, Object> openIndex(MVStore store, String mapName) {
        return store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
    }

    /** Opens any of the backend's maps with the types it is written with: documents, index keys, or H2's own. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static MVMap<Object, Object> openAny(MVStore store, String mapName) {
        if (mapName.startsWith("databases.")) {
            return (MVMap) openDocuments(store, mapName);
        }
        if (mapName.contains("._index_")) {
            return (MVMap) openIndex(store, mapName);
        }
        return store.openMap(mapName);
    }

    private static final class Database extends H2Database {

        private MVStore store;

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors); // opens nothing through this class yet: store is still null (see below)
            this.store = store;
            initializeNamespacesAndIndexes();
        }

        @Override
        protected void initializeNamespacesAndIndexes() {
            // H2Database's constructor calls this before this class's fields are set; it runs once they are.
            if (store != null) {
                super.initializeNamespacesAndIndexes();
            }
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            // Opened first with the key order, so that H2Database's openMap(name) finds this map already open.
            openIndex(store, getFullCollectionNamespace(collectionName) + "._index_" + indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new IdServedH2Collection(this, collectionName, options, openDocuments(store, "databases." + namespace),
                    store.openMap("meta." + namespace), cursorRegistry);
        }
    }
}
