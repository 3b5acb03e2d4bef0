package org.convergence.platform.messaging;

/**
 * A well-formed event that depends on a fact this service has not seen yet (a pathway the enrolment view has not
 * received, say). Its partition waits and retries it; past {@code convergence.consumer.retry-later-patience} it is
 * dead-lettered with this reason.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String reason) {
        super(reason);
    }
}
