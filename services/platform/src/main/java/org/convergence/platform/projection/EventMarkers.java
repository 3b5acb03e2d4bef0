package org.convergence.platform.projection;

import org.bson.types.Binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
            if (isCanonicalUuid(id)) {
                out.write(UUID);
                java.util.UUID uuid = java.util.UUID.fromString(id);
                out.writeBytes(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                        .putLong(uuid.getLeastSignificantBits()).array());
            } else {
                byte[] text = id.getBytes(StandardCharsets.UTF_8);
                if (text.length > 0xFFFF) {
                    throw new IllegalArgumentException("An event id longer than 65,535 bytes cannot be a marker");
                }
                out.write(TEXT);
                out.write(text.length >>> 8);
                out.write(text.length & 0xFF);
                out.writeBytes(text);
            }
        }
        return new Binary(out.toByteArray());
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
