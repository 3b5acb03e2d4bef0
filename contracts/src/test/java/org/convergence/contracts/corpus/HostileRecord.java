package org.convergence.contracts.corpus;

import java.nio.charset.StandardCharsets;

/**
 * A record a consumer must refuse: what was done to a valid one, its key, its bytes, and the field its refusal must
 * name ({@code payload.entryDate}, {@code key}...), or null when the record as a whole is at fault (not JSON...).
 */
public record HostileRecord(String description, String key, byte[] value, String field) {

    @Override
    public String toString() {
        return description;
    }

    /** The value as text, for a message (cut short). */
    public String excerpt() {
        if (value == null) {
            return "<no value>";
        }
        String text = new String(value, StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
