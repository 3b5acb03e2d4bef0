package org.convergence.contracts;

import org.convergence.contracts.input.Identifiers;

import java.util.Map;

/**
 * The formats of strings on the wire, as the JSON schemas of {@code schemas/} write them (ECMA-262 patterns; JSON
 * Schema validators read {@code $} as the end of the text). A test checks that every pattern of every schema is
 * one of these, so an id or a date cannot be written one way in one contract and another way elsewhere.
 */
public final class WireFormats {

    /** A program code: whether the program exists is the consumer's concern (its program catalogue). */
    public static final String PROGRAM_CODE = "^[A-Z][A-Z0-9_]{1,39}$";
    /** A calendar date, exactly {@code YYYY-MM-DD} (the schema's {@code format: date} checks the calendar). */
    public static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    /** An instant in UTC, {@code YYYY-MM-DDThh:mm:ss(.fraction)Z}. */
    public static final String INSTANT = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$";
    /** An ISO-8601 week, {@code YYYY-Www} (e.g. {@code 2020-W05}); whether week 53 exists that year is checked apart. */
    public static final String ISO_WEEK = "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$";
    /** An event type: dotted lowercase words, e.g. {@code pathway.enrolled}. */
    public static final String EVENT_TYPE = "^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$";
    /**
     * A text for people (a name): not blank, no control character, no invisible format character (zero-width
     * spaces, direction overrides, soft hyphen, byte-order mark).
     */
    public static final String TEXT = "^(?![\\s\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*$)"
            + "[^\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064"
            + "\\u2066-\\u2069\\uFEFF]+$";

    /** Each pattern a schema may use, with what a refusal says of a value that does not match it. */
    public static final Map<String, String> PATTERNS = Map.of(
            Identifiers.SLUG, Identifiers.SLUG_MESSAGE,
            Identifiers.UUID, Identifiers.UUID_MESSAGE,
            PROGRAM_CODE, "must be an UPPER_SNAKE_CASE program code of 2 to 40 characters",
            DATE, "must be a date written YYYY-MM-DD",
            INSTANT, "must be an instant in UTC written YYYY-MM-DDThh:mm:ss(.fraction)Z",
            EVENT_TYPE, "must be an event type such as pathway.enrolled",
            ISO_WEEK, "must be an ISO week written YYYY-Www, e.g. 2020-W05",
            TEXT, "must be a text with a visible character and no control or invisible format character");

    private WireFormats() {
    }
}
