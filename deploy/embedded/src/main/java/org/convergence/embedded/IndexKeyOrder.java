package org.convergence.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The order of the H2 backend's index keys, unchanged, at a fraction of its cost. The library stores index keys
 * ({@link KeyValue}) with H2's generic object type, which orders objects it does not know by their Java
 * serialization: every comparison of a lookup's binary search serialized both keys, about 17 comparisons and 34
 * serializations per {@code _id} lookup or insert, 40 % of the stack database's CPU under the ingestion benchmark
 * (ADR 0043). Here each key is serialized once per thread while it stays in a small cache of recently compared
 * keys (the lookup's own key, the upper pages' keys), and compared exactly as H2 compares them: the same bytes in
 * the same order, so files written before and after read the same.
 */
final class IndexKeyOrder extends ObjectDataType {

    /** Keys are immutable and compared by identity here; the cache is dropped whole when it grows past this. */
    private static final int CACHED_KEYS = 4_096;

    private static final ThreadLocal<Map<Object, byte[]>> SERIALIZED =
            ThreadLocal.withInitial(() -> new IdentityHashMap<>(CACHED_KEYS * 2));

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue && b instanceof KeyValue) {
            // What H2 does for two objects of a type it does not know and that are not Comparable (KeyValue is not).
            return compareNotNull(serialized(a), serialized(b));
        }
        return super.compare(a, b);
    }

    private static byte[] serialized(Object key) {
        Map<Object, byte[]> cache = SERIALIZED.get();
        byte[] bytes = cache.get(key);
        if (bytes == null) {
            if (cache.size() >= CACHED_KEYS) {
                cache.clear();
            }
            bytes = serialize(key);
            cache.put(key, bytes);
        }
        return bytes;
    }
}
