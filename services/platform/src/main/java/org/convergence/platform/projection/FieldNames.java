package org.convergence.platform.projection;

import org.convergence.platform.messaging.RejectedEventException;

/**
 * Ids from events that become document ids or parts of field paths. A dot would split a path, a leading dollar
 * would read as an operator, a control character or a huge id has no business in a key: such an event is refused
 * (dead-lettered) rather than stored somewhere unexpected.
 */
public final class FieldNames {

    static final int MAX_LENGTH = 200;

    private FieldNames() {
    }

    /** An id that names a field of a document (a pathway id in a roster, a program code...). */
    public static String requireKey(String id, String what) {
        requireId(id, what);
        if (id.indexOf('.') >= 0 || id.startsWith("$")) {
            throw new RejectedEventException(what + " '" + excerpt(id) + "' cannot name a field");
        }
        return id;
    }

    /** An id that names a document. */
    public static String requireId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new RejectedEventException(what + " is missing");
        }
        if (id.length() > MAX_LENGTH) {
            throw new RejectedEventException(what + " is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new RejectedEventException(what + " contains a control character");
            }
        }
        return id;
    }

    private static String excerpt(String id) {
        return id.length() <= 40 ? id : id.substring(0, 40) + "…";
    }
}
