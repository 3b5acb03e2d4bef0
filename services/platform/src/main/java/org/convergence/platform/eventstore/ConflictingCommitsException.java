package org.convergence.platform.eventstore;

import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Set;

/**
 * Some commits of one append collided with commits already stored ({@code _id} taken: the aggregate changed
 * concurrently or already exists). Only those aggregates failed: every other commit of the append is stored,
 * announced and will be relayed. A {@link ConcurrencyException}, so one command alone still answers 409.
 */
public final class ConflictingCommitsException extends ConcurrencyException {

    private final Set<String> aggregateIds;

    public ConflictingCommitsException(String message, Set<String> aggregateIds, Throwable cause) {
        super(message, cause);
        this.aggregateIds = Set.copyOf(aggregateIds);
    }

    /** The aggregates whose commit was refused; nothing of theirs from this append is stored. */
    public Set<String> aggregateIds() {
        return aggregateIds;
    }
}
