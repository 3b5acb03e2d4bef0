package org.convergence.hours.application;

import org.axonframework.modelling.command.ConcurrencyException;
import org.convergence.platform.axon.Commands;

import java.util.function.Supplier;

/**
 * A command that lost a race for its stream (another writer appended first) is sent again on the fresh state: the
 * hours commands are idempotent, so the retry records nothing twice and the caller gets the answer it would have had
 * alone. A few attempts; a stream still contended after them answers 409.
 */
final class Retries {

    private static final int ATTEMPTS = 5;

    private Retries() {
    }

    static Commands.Outcome onConflict(Supplier<Object> send) {
        ConcurrencyException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return new Commands.Outcome(send.get(), null);
            } catch (ConcurrencyException conflict) {
                last = conflict;
            } catch (RuntimeException refused) {
                return new Commands.Outcome(null, refused);
            }
        }
        return new Commands.Outcome(null, last);
    }
}
