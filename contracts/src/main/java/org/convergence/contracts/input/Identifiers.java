package org.convergence.contracts.input;

import java.util.regex.Pattern;

/**
 * The one format of each kind of identifier, checked the same way at every door (REST, import, Kafka):
 * <ul>
 *   <li>{@link #SLUG}: ids chosen by people for structures (territories, chantiers, partners, employers, stores),
 *   e.g. {@code paris}, {@code emmaus-defi};</li>
 *   <li>{@link #UUID}: pseudonymous ids of people and their facts (participants, pathways, referrals, events),
 *   canonical lowercase {@code 8-4-4-4-12} hexadecimal, nothing else ({@code java.util.UUID.fromString} accepts
 *   {@code 1-1-1-1-1}: never use it to check an id).</li>
 * </ul>
 */
public final class Identifiers {

    public static final String SLUG = "^[a-z0-9][a-z0-9-]{1,62}$";
    public static final String SLUG_MESSAGE = "must be a lowercase slug of 2 to 63 letters, digits and dashes";
    public static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    public static final String UUID_MESSAGE = "must be a lowercase UUID (8-4-4-4-12 hexadecimal digits)";

    private static final Pattern SLUG_PATTERN = Pattern.compile(SLUG);
    private static final Pattern UUID_PATTERN = Pattern.compile(UUID);

    private Identifiers() {
    }

    public static boolean isSlug(String value) {
        return value != null && SLUG_PATTERN.matcher(value).matches();
    }

    public static boolean isUuid(String value) {
        return value != null && UUID_PATTERN.matcher(value).matches();
    }
}
