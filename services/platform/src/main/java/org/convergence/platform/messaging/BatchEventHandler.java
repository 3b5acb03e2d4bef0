package org.convergence.platform.messaging;

import java.util.List;
import java.util.Map;

/**
 * Applies a batch of integration events, in order within each partition, and stores their effects before it
 * returns, so that the consumer commits their offsets only then. Must be idempotent by {@code eventId}: after a
 * crash or a failure the same events are delivered again. An event that can never be applied is reported in the
 * returned map (by its index in the batch), leaves no effect and goes to the dead-letter topic.
 *
 * <p>Anything thrown fails the whole batch: a transient failure ({@link TransientFailures}) retries it after a
 * back-off; anything else makes the consumer retry the batch record by record, so that a record no handler can
 * apply is found and dead-lettered while its neighbours are applied ({@link EventConsumerLoop}). A handler that
 * needs a fact not known yet (from another topic) throws {@link RetryLaterException}.
 */
@FunctionalInterface
public interface BatchEventHandler {

    Map<Integer, RuntimeException> handleAll(List<ConsumedEvent> events);
}
