package org.convergence.contracts;

/**
 * A record that is not a valid integration event of a known type: it belongs in the dead-letter topic. The message
 * is the reason, for a person: it names the field at fault ({@code payload.entryDate: ...}) when there is one,
 * is bounded in length and never echoes more of the record than a short, escaped excerpt.
 */
public class InvalidIntegrationEventException extends RuntimeException {

    private static final int MAX_REASON_LENGTH = 500;

    private final String field;

    public InvalidIntegrationEventException(String message) {
        this(null, message, null);
    }

    public InvalidIntegrationEventException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /** A refusal because of one field, {@code field} being its path in the envelope, e.g. {@code payload.since}. */
    public InvalidIntegrationEventException(String field, String message, Throwable cause) {
        super(bounded(field == null ? message : field + ": " + message), cause, false, false);
        this.field = field;
    }

    /** The path of the first field at fault (e.g. {@code payload.programs[0].since}), or null if none is. */
    public String field() {
        return field;
    }

    /**
     * A reason safe to show and to put in a header: control and invisible format characters escaped as
     * {@code \}{@code uXXXX}, cut at {@value #MAX_REASON_LENGTH} characters.
     */
    static String bounded(String reason) {
        String text = String.valueOf(reason);
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_REASON_LENGTH + 16));
        for (int i = 0; i < text.length() && safe.length() < MAX_REASON_LENGTH; i++) {
            char c = text.charAt(i);
            int kind = Character.getType(c);
            if (kind == Character.CONTROL || kind == Character.FORMAT || kind == Character.SURROGATE
                    || kind == Character.UNASSIGNED || kind == Character.LINE_SEPARATOR
                    || kind == Character.PARAGRAPH_SEPARATOR) {
                safe.append(String.format("\\u%04X", (int) c));
            } else {
                safe.append(c);
            }
        }
        if (safe.length() >= MAX_REASON_LENGTH && text.length() > MAX_REASON_LENGTH) {
            safe.setLength(MAX_REASON_LENGTH);
            safe.append('…');
        }
        return safe.toString();
    }
}
