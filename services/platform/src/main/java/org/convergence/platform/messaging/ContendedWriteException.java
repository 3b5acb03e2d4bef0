package org.convergence.platform.messaging;

/**
 * A handler's compare-and-set lost to other writers of the same document as many times in a row as it allows
 * itself: the document is busy (another replica applying the same participant during a rebalance, say), not wrong.
 * Transient ({@link TransientFailures}): the consumer retries the whole batch after its back-off, as for a
 * database away, and dead-letters nothing. Bounding the attempts keeps a handler from spinning on the consumer
 * thread for ever, unseen by health and metrics, when something keeps changing the document.
 */
public class ContendedWriteException extends RuntimeException {

    public ContendedWriteException(String what, int attempts) {
        super(what + ": compare-and-set lost " + attempts + " times in a row to other writers; the batch is retried");
    }
}
