package org.convergence.enrolment.importing;

/** A line that cannot be imported; its message is the reason reported for it. */
final class InvalidLineException extends RuntimeException {

    InvalidLineException(String reason) {
        super(reason);
    }
}
