package org.convergence.contracts.input;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one format of each kind of identifier, checked the same way at every door (REST bodies, path and query
 * parameters, import lines, Kafka payloads):
 * <ul>
 *   <li>{@link Kind#SLUG}: ids chosen by people for structures (territories, chantiers, partners, employers, stores),
 *   e.g. {@code paris}, {@code emmaus-defi};</li>
 *   <li>{@link Kind#UUID}: pseudonymous ids of people and their facts (participants, pathways, referrals, events),
 *   canonical lowercase {@code 8-4-4-4-12} hexadecimal, nothing else ({@code java.util.UUID.fromString} accepts
 *   {@code 1-1-1-1-1}: never use it to check an id);</li>
 *   <li>{@link Kind#CODE}: codes of configured things, e.g. a program ({@code CONVERGENCE}).</li>
 * </ul>
 * A field or parameter is of a kind by its name ({@link #kindOf}): {@code pathwayId} is a UUID wherever it appears.
 * A new kind of id gets its line in {@link #BY_NAME}; the malformed-input corpus refuses an id parameter whose kind
 * is not known.
 */
public final class Identifiers {

    public static final String SLUG = "^[a-z0-9][a-z0-9-]{1,62}$";
    public static final String SLUG_MESSAGE = "must be a lowercase slug of 2 to 63 letters, digits and dashes";
    public static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    public static final String UUID_MESSAGE = "must be a lowercase UUID (8-4-4-4-12 hexadecimal digits)";
    public static final String CODE = "^[A-Z][A-Z0-9_]{1,39}$";
    public static final String CODE_MESSAGE = "must be a code of 2 to 40 capital letters, digits and underscores";

    /** The kinds of identifier, each with its one format. */
    public enum Kind {
        SLUG(Identifiers.SLUG, SLUG_MESSAGE),
        UUID(Identifiers.UUID, UUID_MESSAGE),
        CODE(Identifiers.CODE, CODE_MESSAGE);

        private final Pattern pattern;
        private final String message;

        Kind(String regex, String message) {
            this.pattern = Pattern.compile(regex);
            this.message = message;
        }

        public boolean matches(String value) {
            return value != null && pattern.matcher(value).matches();
        }

        public String regex() {
            return pattern.pattern();
        }

        /** What a value that does not match is told. */
        public String message() {
            return message;
        }
    }

    /** Which kind each id is, by the name it has in bodies, parameters, import lines and payloads. */
    private static final Map<String, Kind> BY_NAME = Map.ofEntries(
            Map.entry("territoryId", Kind.SLUG),
            Map.entry("chantierId", Kind.SLUG),
            Map.entry("partnerId", Kind.SLUG),
            Map.entry("employerId", Kind.SLUG),
            Map.entry("storeId", Kind.SLUG),
            Map.entry("pathwayId", Kind.UUID),
            Map.entry("convergencePathwayId", Kind.UUID),
            Map.entry("participantId", Kind.UUID),
            Map.entry("referralId", Kind.UUID),
            Map.entry("eventId", Kind.UUID),
            Map.entry("program", Kind.CODE));

    private Identifiers() {
    }

    /** The kind of the id a field or parameter of this name holds, if it is an id. */
    public static Optional<Kind> kindOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static boolean isSlug(String value) {
        return Kind.SLUG.matches(value);
    }

    public static boolean isUuid(String value) {
        return Kind.UUID.matches(value);
    }

    public static boolean isCode(String value) {
        return Kind.CODE.matches(value);
    }
}
