package org.convergence.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The value type of the H2 backend's document maps ({@code databases.<ns>}): a document is written as one tag byte
 * and its BSON bytes instead of its Java serialization (ADR 0049). Java serialization of documents was about
 * 37 % of the embedded server's CPU on the ingestion path: writing the pages a commit changed, and reading back the
 * pages the next writes touch.
 * <p>
 * Same files, no migration: H2's {@link ObjectDataType} writes each value of a page behind a tag byte of its own, and
 * every tag it writes is in 0..119 ({@code ObjectDataType.read} rejects any other); {@link #TAG} is negative, so a
 * value starting with it is ours and anything else is read by {@code ObjectDataType} as before. Old pages, new pages
 * and pages mixing both read alike.
 * <p>
 * A document is written as BSON only if BSON gives back exactly what was stored ({@link #exactInBson}): the library's
 * own value types, {@code ArrayList}s and {@code Document}s, instants in whole milliseconds, well-formed strings, and
 * field names without NUL. Anything else (a {@code java.util.Date}, a {@code Float}, a sub-millisecond instant from
 * {@code $currentDate}, another collection class...) makes the whole document go through {@code ObjectDataType}
 * as before, tagged as before.
 */
final class BsonDocumentType extends ObjectDataType {

    /** Never the first byte of a value {@code ObjectDataType} writes (its tags are 0..119). */
    static final byte TAG = (byte) 0xB5;

    /** Documents written or read in the Java-serialized form since start (tests and operators). */
    static final LongAdder SERIALIZED = new LongAdder();

    /** A scratch buffer per thread, dropped when a large document made it grow past this. */
    private static final int KEPT_SCRATCH_BYTES = 1 << 20;

    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4_096));

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (value instanceof Document document && exactInBson(document)) {
            ByteBuf scratch = SCRATCH.get();
            try {
                scratch.clear();
                BsonEncoder.encodeDocument(document, scratch);
                if (scratch.readableBytes() <= BsonConstants.MAX_BSON_OBJECT_SIZE) {
                    buff.put(TAG).put(scratch.array(), scratch.arrayOffset() + scratch.readerIndex(),
                            scratch.readableBytes());
                    return;
                }
            } finally {
                if (scratch.capacity() > KEPT_SCRATCH_BYTES) {
                    SCRATCH.remove();
                }
            }
        }
        SERIALIZED.increment();
        super.write(buff, value);
    }

    @Override
    public Object read(ByteBuffer buff) {
        int start = buff.position();
        if (buff.get(start) != TAG) {
            if (buff.get(start) == 19) { // ObjectDataType.TYPE_SERIALIZED_OBJECT
                SERIALIZED.increment();
            }
            return super.read(buff);
        }
        int length = littleEndianInt(buff, start + 1);
        if (length < 5 || length > buff.limit() - start - 1) {
            throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT, "BSON document of {0} bytes at {1}",
                    length, start);
        }
        ByteBuf bson = buff.hasArray()
                ? Unpooled.wrappedBuffer(buff.array(), buff.arrayOffset() + start + 1, length)
                : Unpooled.wrappedBuffer(copy(buff, start + 1, length));
        Document document = BsonDecoder.decodeBson(bson);
        if (bson.readerIndex() != length) {
            throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT, "BSON document of {0} bytes read as {1}",
                    length, bson.readerIndex());
        }
        buff.position(start + 1 + length);
        return document;
    }

    @Override
    public int getMemory(Object value) {
        if (value instanceof Document document) {
            return (int) Math.min(Integer.MAX_VALUE, memoryOf(document));
        }
        return super.getMemory(value);
    }

    /** Whether BSON (the library's encoder and decoder) gives back a document equal to this one, of the same types. */
    static boolean exactInBson(Document document) {
        for (Map.Entry<String, Object> field : document.entrySet()) {
            String name = field.getKey();
            if (name == null || !isCString(name) || !exactValue(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean exactValue(Object value) {
        if (value == null) {
            return true;
        }
        Class<?> type = value.getClass();
        if (type == String.class) {
            return isWellFormed((String) value);
        }
        if (type == Integer.class || type == Long.class || type == Double.class || type == Boolean.class
                || type == ObjectId.class || type == BsonTimestamp.class || type == Decimal128.class
                || type == UUID.class || type == LegacyUUID.class || type == BinData.class
                || type == MaxKey.class || type == MinKey.class) {
            // Doubles are written as their raw bits (NaN payloads and -0.0 kept); the others are fixed-size fields.
            return true;
        }
        if (type == Document.class) {
            return exactInBson((Document) value);
        }
        if (type == ArrayList.class) {
            for (Object element : (ArrayList<?>) value) {
                if (!exactValue(element)) {
                    return false;
                }
            }
            return true;
        }
        if (type == Instant.class) {
            return wholeMillis((Instant) value);
        }
        if (type == BsonRegularExpression.class) {
            BsonRegularExpression regex = (BsonRegularExpression) value;
            return isCString(regex.getPattern()) && isCString(regex.getOptions());
        }
        if (type == BsonJavaScript.class) {
            return isWellFormed(((BsonJavaScript) value).getCode());
        }
        return false;
    }

    /** BSON dates are milliseconds: a finer instant ({@code $currentDate} takes the clock's) would lose its rest. */
    private static boolean wholeMillis(Instant instant) {
        if (instant.getNano() % 1_000_000 != 0) {
            return false;
        }
        try {
            instant.toEpochMilli();
            return true;
        } catch (ArithmeticException outOfRange) {
            return false;
        }
    }

    /** Field names and regular expressions are NUL-terminated in BSON. */
    private static boolean isCString(String text) {
        return text != null && text.indexOf('\0') < 0 && isWellFormed(text);
    }

    /** A string UTF-8 can carry: no lone surrogate (the encoder would write '?' for it). */
    static boolean isWellFormed(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Heap bytes a decoded document holds, roughly (64-bit JVM, compressed pointers): what H2's page cache counts.
     * H2 samples it ({@code isMemoryEstimationAllowed}), so walking the document is not on every write.
     */
    static long memoryOf(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Document document) {
            // Document, its LinkedHashMap and table, an entry per field.
            long memory = 16 + 56 + 16 + 8L * Integer.highestOneBit(Math.max(1, document.size()) * 2);
            for (Map.Entry<String, Object> field : document.entrySet()) {
                memory += 40 + memoryOf(field.getKey()) + memoryOf(field.getValue());
            }
            return memory;
        }
        if (value instanceof String text) {
            return 24 + 16 + text.length();
        }
        if (value instanceof ArrayList<?> list) {
            long memory = 24 + 16 + 4L * list.size();
            for (Object element : list) {
                memory += memoryOf(element);
            }
            return memory;
        }
        if (value instanceof Integer || value instanceof Boolean) {
            return 16;
        }
        if (value instanceof Long || value instanceof Double || value instanceof Instant
                || value instanceof BsonTimestamp) {
            return 24;
        }
        if (value instanceof BinData binData) {
            return 16 + 16 + binData.getData().length;
        }
        // ObjectId, Decimal128, UUID, LegacyUUID, the rest: a few fields each.
        return 48;
    }

    private static int littleEndianInt(ByteBuffer buff, int at) {
        return (buff.get(at) & 0xFF) | (buff.get(at + 1) & 0xFF) << 8 | (buff.get(at + 2) & 0xFF) << 16
                | (buff.get(at + 3) & 0xFF) << 24;
    }

    private static byte[] copy(ByteBuffer buff, int at, int length) {
        byte[] bytes = new byte[length];
        buff.get(at, bytes);
        return bytes;
    }
}
