package org.convergence.embedded;

import de.bwaldvogel.mongo.backend.Missing;
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
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ADR 0049: documents stored as BSON give back exactly what was stored; anything BSON cannot hold goes as before. */
class BsonDocumentTypeTest {

    private static final byte SERIALIZED_OBJECT = 19; // ObjectDataType.TYPE_SERIALIZED_OBJECT

    @Test
    void everyValueTypeTheLibraryDecodesFromTheWireRoundTripsAsBsonWithItsExactType() {
        Document nested = new Document("s", "é€😀").append("empty", "").append("list", list(1, 2L, 3.5, "x", null));
        Document document = new Document("_id", "stream:42:0")
                .append("int", Integer.MIN_VALUE).append("long", Long.MAX_VALUE).append("intAsLong", 7L)
                .append("double", -0.0).append("nan", Double.longBitsToDouble(0x7ff8_0000_dead_beefL))
                .append("infinity", Double.NEGATIVE_INFINITY).append("true", true).append("false", false)
                .append("null", null).append("string", "a\0b ✓ \uD83D\uDE00")
                .append("objectId", new ObjectId("5f1d7a2b9c3e4d5f6a7b8c9d"))
                .append("instant", Instant.ofEpochMilli(-62_135_596_800_000L))
                .append("timestamp", new BsonTimestamp(0x7fff_ffff_0000_0001L))
                .append("decimal", new Decimal128(new BigDecimal("-1234.5678")))
                .append("decimalNaN", Decimal128.NaN).append("decimalNegativeZero", Decimal128.NEGATIVE_ZERO)
                .append("uuid", UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"))
                .append("legacyUuid", new LegacyUUID(0x0011223344556677L, 0x8899aabbccddeeffL))
                .append("binary", new BinData(new byte[] {0, -1, 127, -128}))
                .append("emptyBinary", new BinData(new byte[0]))
                .append("maxKey", MaxKey.getInstance()).append("minKey", MinKey.getInstance())
                .append("regex", new BsonRegularExpression("^a.*b$", "im"))
                .append("code", new BsonJavaScript("function () { return 1; }"))
                .append("nested", nested).append("lists", list(list(), list(new Document("a", list(nested)))))
                .append("", "empty field name").append("a.b", "dotted").append("$weird", 1);

        byte[] bytes = written(new BsonDocumentType(), document);

        assertEquals(BsonDocumentType.TAG, bytes[0], "written as BSON");
        Object read = read(bytes);
        assertExactlyEqual(document, read);
        assertSame(MaxKey.getInstance(), ((Document) read).get("maxKey"));
        assertEquals(0x7ff8_0000_dead_beefL, Double.doubleToRawLongBits((Double) ((Document) read).get("nan")),
                "a NaN's payload kept");
        assertEquals("im", ((BsonRegularExpression) ((Document) read).get("regex")).getOptions());
        assertTrue(((BsonRegularExpression) ((Document) read).get("regex")).matcher("axxb").find(),
                "a regular expression read back can be used (its compiled pattern is not serialized)");
    }

    @Test
    void aDocumentHoldingAnythingBsonWouldNotGiveBackExactlyIsStoredAsBeforeAndReadBackExactly() {
        List<Object> inexact = List.of(
                Instant.ofEpochSecond(1_700_000_000L, 123_456_789), // $currentDate takes the clock's nanoseconds
                Instant.ofEpochSecond(31_556_889_864_403_199L), new Date(1_700_000_000_000L), 1.5f, (short) 3, (byte) 4, 'c', new BigDecimal("1.10"),
                BigInteger.TEN, new byte[] {1, 2}, Missing.getInstance(), new LinkedHashSet<>(List.of(1, 2)),
                new LinkedList<>(List.of(1)), Arrays.asList(1, 2), new HashMap<>(Map.of("k", 1)),
                "lone \uD800 surrogate", "\uDC00");
        for (Object value : inexact) {
            Document document = new Document("_id", 1).append("v", value);
            assertTrue(!BsonDocumentType.exactInBson(document), value.getClass().getName());
            byte[] bytes = written(new BsonDocumentType(), document);
            assertEquals(SERIALIZED_OBJECT, bytes[0], "Java-serialized as before: " + value.getClass());
            assertExactlyEqual(document, read(bytes));
            // Nested deep inside, too.
            Document deep = new Document("a", list(new Document("b", list(1, value))));
            assertEquals(SERIALIZED_OBJECT, written(new BsonDocumentType(), deep)[0], "nested " + value.getClass());
            assertExactlyEqual(deep, read(written(new BsonDocumentType(), deep)));
        }
        for (String name : List.of("nul\0in name", "lone \uDBFF")) {
            Document document = new Document(name, 1);
            assertEquals(SERIALIZED_OBJECT, written(new BsonDocumentType(), document)[0], name);
            assertExactlyEqual(document, read(written(new BsonDocumentType(), document)));
        }
        Document regexWithNul = new Document("r", new BsonRegularExpression("a\0b", ""));
        assertEquals(SERIALIZED_OBJECT, written(new BsonDocumentType(), regexWithNul)[0]);
    }

    @Test
    void valuesWrittenByObjectDataTypeAndAsBsonMixInOnePageAndReadBackInOrder() {
        // A page's values are written one after another, each behind its own tag (BasicDataType.write(buff, storage,
        // len)): an old page, a new one, and a page rewritten after some of its documents changed read alike.
        ObjectDataType library = new ObjectDataType();
        BsonDocumentType ours = new BsonDocumentType();
        Document old1 = new Document("_id", "a").append("n", 1).append("events", list("enrolled"));
        Document new1 = new Document("_id", "b").append("n", 2L);
        Document old2 = new Document("_id", "c").append("at", new Date(5));
        Document new2 = new Document("_id", "d").append("nested", new Document("x", list(1.5, "y")));
        WriteBuffer page = new WriteBuffer();
        library.write(page, old1);
        ours.write(page, new1);
        library.write(page, old2);
        ours.write(page, new2);
        library.write(page, 42L);
        ours.write(page, "not a document");
        ByteBuffer readBack = page.getBuffer();
        readBack.flip();
        Object[] values = new Object[6];
        new BsonDocumentType().read(readBack, values, values.length);

        assertExactlyEqual(list(old1, new1, old2, new2, 42L, "not a document"), list(values));
        assertEquals(0, readBack.remaining(), "every byte read, none past the page");
    }

    @Test
    void objectDataTypeNeverWritesTheBsonTagFirst() {
        // Its tags are constants 0..119 (ObjectDataType's TYPE_*, TAG_* fields); the BSON tag is a negative byte.
        ObjectDataType library = new ObjectDataType();
        List<Object> samples = new ArrayList<>(List.of(0, 1, 15, 16, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0L, 7L,
                8L, -1L, Long.MIN_VALUE, 0.0, 1.0, -2.5, Double.NaN, 0f, 1f, 3.5f, true, false, (byte) -1,
                (short) -1, 'x', "", "short", "a string longer than fifteen characters", BigInteger.ZERO,
                BigInteger.ONE, BigInteger.valueOf(-5), new BigInteger("123456789012345678901234567890"),
                BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("1.5"), new BigDecimal("1e400"), UUID.randomUUID(),
                new Date(), new byte[3], new byte[40], new int[2], new Object[] {1, "a"}, new Document("a", 1),
                new KeyHolder()));
        samples.add(null);
        for (Object sample : samples) {
            WriteBuffer buffer = new WriteBuffer(256);
            library.write(buffer, sample);
            byte first = buffer.getBuffer().get(0);
            assertTrue(first >= 0 && first <= 119, sample + " starts with " + first);
            assertNotEquals(BsonDocumentType.TAG, first);
        }
    }

    @Test
    void theMemoryEstimateFollowsTheDocumentsSizeAndIsAtLeastItsBsonBytes() {
        BsonDocumentType type = new BsonDocumentType();
        Document small = new Document("_id", "s").append("n", 1);
        Document commit = new Document("_id", "pathway-000123:0").append("aggregateType", "Pathway")
                .append("events", list(new Document("type", "TimesheetRecorded").append("payload", "x".repeat(400))
                        .append("at", Instant.ofEpochMilli(1_700_000_000_000L)).append("sequence", 0L)));
        int smallMemory = type.getMemory(small);
        int commitMemory = type.getMemory(commit);
        assertTrue(smallMemory >= written(type, small).length && smallMemory < 1_000, "small: " + smallMemory);
        assertTrue(commitMemory >= written(type, commit).length && commitMemory < 4 * written(type, commit).length,
                "commit: " + commitMemory + " for " + written(type, commit).length + " bytes of BSON");
        assertTrue(commitMemory > smallMemory);
    }

    @Test
    void anyDocumentRoundTripsExactlyAndIsBsonExactlyWhenBsonCanHoldIt() {
        // Random documents of every value type, exact in BSON or not, nested up to three levels (seeded: reproducible).
        for (long seed = 0; seed < 2_000; seed++) {
            Document document = RandomDocuments.document(new Random(seed), 3);
            byte[] bytes = written(new BsonDocumentType(), document);
            assertEquals(BsonDocumentType.exactInBson(document), bytes[0] == BsonDocumentType.TAG, "seed " + seed);
            assertExactlyEqual(document, read(bytes), "seed " + seed);
        }
    }

    @Test
    void aDocumentWrittenAsBsonKeepsTheRawBitsOfItsDoubles() {
        Random random = new Random(49);
        for (int i = 0; i < 10_000; i++) {
            long bits = i < 4 ? new long[] {-1L, 0x7ff0_0000_0000_0001L, 0x8000_0000_0000_0000L, 0}[i] : random.nextLong();
            Document document = new Document("d", Double.longBitsToDouble(bits));
            assertEquals(bits, Double.doubleToRawLongBits((Double) ((Document) read(written(new BsonDocumentType(),
                    document))).get("d")));
        }
    }

    private static ArrayList<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    static byte[] written(ObjectDataType type, Object value) {
        WriteBuffer buffer = new WriteBuffer(256);
        type.write(buffer, value);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        byte[] result = new byte[bytes.remaining()];
        bytes.get(result);
        return result;
    }

    static Object read(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Object value = new BsonDocumentType().read(buffer);
        assertEquals(0, buffer.remaining(), "read exactly the value's bytes");
        return value;
    }

    /** Equal, and of the same classes all the way down (Integer is not Long, ArrayList is not LinkedList). */
    static void assertExactlyEqual(Object expected, Object actual) {
        assertExactlyEqual(expected, actual, "");
    }

    private static void assertExactlyEqual(Object expected, Object actual, String path) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, path);
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), path);
        if (expected instanceof Map<?, ?> map) {
            Map<?, ?> other = (Map<?, ?>) actual;
            assertEquals(new ArrayList<>(map.keySet()), new ArrayList<>(other.keySet()), path + " field order");
            for (Object key : map.keySet()) {
                assertExactlyEqual(map.get(key), other.get(key), path + "." + key);
            }
        } else if (expected instanceof java.util.Collection<?> collection) {
            List<?> a = new ArrayList<>(collection);
            List<?> b = new ArrayList<>((java.util.Collection<?>) actual);
            assertEquals(a.size(), b.size(), path);
            for (int i = 0; i < a.size(); i++) {
                assertExactlyEqual(a.get(i), b.get(i), path + "[" + i + "]");
            }
        } else if (expected instanceof byte[] bytes) {
            assertTrue(Arrays.equals(bytes, (byte[]) actual), path);
        } else if (expected instanceof Double d) {
            // Double.equals: -0.0 is not 0.0. NaN payloads: Java serialization (ObjectOutputStream.writeDouble) has
            // always written the canonical NaN; BSON keeps the raw bits (checked on its own below).
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits((Double) actual), path);
        } else if (expected instanceof BsonRegularExpression regex) {
            assertEquals(regex.getPattern(), ((BsonRegularExpression) actual).getPattern(), path);
            assertEquals(regex.getOptions(), ((BsonRegularExpression) actual).getOptions(), path);
        } else if (expected instanceof MaxKey || expected instanceof MinKey || expected instanceof Missing) {
            return; // the class is the whole value (Java deserialization makes new instances of these singletons)
        } else {
            assertEquals(expected, actual, path);
        }
    }

    /** A serializable object of a class H2 does not know. */
    private static final class KeyHolder implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }
}
