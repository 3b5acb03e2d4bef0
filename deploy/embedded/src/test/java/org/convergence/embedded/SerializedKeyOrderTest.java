package org.convergence.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ADR 0049: the common index keys ordered exactly as their Java serializations, which order every existing file. */
class SerializedKeyOrderTest {

    @Test
    void randomKeysOfOneStringOrNumberCompareAsTheirSerializedBytes() {
        List<KeyValue> keys = edgeAndRandomKeys(49, 400);
        List<byte[]> serialized = keys.stream().map(ObjectDataType::serialize).toList();
        IndexKeyOrder order = new IndexKeyOrder();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < keys.size(); j++) {
                KeyValue a = keys.get(i);
                KeyValue b = keys.get(j);
                int expected = Integer.signum(ObjectDataType.compareNotNull(serialized.get(i), serialized.get(j)));
                int fast = SerializedKeyOrder.compare(a, b);
                if (fast != SerializedKeyOrder.UNDECIDED) {
                    assertEquals(expected, Integer.signum(fast), () -> a + " vs " + b);
                }
                assertEquals(expected, Integer.signum(order.compare(a, b)), () -> a + " vs " + b);
            }
        }
    }

    @Test
    void stringsOfTheSameEncodedLengthDifferingInOneCharCompareAsTheirSerializedBytes() {
        // Every pair of chars of a sample of the 65,536 (all of the first 2,048 and every 7th after), at one position.
        List<Character> chars = new ArrayList<>();
        for (int c = 0; c < 0x10000; c += c < 0x800 ? 1 : 7) {
            chars.add((char) c);
        }
        chars.add('\uffff');
        Random random = new Random(8);
        for (int n = 0; n < 20_000; n++) {
            char c = chars.get(random.nextInt(chars.size()));
            char d = chars.get(random.nextInt(chars.size()));
            String prefix = RandomDocuments.string(random, 3);
            KeyValue a = new KeyValue(prefix + c + "x");
            KeyValue b = new KeyValue(prefix + d + "x");
            assertEquals(Integer.signum(ObjectDataType.compareNotNull(ObjectDataType.serialize(a),
                    ObjectDataType.serialize(b))), Integer.signum(SerializedKeyOrder.compare(a, b)), () -> a + " vs " + b);
        }
    }

    @Test
    void keysItDoesNotOrderAreLeftToTheSerializedBytes() {
        assertEquals(SerializedKeyOrder.UNDECIDED, SerializedKeyOrder.compare(new KeyValue("a", 1L), new KeyValue("a")));
        assertEquals(SerializedKeyOrder.UNDECIDED, SerializedKeyOrder.compare(new KeyValue(true), new KeyValue("a")));
        assertEquals(SerializedKeyOrder.UNDECIDED,
                SerializedKeyOrder.compare(new KeyValue("Ljava/util/List;"), new KeyValue("a")));
    }

    @Test
    void indexKeysReadBackFromTheirStoredFormAreEqualOfTheSameClassesAndInTheSameOrder() {
        List<KeyValue> keys = edgeAndRandomKeys(11, 300);
        keys.add(new KeyValue("s", 1_000L, true, null, UUID.randomUUID(), -0.0));
        // One object twice: Java serialization writes the second as a back-reference (0x71), which orders it before
        // every other value there; read back from a compact form it would be two objects. Java-serialized as before.
        Integer big = 1_000;
        String same = "same";
        keys.add(new KeyValue(big, big));
        keys.add(new KeyValue(same, same));
        keys.add(new KeyValue(1_000, 999));
        keys.add(new KeyValue(1_000, 1_001));
        keys.add(new KeyValue("same", "samf"));
        keys.add(new KeyValue("same", ""));
        keys.add(new KeyValue(new de.bwaldvogel.mongo.bson.ObjectId()));
        keys.add(new KeyValue(new de.bwaldvogel.mongo.bson.Document("a", 1)));
        keys.add(new KeyValue(de.bwaldvogel.mongo.backend.Missing.getInstance()));
        IndexKeyOrder order = new IndexKeyOrder();
        List<KeyValue> readBack = new ArrayList<>();
        for (KeyValue key : keys) {
            byte[] bytes = BsonDocumentTypeTest.written(order, key);
            assertEquals(IndexKeyOrder.storedNatively(key) ? IndexKeyOrder.TAG : 19, bytes[0], key::toString);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            KeyValue read = (KeyValue) order.read(buffer);
            assertEquals(0, buffer.remaining());
            BsonDocumentTypeTest.assertExactlyEqual(list(key), list(read));
            readBack.add(read);
        }
        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < keys.size(); j++) {
                int expected = Integer.signum(order.compare(keys.get(i), keys.get(j)));
                int ii = i;
                int jj = j;
                assertEquals(expected, Integer.signum(order.compare(readBack.get(i), readBack.get(j))),
                        () -> keys.get(ii) + " vs " + keys.get(jj));
            }
        }
        // Old keys (Java-serialized by ObjectDataType) and new ones in one page read back in order.
        WriteBuffer page = new WriteBuffer(1_024);
        ObjectDataType library = new ObjectDataType();
        library.write(page, keys.get(20));
        order.write(page, keys.get(21));
        library.write(page, keys.get(22));
        order.write(page, keys.get(23));
        ByteBuffer pageBytes = page.getBuffer();
        pageBytes.flip();
        Object[] read = new Object[4];
        order.read(pageBytes, read, 4);
        assertEquals(keys.subList(20, 24), List.of(read));
    }

    @Test
    void theMemoryEstimateOfAKeyIsItsObjectsNotAnAverageOfSerializedSizes() {
        int memory = new IndexKeyOrder().getMemory(new KeyValue("pathway-00001:0"));
        assertTrue(memory > 50 && memory < 200, "estimate " + memory);
    }

    private static List<Object> list(KeyValue key) {
        List<Object> elements = new ArrayList<>();
        key.forEach(elements::add);
        return elements;
    }

    /** The edge keys, then {@code count} random keys drawn with {@code seed}. */
    private static List<KeyValue> edgeAndRandomKeys(long seed, int count) {
        Random random = new Random(seed);
        List<KeyValue> keys = new ArrayList<>(edgeKeys());
        for (int i = 0; i < count; i++) {
            keys.add(randomKey(random));
        }
        return keys;
    }

    private static List<KeyValue> edgeKeys() {
        List<KeyValue> keys = new ArrayList<>();
        for (Object value : List.of("", "\0", "\u007f", "\u0080", "\u07ff", "\u0800", "\ud800", "\udfff", "\ue000",
                "\uffff", "\ud83d\ude00", "a", "a\0", "aa", "é", "€", "pathway-00001:0", "Ljava/util/List",
                "Ljava/util/List;x", 0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0L, -1L, Long.MIN_VALUE,
                Long.MAX_VALUE, 0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff8_0000_0000_0001L),
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -1.5)) {
            keys.add(new KeyValue(value));
        }
        // Around the 2-byte length of TC_STRING: 65,535 encoded bytes is the last short string, then TC_LONGSTRING.
        keys.add(new KeyValue("x".repeat(65_535)));
        keys.add(new KeyValue("x".repeat(65_534) + "y"));
        keys.add(new KeyValue("x".repeat(65_536)));
        keys.add(new KeyValue("é".repeat(32_768)));
        keys.add(new KeyValue("€".repeat(21_845)));
        keys.add(new KeyValue("€".repeat(21_846)));
        keys.add(new KeyValue("a", 1L));
        keys.add(new KeyValue("a", "a"));
        keys.add(new KeyValue(true));
        keys.add(new KeyValue((Object) null));
        return keys;
    }

    private static KeyValue randomKey(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> new KeyValue(RandomDocuments.string(random, 12));
            case 1 -> new KeyValue(RandomDocuments.latinString(random, 4));
            case 2 -> new KeyValue("pathway-" + random.nextInt(100) + ":" + random.nextInt(3));
            case 3 -> new KeyValue(random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(20) - 10);
            case 4 -> new KeyValue(random.nextInt(5) == 0 ? random.nextLong() : (long) random.nextInt(20) - 10);
            case 5 -> new KeyValue(random.nextBoolean() ? Double.longBitsToDouble(random.nextLong())
                    : random.nextInt(20) / 4.0 - 2);
            case 6 -> new KeyValue("s" + random.nextInt(5), (long) random.nextInt(3));
            default -> new KeyValue("x".repeat(random.nextInt(3)) + (char) random.nextInt(0x10000));
        };
    }
}
