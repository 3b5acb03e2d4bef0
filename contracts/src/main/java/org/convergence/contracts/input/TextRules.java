package org.convergence.contracts.input;

import java.text.Normalizer;
import java.util.Optional;

/**
 * What a free-text field (a name, a structure's name) may hold, at every door. A value is first normalised: Unicode
 * NFC (so "é" written as e + accent and "é" written as one character are the same name) and stripped of surrounding
 * white space. It is then refused if it
 * <ul>
 *   <li>holds a control character (NUL, tab, line breaks, DEL, C1 controls) or half of a surrogate pair;</li>
 *   <li>holds an invisible formatting character (zero-width space, word joiner, byte-order mark, direction marks,
 *   embeddings, overrides and isolates, soft hyphen, tags…), except a zero-width joiner or non-joiner between two
 *   visible characters, where some scripts and emoji need it;</li>
 *   <li>is blank: nothing visible is left.</li>
 * </ul>
 */
public final class TextRules {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private TextRules() {
    }

    /** NFC, then without surrounding white space; {@code null} stays {@code null}. */
    public static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String composed = Normalizer.isNormalized(value, Normalizer.Form.NFC)
                ? value : Normalizer.normalize(value, Normalizer.Form.NFC);
        return composed.strip();
    }

    /** Why a (normalised) value is refused, or empty when it is acceptable; {@code null} is not this rule's concern. */
    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        boolean visible = false;
        int previous = -1;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            int type = Character.getType(codePoint);
            if (type == Character.CONTROL || type == Character.SURROGATE) {
                return Optional.of("must not contain control characters");
            }
            if (type == Character.FORMAT) {
                int next = i < value.length() ? value.codePointAt(i) : -1;
                boolean joiner = codePoint == ZERO_WIDTH_JOINER || codePoint == ZERO_WIDTH_NON_JOINER;
                if (!joiner || !isVisible(previous) || !isVisible(next)) {
                    return Optional.of("must not contain invisible formatting characters (zero-width, direction "
                            + "controls), except a joiner between two visible characters");
                }
            } else if (isVisible(codePoint)) {
                visible = true;
            }
            previous = codePoint;
        }
        return visible ? Optional.empty() : Optional.of("must not be blank");
    }

    private static boolean isVisible(int codePoint) {
        if (codePoint < 0 || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.UNASSIGNED;
    }
}
