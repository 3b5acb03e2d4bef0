package org.convergence.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The order of two index keys' Java serializations, worked out without serializing them, for the common keys: one
 * {@code String}, {@code Integer}, {@code Long} or {@code Double} (an {@code _id}, ADR 0049). Every existing file is
 * ordered by those bytes ({@link IndexKeyOrder}), so this must answer exactly what comparing the bytes answers; the
 * property test compares the two over random keys.
 * <p>
 * Why it is this order. {@code ObjectOutputStream} writes a {@code KeyValue} of one element as the same bytes for
 * every key (stream header, {@code KeyValue}'s and {@code ArrayList}'s class descriptors, the size 1) up to the
 * element, then the element, then an end-of-block byte. So the first difference is in the element:
 * <ul>
 * <li>a number is {@code TC_OBJECT} (0x73) and a class descriptor whose name comes first as a 2-byte length:
 *     {@code java.lang.Long} (14) &lt; {@code java.lang.Double} (16) &lt; {@code java.lang.Integer} (17); a string is
 *     {@code TC_STRING} (0x74) or {@code TC_LONGSTRING} (0x7C): every number sorts before every string;</li>
 * <li>two numbers of one class differ only in their value, written big-endian and compared as unsigned bytes:
 *     {@code Integer.compareUnsigned}, {@code Long.compareUnsigned}, and for doubles the unsigned order of
 *     {@code doubleToLongBits} (NaN canonical, as {@code writeDouble} writes it);</li>
 * <li>a string is its modified-UTF-8 length (2 bytes, or 8 bytes behind {@code TC_LONGSTRING} past 65,535) then its
 *     modified-UTF-8 bytes: shorter encodings first, then byte order, which is char order except that NUL (written
 *     {@code C0 80}) sorts between U+007F and U+0080. Surrogates are encoded one char at a time (3 bytes each), in
 *     char order.</li>
 * </ul>
 * One exception: {@code ObjectOutputStream} writes a string already written in the same stream as a back-reference,
 * and the class descriptor of {@code KeyValue} holds the interned {@code "Ljava/util/List;"}; that key goes the slow
 * way.
 */
final class SerializedKeyOrder {

    /** Returned when the order is not worked out here: compare the serializations. */
    static final int UNDECIDED = Integer.MIN_VALUE;

    private static final int LONG = 0;
    private static final int DOUBLE = 1;
    private static final int INTEGER = 2;
    private static final int STRING = 3;

    static final String WRITTEN_BEFORE_THE_ELEMENT = "Ljava/util/List;";

    private SerializedKeyOrder() {
    }

    /** Negative, zero or positive as the two keys' serializations compare, or {@link #UNDECIDED}. */
    static int compare(KeyValue a, KeyValue b) {
        if (a.size() != 1 || b.size() != 1) {
            return UNDECIDED;
        }
        Object x = a.get(0);
        Object y = b.get(0);
        int kind = kindOf(x);
        int otherKind = kindOf(y);
        if (kind < 0 || otherKind < 0) {
            return UNDECIDED;
        }
        if (kind != otherKind) {
            return kind < otherKind ? -1 : 1;
        }
        return switch (kind) {
            case LONG -> Long.compareUnsigned((Long) x, (Long) y);
            case DOUBLE -> Long.compareUnsigned(Double.doubleToLongBits((Double) x), Double.doubleToLongBits((Double) y));
            case INTEGER -> Integer.compareUnsigned((Integer) x, (Integer) y);
            default -> compareStrings((String) x, (String) y);
        };
    }

    private static int kindOf(Object value) {
        if (value == null) {
            return -1;
        }
        Class<?> type = value.getClass();
        if (type == String.class) {
            return WRITTEN_BEFORE_THE_ELEMENT.equals(value) ? -1 : STRING;
        }
        if (type == Long.class) {
            return LONG;
        }
        if (type == Integer.class) {
            return INTEGER;
        }
        if (type == Double.class) {
            return DOUBLE;
        }
        return -1;
    }

    static int compareStrings(String x, String y) {
        int lengths = Long.compare(modifiedUtf8Length(x), modifiedUtf8Length(y));
        if (lengths != 0) {
            return lengths;
        }
        // Same encoded length: the first differing char decides (its encoding starts at the same byte in both, and
        // no char's encoding is a prefix of another's).
        for (int i = 0, n = Math.min(x.length(), y.length()); i < n; i++) {
            char c = x.charAt(i);
            char d = y.charAt(i);
            if (c != d) {
                return Integer.compare(byteOrderOf(c), byteOrderOf(d));
            }
        }
        return 0;
    }

    /** Where a char's modified-UTF-8 encoding sorts among all chars' encodings. */
    private static int byteOrderOf(char c) {
        if (c == 0) {
            return 0x80; // C0 80: after 7F, before C2 80 (U+0080)
        }
        return c < 0x80 ? c : c + 1;
    }

    static long modifiedUtf8Length(String text) {
        long length = text.length();
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == 0) {
                length += c >= 0x800 ? 2 : 1;
            }
        }
        return length;
    }
}
