package org.convergence.platform.messaging;

/**
 * Told of each record before it is dead-lettered, e.g. to list an inbound door's rejections for the sender
 * ({@code platform/inbound}). Must be idempotent: a record is told again if its dead letter or offset commit failed.
 * A failure (database away) makes the loop try the record again later; nothing is committed past it meanwhile.
 */
@FunctionalInterface
public interface DeadLetterListener {

    DeadLetterListener NONE = letter -> {
    };

    void deadLettered(DeadLetter letter);
}
