package org.convergence.platform.messaging;

/** A well-formed event that this consumer can never apply; the reason goes into the dead-letter headers. */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String reason) {
        super(reason);
    }
}
