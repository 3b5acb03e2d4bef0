package org.convergence.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The order of the H2 backend's index keys, unchanged, at a fraction of its cost, and their stored form. The library
 * stores index keys ({@link KeyValue}) with H2's generic object type, which orders objects it does not know by their
 * Java serialization: every comparison of a lookup's binary search serialized both keys, about 17 comparisons and 34
 * serializations per {@code _id} lookup or insert, 40 % of the stack database's CPU under the ingestion benchmark
 * (ADR 0043). Here keys of one string or number are not serialized at all: {@link SerializedKeyOrder} works out the
 * order of their serializations (ADR 0049); any other key is serialized once per thread while it stays in a small
 * cache of recently compared keys (the lookup's own key, the upper pages' keys), and compared exactly as H2 compares
 * them. Same order, so files written before and after read the same.
 * <p>
 * Stored form (ADR 0049): a key whose elements H2 writes natively and reads back as the same classes (strings,
 * integers, longs, doubles, booleans, UUIDs, null) is written as the tag {@link #TAG}, the element count and each
 * element as {@code ObjectDataType} writes it, instead of its Java serialization (about 150 bytes of class
 * descriptors per key); any other key, and every key of an old page, is written and read as before. The stored form
 * does not decide the order: {@link #compare} does, on the objects.
 */
final class IndexKeyOrder extends ObjectDataType {

    /** Never the first byte of a value {@code ObjectDataType} writes (its tags are 0..119), nor the documents' tag. */
    static final byte TAG = (byte) 0xB6;

    /** Keys are immutable and compared by identity here; the cache is dropped whole when it grows past this. */
    private static final int CACHED_KEYS = 4_096;

    private static final ThreadLocal<Map<Object, byte[]>> SERIALIZED =
            ThreadLocal.withInitial(() -> new IdentityHashMap<>(CACHED_KEYS * 2));

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            // The common keys (one string or number) in the order of their serializations, without serializing;
            // any other key as H2 compares two objects of a type it does not know and that are not Comparable
            // (KeyValue is not): by their serialized bytes.
            int order = SerializedKeyOrder.compare(x, y);
            return order != SerializedKeyOrder.UNDECIDED ? order : compareNotNull(serialized(a), serialized(b));
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buff, Object key) {
        if (key instanceof KeyValue keyValue && storedNatively(keyValue)) {
            buff.put(TAG).putVarInt(keyValue.size());
            for (Object element : keyValue) {
                super.write(buff, element);
            }
            return;
        }
        super.write(buff, key);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != TAG) {
            return super.read(buff);
        }
        buff.get();
        int size = DataUtils.readVarInt(buff);
        if (size < 1) {
            throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT, "Index key of {0} elements", size);
        }
        List<Object> elements = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            elements.add(super.read(buff));
        }
        return new KeyValue(elements);
    }

    @Override
    public int getMemory(Object key) {
        if (key instanceof KeyValue keyValue) {
            // What H2's page cache counts: the key, its list, its elements (not ObjectDataType's average of twice the
            // serialized sizes, which keys written in the compact form no longer feed).
            long memory = 16 + 40 + 4L * keyValue.size();
            for (Object element : keyValue) {
                memory += BsonDocumentType.memoryOf(element);
            }
            return (int) Math.min(Integer.MAX_VALUE, memory);
        }
        return super.getMemory(key);
    }

    /**
     * Whether every element is of a class {@code ObjectDataType} writes natively and reads back as the same class, and
     * the key's Java serialization depends on its values alone, so that it orders the same once read back: no element
     * equal to another (Java serialization writes a second reference to one object as a back-reference, and reading
     * back from this form makes separate objects) nor to the string its class descriptor holds.
     */
    static boolean storedNatively(KeyValue key) {
        for (int i = 0; i < key.size(); i++) {
            Object element = key.get(i);
            if (element != null) {
                Class<?> type = element.getClass();
                if (type != String.class && type != Integer.class && type != Long.class && type != Double.class
                        && type != Boolean.class && type != UUID.class
                        || SerializedKeyOrder.WRITTEN_BEFORE_THE_ELEMENT.equals(element)) {
                    return false;
                }
            }
            for (int j = 0; j < i; j++) {
                if (Objects.equals(element, key.get(j))) {
                    return false;
                }
            }
        }
        return true;
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
