package org.convergence.platform.axon;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;

import java.util.HashMap;
import java.util.function.Function;

/**
 * The unit of work of a command batch ({@link CommandBatch}), whose aggregates are kept in a map that finds each by
 * its identifier. Axon's repository keeps the aggregates a unit of work loaded in a map on its root, and when each
 * nested command commits it checks that its aggregate is still in that map with {@code containsValue}, a scan: in a
 * batch of n commands, n scans of up to n aggregates, the largest cost of the hours door after the staged events
 * (ADR 0043). Here the check looks the aggregate up under its own identifier first, and scans only if it is not
 * there (an aggregate kept under another key), so it answers what Axon's map answers.
 */
final class BatchUnitOfWork<T extends Message<?>> extends DefaultUnitOfWork<T> {

    /** How Axon's {@code AbstractRepository} names the resource of its managed aggregates. */
    static final String MANAGED_AGGREGATES_SUFFIX = "_AGGREGATES";

    private BatchUnitOfWork(T message) {
        super(message);
    }

    static <T extends Message<?>> BatchUnitOfWork<T> startBatch(T message) {
        BatchUnitOfWork<T> unitOfWork = new BatchUnitOfWork<>(message);
        unitOfWork.start();
        return unitOfWork;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R getOrComputeResource(String key, Function<? super String, R> mappingFunction) {
        if (!key.endsWith(MANAGED_AGGREGATES_SUFFIX)) {
            return super.getOrComputeResource(key, mappingFunction);
        }
        return (R) resources().computeIfAbsent(key, k -> {
            R created = mappingFunction.apply(k);
            return created instanceof HashMap<?, ?> map && map.isEmpty() ? new AggregatesByIdentifier<>() : created;
        });
    }

    /** A {@link HashMap} of aggregates by identifier whose {@code containsValue} is a lookup. */
    static final class AggregatesByIdentifier<V> extends HashMap<String, V> {

        @Override
        public boolean containsValue(Object value) {
            if (value instanceof Aggregate<?> aggregate) {
                String id = aggregate.identifierAsString();
                V kept = id == null ? null : get(id);
                if (kept != null && kept.equals(value)) {
                    return true;
                }
            }
            return super.containsValue(value);
        }
    }
}
