package org.convergence.hours.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.hours.domain.PathwayTerms;
import org.convergence.hours.domain.StoreScheduleMessages.Accepted;
import org.convergence.hours.domain.StoreScheduleMessages.ScheduleRequest;
import org.convergence.hours.domain.StoreScheduleMessages.ScheduleStoreHoursCommand;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.eventstore.MongoEventStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.hours.domain.StoreScheduleMessages.StoreHoursScheduledEvent;
import org.convergence.hours.domain.Streams;

import java.util.Optional;

/**
 * The store side of a pathway's weekly schedule, asked for by the employer transitions service (ADR 0020): one
 * command on the pathway's contract stream, sent again on the fresh state when a concurrent change of the chantier
 * hours won the race, so the limit is always checked against what is stored.
 */
@ApplicationScoped
public class StoreSchedules {

    private final Commands commands;
    private final KnownPathways pathways;
    private final RecordedBy recordedBy;
    private final MongoEventStore store;

    public StoreSchedules(Commands commands, KnownPathways pathways, RecordedBy recordedBy, MongoEventStore store) {
        this.store = store;
        this.commands = commands;
        this.pathways = pathways;
        this.recordedBy = recordedBy;
    }

    public Accepted schedule(String pathwayId, String key, ScheduleRequest request) {
        PathwayTerms pathway = pathways.terms(pathwayId).orElseThrow(() -> KnownPathways.unknown(pathwayId));
        String decidedBy = String.valueOf(recordedBy.current().get(RecordedBy.KEY));
        Commands.Outcome outcome = Retries.onConflict(() -> commands.send(
                new ScheduleStoreHoursCommand(pathway, key, request, decidedBy)));
        if (!outcome.succeeded()) {
            throw outcome.failure();
        }
        return (Accepted) outcome.result();
    }

    /** What was accepted under a key, read from the pathway's contract stream: how a caller heals after a crash. */
    public Optional<Accepted> accepted(String pathwayId, String key) {
        for (DomainEventMessage<?> event : store.eventsOf(Streams.contract(pathwayId), 0)) {
            if (event.getPayload() instanceof StoreHoursScheduledEvent e && e.key().equals(key)) {
                return Optional.of(new Accepted(e.key(), e.pathwayId(), e.request(), e.effectiveOn(), e.storeHours(),
                        e.chantierHours()));
            }
        }
        return Optional.empty();
    }
}
