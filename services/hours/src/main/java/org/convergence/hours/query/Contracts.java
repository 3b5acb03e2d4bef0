package org.convergence.hours.query;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.hours.domain.HoursMessages.ContractedHoursDecidedEvent;
import org.convergence.hours.domain.PathwayTerms;
import org.convergence.hours.domain.Streams;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.time.BusinessDates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A pathway's contract, read from its own stream (a few decisions in a pathway's life, followed by {@code _id}):
 * the source of truth itself, so an answer right after a decision includes it.
 */
@ApplicationScoped
public class Contracts {

    private final MongoEventStore store;
    private final ProgramCatalog programs;
    private final Clock clock = Clock.system(BusinessDates.ZONE);

    public Contracts(MongoEventStore store, ProgramCatalog programs) {
        this.store = store;
        this.programs = programs;
    }

    public ContractView of(PathwayTerms pathway) {
        List<ContractView.Decision> decisions = store.eventsOf(Streams.contract(pathway.pathwayId()), 0).stream()
                .filter(e -> e.getPayload() instanceof ContractedHoursDecidedEvent)
                .map(Contracts::decisionOf)
                .sorted(Comparator.comparing(ContractView.Decision::effectiveOn))
                .toList();
        LocalDate today = LocalDate.now(clock);
        // Among decisions of one date, the last recorded is in force (the sort above is stable).
        Optional<ContractView.Decision> inForce = decisions.stream().filter(d -> !d.effectiveOn().isAfter(today))
                .reduce((first, second) -> second);
        Program.WeeklyHours bounds = programs.require(pathway.program()).weeklyHours();
        int hours = inForce.map(ContractView.Decision::weeklyHours).orElse(bounds.defaultHours());
        return new ContractView(pathway.pathwayId(), pathway.program(), hours, inForce.isEmpty(),
                bounds.defaultHours(), bounds.nextStepAbove(hours).orElse(null), decisions);
    }

    private static ContractView.Decision decisionOf(DomainEventMessage<?> message) {
        ContractedHoursDecidedEvent e = (ContractedHoursDecidedEvent) message.getPayload();
        return new ContractView.Decision(e.effectiveOn(), e.weeklyHours(), e.previousWeeklyHours(), e.reason().name(),
                e.decidedBy(), message.getTimestamp());
    }
}
