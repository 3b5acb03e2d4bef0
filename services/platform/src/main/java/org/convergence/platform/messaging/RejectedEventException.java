package org.convergence.platform.messaging;

/**
 * A well-formed event that this consumer can never apply; the reason and a stable code go into the dead-letter
 * headers ({@link DeadLetterHeaders#REASON}, {@link DeadLetterHeaders#CODE}).
 */
public class RejectedEventException extends RuntimeException {

    /** The code of a refusal that names no more precise one. */
    public static final String REFUSED = "REFUSED";

    private final String code;

    public RejectedEventException(String reason) {
        this(REFUSED, reason);
    }

    /** A refusal with its code: a business rule's code (as REST answers it in a 422), or one of {@link DeadLetterCodes}. */
    public RejectedEventException(String code, String reason) {
        this(code, reason, null);
    }

    public RejectedEventException(String code, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code == null ? REFUSED : code;
    }

    public String code() {
        return code;
    }
}
