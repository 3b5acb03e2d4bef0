package org.convergence.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Axon's embedded event store, except that the events staged in the current unit of work and its parents are
 * gathered in linear time. Every aggregate load asks for them (to replay events applied but not yet stored); Axon
 * gathers them with a {@code List.contains} per event, so in a command batch (ADR 0008), where each command's nested
 * unit of work sees the events of every command before it, a batch of n commands cost n³/6 comparisons: about half
 * a second for 1,000 commands, more than their appends (ADR 0030). Here a load reads only its aggregate's staged
 * events, from an index per unit of work kept up with its staged list as it grows (each staged event indexed once:
 * a batch of n costs n, where a scan per load cost n²/2, ADR 0035). Same events, same order, same de-duplication.
 */
final class StagedEventsInLinearTime extends EmbeddedEventStore {

    /** The unit-of-work resource under which {@code AbstractEventBus} stages events (its constructor's key). */
    private final String stagedEventsKey = this + "_EVENTS";
    /** The unit-of-work resource holding its staged events by aggregate ({@link StagedByAggregate}). */
    private final String byAggregateKey = this + "_EVENTS_BY_AGGREGATE";

    StagedEventsInLinearTime(Builder builder) {
        super(builder);
    }

    /**
     * What {@code AbstractEventStore} answers (the staged events of this aggregate, outermost unit of work first,
     * each once), without copying every staged event of the batch at each load: only this aggregate's are kept.
     */
    @Override
    protected Stream<? extends DomainEventMessage<?>> stagedDomainEventMessages(String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Stream.empty();
        }
        Set<EventMessage<?>> staged = new LinkedHashSet<>();
        addStagedOf(CurrentUnitOfWork.get(), aggregateIdentifier, staged);
        return staged.stream().map(event -> (DomainEventMessage<?>) event);
    }

    /** Outermost unit of work first, as Axon does; a rolled-back unit of work stages nothing. */
    private void addStagedOf(UnitOfWork<?> unitOfWork, String aggregateIdentifier, Set<EventMessage<?>> staged) {
        unitOfWork.parent().ifPresent(parent -> addStagedOf(parent, aggregateIdentifier, staged));
        if (!unitOfWork.isRolledBack()) {
            List<EventMessage<?>> events = unitOfWork.getOrDefaultResource(stagedEventsKey, Collections.emptyList());
            if (!events.isEmpty()) {
                staged.addAll(unitOfWork.<StagedByAggregate>getOrComputeResource(byAggregateKey,
                        key -> new StagedByAggregate()).of(events, aggregateIdentifier));
            }
        }
    }

    /**
     * One unit of work's staged events by aggregate. Axon only appends to a unit of work's staged list, so the index
     * catches up from where it stopped; a list replaced or shorter than what was indexed is indexed again whole.
     */
    private static final class StagedByAggregate {
        private final Map<String, List<EventMessage<?>>> byAggregate = new HashMap<>();
        private List<EventMessage<?>> indexedList;
        private int indexed;

        List<EventMessage<?>> of(List<EventMessage<?>> staged, String aggregateIdentifier) {
            if (staged != indexedList || staged.size() < indexed) {
                byAggregate.clear();
                indexedList = staged;
                indexed = 0;
            }
            for (; indexed < staged.size(); indexed++) {
                if (staged.get(indexed) instanceof DomainEventMessage<?> domainEvent) {
                    byAggregate.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>())
                            .add(domainEvent);
                }
            }
            return byAggregate.getOrDefault(aggregateIdentifier, List.of());
        }
    }

    @Override
    protected List<EventMessage<?>> queuedMessages() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Collections.emptyList();
        }
        Set<EventMessage<?>> staged = new LinkedHashSet<>();
        addStaged(CurrentUnitOfWork.get(), staged, event -> true);
        return new ArrayList<>(staged);
    }

    /** Outermost unit of work first, as Axon does; a rolled-back unit of work stages nothing. */
    private void addStaged(UnitOfWork<?> unitOfWork, Set<EventMessage<?>> staged, Predicate<EventMessage<?>> kept) {
        unitOfWork.parent().ifPresent(parent -> addStaged(parent, staged, kept));
        if (!unitOfWork.isRolledBack()) {
            for (EventMessage<?> event : unitOfWork.getOrDefaultResource(stagedEventsKey,
                    Collections.<EventMessage<?>>emptyList())) {
                if (kept.test(event)) {
                    staged.add(event);
                }
            }
        }
    }
}
