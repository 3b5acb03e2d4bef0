package org.convergence.contracts;

/** A record that is not a valid integration event of a known type: it belongs in the dead-letter topic. */
public class InvalidIntegrationEventException extends RuntimeException {

    public InvalidIntegrationEventException(String message) {
        super(message);
    }

    public InvalidIntegrationEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
