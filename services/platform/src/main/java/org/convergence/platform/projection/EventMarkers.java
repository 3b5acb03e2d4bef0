package org.convergence.platform.projection;

import org.bson.types.Binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The events an entry unit applied, stored as one binary value instead of a list of strings (ADR 0036): a
 * canonical lowercase UUID (what every event id on our topics is) takes 17 bytes instead of a 36-character string,
 * and the entry's markers are one stored object instead of one per event. A rebuild rewrites every roster bucket
 * it touches whole, and the embedded server's cost per rewrite grows with the bytes and objects of the document:
 * markers were about 40 % of a bucket.
 *
 * <p>Layout: a sequence of markers, each a tag byte then either the UUID's 16 bytes (tag {@value #UUID}) or the
 * id's UTF-8 length on two bytes and its bytes (tag {@value #TEXT}, any other id, kept exactly). A stored list of
 * strings (the layout before ADR 0036) is still read, so a read model written by an earlier version keeps skipping
 * the events it applied.
 */
public final class EventMarkers {

    private static final byte UUID = 0;
    private static final byte TEXT = 1;
    private static final int UUID_LENGTH = 36;

    private EventMarkers() {
    }

    /** The event ids in a stored marker value (packed or a list of strings); none if absent. */
    public static List<String> read(Object stored) {
        List<String> ids = new ArrayList<>();
        if (stored instanceof Binary binary) {
            ByteBuffer bytes = ByteBuffer.wrap(binary.getData());
            while (bytes.hasRemaining()) {
                byte tag = bytes.get();
                if (tag == UUID) {
                    ids.add(new java.util.UUID(bytes.getLong(), bytes.getLong()).toString());
                } else if (tag == TEXT) {
                    byte[] text = new byte[Short.toUnsignedInt(bytes.getShort())];
                    bytes.get(text);
                    ids.add(new String(text, StandardCharsets.UTF_8));
                } else {
                    throw new IllegalStateException("Unknown event marker tag " + tag);
                }
            }
        } else if (stored instanceof Collection<?> list) {
            list.forEach(id -> ids.add(id.toString()));
        }
        return ids;
    }

    /** The event ids packed into one value, in their order. */
    public static Binary pack(Collection<String> ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ids.size() * 17);
        for (String id : ids) {
            out.writeBytes(marker(id));
        }
        return new Binary(out.toByteArray());
    }

    /**
     * Whether a stored marker value (packed or a list of strings) holds {@code id}. A packed value is scanned marker
     * by marker for the id's bytes, with no id decoded: an entry's markers grow with its history, and every fact
     * applied asks this of its entry.
     */
    public static boolean contains(Object stored, String id) {
        if (stored instanceof Binary binary) {
            return packedContains(binary.getData(), id);
        }
        return stored instanceof Collection<?> list && list.stream().anyMatch(member -> id.equals(member.toString()));
    }

    /** As {@link #contains(Object, String)}, on the bytes of a packed value. */
    public static boolean packedContains(byte[] packed, String id) {
        return holds(packed, marker(id));
    }

    /**
     * The stored markers with {@code ids} added after them, those already held left out: {@link #pack} of the set of
     * both in that order, with the stored bytes copied as they are rather than decoded and packed again.
     */
    public static Binary append(Object stored, Collection<String> ids) {
        if (stored != null && !(stored instanceof Binary)) {
            Set<String> all = new LinkedHashSet<>(read(stored));
            all.addAll(ids);
            return pack(all);
        }
        byte[] held = stored instanceof Binary binary ? binary.getData() : new byte[0];
        ByteArrayOutputStream out = new ByteArrayOutputStream(held.length + 17 * ids.size());
        out.writeBytes(held);
        List<byte[]> added = new ArrayList<>(ids.size());
        for (String id : ids) {
            byte[] marker = marker(id);
            if (!holds(held, marker) && added.stream().noneMatch(a -> Arrays.equals(a, marker))) {
                added.add(marker);
                out.writeBytes(marker);
            }
        }
        return new Binary(out.toByteArray());
    }

    /** One id's marker: its tag, then its 16 bytes or its length and its UTF-8 bytes. */
    private static byte[] marker(String id) {
        if (isCanonicalUuid(id)) {
            java.util.UUID uuid = java.util.UUID.fromString(id);
            return ByteBuffer.allocate(17).put(UUID).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
        }
        byte[] text = id.getBytes(StandardCharsets.UTF_8);
        if (text.length > 0xFFFF) {
            throw new IllegalArgumentException("An event id longer than 65,535 bytes cannot be a marker");
        }
        return ByteBuffer.allocate(3 + text.length).put(TEXT).putShort((short) text.length).put(text).array();
    }

    /** Whether packed markers hold one equal to {@code marker}, stepping marker by marker. */
    private static boolean holds(byte[] packed, byte[] marker) {
        int at = 0;
        while (at < packed.length) {
            int length = switch (packed[at]) {
                case UUID -> 17;
                case TEXT -> 3 + (((packed[at + 1] & 0xFF) << 8) | (packed[at + 2] & 0xFF));
                default -> throw new IllegalStateException("Unknown event marker tag " + packed[at]);
            };
            if (length == marker.length && Arrays.equals(packed, at, at + length, marker, 0, length)) {
                return true;
            }
            at += length;
        }
        return false;
    }

    /** {@code 8-4-4-4-12} lowercase hexadecimal: what {@link java.util.UUID#toString()} gives back exactly. */
    private static boolean isCanonicalUuid(String id) {
        if (id.length() != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = id.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
