package org.convergence.platform.messaging;

import org.convergence.contracts.EventEnvelope;
import java.util.List;
import java.util.Map;

/**
 * Applies a batch of integration events, in order, and stores their effects before it returns, so that the
 * consumer commits their offsets only then. Must be idempotent by {@code eventId}: after a crash or a transient
 * failure the whole batch is delivered again. An event that can never be applied is reported in the returned
 * map (by its index in the batch) and goes to the dead-letter topic; it must leave no effect. Any exception
 * thrown is taken as transient: the batch is retried.
 */
@FunctionalInterface
public interface BatchEventHandler {

    Map<Integer, RuntimeException> handleAll(List<EventEnvelope> events);
}
