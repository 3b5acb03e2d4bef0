package org.convergence.contracts.input;

/**
 * A short, escaped excerpt of what a client sent, for an error message: at most {@link #MAX_CODE_POINTS} characters,
 * and every character that could hide, reorder or inject something when the message is shown (controls, zero-width
 * and direction characters, unpaired surrogates, markup and quote characters) written {@code \}{@code uXXXX}. An error
 * never echoes more of the input than this.
 */
public final class Excerpt {

    public static final int MAX_CODE_POINTS = 40;

    private Excerpt() {
    }

    public static String of(String text) {
        return of(text, MAX_CODE_POINTS);
    }

    /** The same, longer: for a log line that must show a whole path, never raw controls. */
    public static String of(String text, int maxCodePoints) {
        if (text == null) {
            return "null";
        }
        StringBuilder excerpt = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            if (count == maxCodePoints) {
                return excerpt.append("…").toString();
            }
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            count++;
            if (isSafe(codePoint)) {
                excerpt.appendCodePoint(codePoint);
            } else {
                for (char unit : Character.toChars(codePoint)) {
                    excerpt.append(String.format("\\u%04x", (int) unit));
                }
            }
        }
        return excerpt.toString();
    }

    private static boolean isSafe(int codePoint) {
        if ("<>&\"'`\\".indexOf(codePoint) >= 0) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
