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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Random documents and strings for the property tests of ADR 0049 (seeded by the caller: reproducible). */
final class RandomDocuments {

    private RandomDocuments() {
    }

    static Document document(Random random, int depth) {
        Document document = new Document();
        for (int i = random.nextInt(7); i > 0; i--) {
            document.put(random.nextInt(3) == 0 ? string(random, 6) : "abcde".substring(0, 1 + random.nextInt(5)),
                    value(random, depth));
        }
        return document;
    }

    static Object value(Random random, int depth) {
        int kinds = depth > 0 ? 24 : 21;
        return switch (random.nextInt(kinds)) {
            case 0 -> string(random, 20);
            case 1 -> latinString(random, 8);
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> Double.longBitsToDouble(random.nextLong());
            case 5 -> random.nextBoolean();
            case 6 -> null;
            case 7 -> new ObjectId(bytes(random, 12));
            case 8 -> Instant.ofEpochMilli(random.nextLong() % 100_000_000_000_000L);
            case 9 -> Instant.ofEpochSecond(random.nextLong() % 1_000_000_000_000L, random.nextInt(1_000_000_000));
            case 10 -> new BsonTimestamp(random.nextLong());
            case 11 -> new Decimal128(random.nextLong(), random.nextLong());
            case 12 -> new UUID(random.nextLong(), random.nextLong());
            case 13 -> new LegacyUUID(random.nextLong(), random.nextLong());
            case 14 -> new BinData(bytes(random, random.nextInt(10)));
            case 15 -> random.nextBoolean() ? MaxKey.getInstance() : MinKey.getInstance();
            case 16 -> new BsonRegularExpression(string(random, 5), string(random, 3));
            case 17 -> new BsonJavaScript(string(random, 10));
            case 18 -> List.<Object>of(1.5f, (short) 2, new Date(3), new BigDecimal("4.0"), 'z').get(random.nextInt(5));
            case 19 -> random.nextBoolean() ? Missing.getInstance() : new byte[] {9};
            case 20 -> string(random, 3).isEmpty() ? "" : latinString(random, 3);
            case 21 -> document(random, depth - 1);
            case 22 -> list(random, depth - 1, new ArrayList<>());
            default -> list(random, depth - 1, new LinkedList<>());
        };
    }

    /** Any chars: ASCII, Latin-1, the BMP, surrogate pairs, lone surrogates and NUL among them. */
    static String string(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) ('a' + random.nextInt(26)));
                case 1 -> text.append((char) random.nextInt(0x80));
                case 2 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 3 -> text.append((char) random.nextInt(0x10000));
                case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> text.append(random.nextBoolean() ? '\0' : (char) (0xD800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }

    static String latinString(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.append((char) (0xE0 + random.nextInt(0x20)));
        }
        return text.toString();
    }

    private static <T extends List<Object>> T list(Random random, int depth, T list) {
        for (int i = random.nextInt(4); i > 0; i--) {
            list.add(value(random, depth));
        }
        return list;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
