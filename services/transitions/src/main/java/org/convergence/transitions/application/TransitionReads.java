package org.convergence.transitions.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.transitions.domain.EmployerMessages.EmployerRegisteredEvent;
import org.convergence.transitions.domain.EmployerMessages.StoreRegisteredEvent;
import org.convergence.transitions.domain.Streams;
import org.convergence.transitions.domain.TransitionHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads by folding streams from the event store, each found by {@code _id}: the state the aggregates see. */
@ApplicationScoped
public class TransitionReads {

    private final MongoEventStore store;

    public TransitionReads(MongoEventStore store) {
        this.store = store;
    }

    public TransitionHistory history(String pathwayId) {
        TransitionHistory history = new TransitionHistory();
        for (DomainEventMessage<?> event : store.eventsOf(Streams.transitions(pathwayId), 0)) {
            history.apply(event.getPayload());
        }
        return history;
    }

    /** An employer and its stores, if registered. */
    public Optional<EmployerView> employer(String employerId) {
        EmployerView employer = null;
        List<EmployerView.Store> stores = new ArrayList<>();
        for (DomainEventMessage<?> event : store.eventsOf(Streams.employer(employerId), 0)) {
            if (event.getPayload() instanceof EmployerRegisteredEvent e) {
                employer = new EmployerView(e.employerId(), e.name(), List.of());
            } else if (event.getPayload() instanceof StoreRegisteredEvent e) {
                stores.add(new EmployerView.Store(e.storeId(), e.name(), e.territoryId()));
            }
        }
        return Optional.ofNullable(employer).map(e -> new EmployerView(e.employerId(), e.name(), List.copyOf(stores)));
    }

    public record EmployerView(String employerId, String name, List<Store> stores) {
        public record Store(String storeId, String name, String territoryId) {
        }

        public Optional<Store> store(String storeId) {
            return stores.stream().filter(s -> s.storeId().equals(storeId)).findFirst();
        }
    }
}
