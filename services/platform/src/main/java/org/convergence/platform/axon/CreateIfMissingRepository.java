package org.convergence.platform.axon;

import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.LockAwareAggregate;
import org.axonframework.modelling.command.RepositorySpanFactory;

import java.util.concurrent.Callable;

/**
 * Axon's event-sourcing repository, except for how it learns that a stream a {@code CREATE_IF_MISSING} command
 * names has no events yet. Axon loads the stream, throws an {@link AggregateNotFoundException} when it is empty,
 * catches it and creates the aggregate: a new exception and its stack trace (about 55 frames under a command
 * batch) for every new stream. Every week of hours is a new stream (ADR 0016), so that was once per weekly fact
 * (ADR 0056). Here, while a stream is loaded to be created if missing, an empty stream throws one exception made
 * once, with no stack trace; Axon catches it as before (it tests for exactly this class) and creates the aggregate.
 * A plain load of a missing stream still throws an exception of its own, naming the stream.
 */
public final class CreateIfMissingRepository<T> extends EventSourcingRepository<T> {

    /** Thrown only where Axon catches it at once: never seen by a caller, so one instance serves every thread. */
    private static final AggregateNotFoundException NOT_STARTED = notStarted();

    private static final ThreadLocal<Boolean> LOADING_TO_CREATE = new ThreadLocal<>();

    private CreateIfMissingRepository(EventSourcingRepository.Builder<T> builder) {
        super(builder);
    }

    /**
     * Axon's default configuration of an event-sourced aggregate (the configuration's event store, handler
     * parameters and span factory, a pessimistic lock per aggregate, no snapshots, no cache) with this repository.
     */
    public static <T> AggregateConfigurer<T> configuration(Class<T> aggregateType) {
        AggregateConfigurer<T> aggregate = AggregateConfigurer.defaultConfiguration(aggregateType);
        return aggregate.configureRepository(c -> new CreateIfMissingRepository<>(new Builder<>(aggregateType)
                .parameterResolverFactory(c.parameterResolverFactory())
                .handlerDefinition(c.handlerDefinition(aggregateType))
                .lockFactory(PessimisticLockFactory.usingDefaults())
                .eventStore(c.eventStore())
                .aggregateFactory(aggregate.aggregateFactory())
                .repositoryProvider(c::repository)
                .spanFactory(c.getComponent(RepositorySpanFactory.class))));
    }

    @Override
    protected LockAwareAggregate<T, EventSourcedAggregate<T>> doLoadOrCreate(String aggregateIdentifier,
                                                                             Callable<T> factoryMethod)
            throws Exception {
        LOADING_TO_CREATE.set(Boolean.TRUE);
        try {
            return super.doLoadOrCreate(aggregateIdentifier, factoryMethod);
        } finally {
            LOADING_TO_CREATE.remove();
        }
    }

    @Override
    protected DomainEventStream readEvents(String aggregateIdentifier) {
        DomainEventStream events = super.readEvents(aggregateIdentifier);
        if (LOADING_TO_CREATE.get() != null) {
            // The mark serves this one read: a load made while the aggregate is built or sourced is a plain one.
            LOADING_TO_CREATE.remove();
            if (!events.hasNext()) {
                throw NOT_STARTED;
            }
        }
        return events;
    }

    private static AggregateNotFoundException notStarted() {
        AggregateNotFoundException notStarted = new AggregateNotFoundException("(a stream with no events yet)",
                "The stream has no events yet: the aggregate is created");
        notStarted.setStackTrace(new StackTraceElement[0]);
        return notStarted;
    }

    /** Axon's builder, whose constructor is protected. */
    private static final class Builder<T> extends EventSourcingRepository.Builder<T> {

        private Builder(Class<T> aggregateType) {
            super(aggregateType);
        }
    }
}
