package org.convergence.platform.support;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.convergence.platform.domain.RuleViolationException;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A tiny aggregate for command tests: a running total that only grows. */
public class Tally {

    @AggregateIdentifier
    private String id;
    private long total;

    public record Open(String id, long start) {
        @TargetAggregateIdentifier
        public String target() {
            return id;
        }
    }

    public record Add(String id, long amount) {
        @TargetAggregateIdentifier
        public String target() {
            return id;
        }
    }

    /** Adds to the tally, opening it at zero first if it has no events yet. */
    public record Count(String id, long amount) {
        @TargetAggregateIdentifier
        public String target() {
            return id;
        }
    }

    public record Opened(String id, long start) {
    }

    public record Added(String id, long amount) {
    }

    protected Tally() {
    }

    @CommandHandler
    public Tally(Open command) {
        if (command.start() < 0) {
            throw new RuleViolationException("NEGATIVE_START", "a tally starts at zero or more");
        }
        apply(new Opened(command.id(), command.start()));
    }

    /** Returns the new total. */
    @CommandHandler
    long handle(Add command) {
        if (command.amount() <= 0) {
            throw new RuleViolationException("NOT_POSITIVE", "a tally only grows");
        }
        apply(new Added(id, command.amount()));
        return total;
    }

    /** Returns the new total. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(Count command) {
        if (id == null) {
            apply(new Opened(command.id(), 0));
        }
        return handle(new Add(command.id(), command.amount()));
    }

    @EventSourcingHandler
    void on(Opened event) {
        id = event.id();
        total = event.start();
    }

    @EventSourcingHandler
    void on(Added event) {
        total += event.amount();
    }
}
