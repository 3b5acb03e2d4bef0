package org.convergence.platform.messaging;

import org.convergence.contracts.InvalidIntegrationEventException;

/**
 * The {@link DeadLetterHeaders#CODE} of a dead letter: what kind of refusal it is, stable for programs to act on.
 * A handler's refusal names its own code ({@link RejectedEventException#code()}, e.g. a business rule's); the loop
 * names the others.
 */
public final class DeadLetterCodes {

    /** The record breaks its contract: not an envelope, a payload against its schema, a fact rule. */
    public static final String MALFORMED_RECORD = "MALFORMED_RECORD";
    /** The fact waited for a fact it needs (a pathway, a chantier) longer than the patience allows. */
    public static final String NOT_KNOWN = "NOT_KNOWN";
    /**
     * A record on a chantier's own inbound topic whose envelope names another chantier (ADR 0021, 0026): the topic,
     * which only that chantier's principal may write to, is the sender; the envelope's claim is not.
     */
    public static final String CHANTIER_NOT_TOPIC_OWNER = "CHANTIER_NOT_TOPIC_OWNER";
    /** The handler kept failing on this record alone. */
    public static final String HANDLER_FAILED = "HANDLER_FAILED";

    private DeadLetterCodes() {
    }

    /** The code of the failure that made a record a dead letter. */
    public static String of(Throwable failure) {
        if (failure instanceof RejectedEventException rejected) {
            return rejected.code();
        }
        if (failure instanceof InvalidIntegrationEventException) {
            return MALFORMED_RECORD;
        }
        return RejectedEventException.REFUSED;
    }
}
