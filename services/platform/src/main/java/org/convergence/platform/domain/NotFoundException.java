package org.convergence.platform.domain;

/** The resource does not exist (or, for a scoped caller, is not theirs to know about: see CallerScope). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
