package org.convergence.enrolment.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.modelling.command.ConcurrencyException;
import org.convergence.enrolment.domain.Streams;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.messaging.RejectedEventException;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies a fact of another system to a pathway once (ADR 0018, ADR 0025): the commands it sends are recorded by an
 * actor naming the fact, and a fact whose pathway stream already holds an event recorded by that actor was applied
 * before. The mark and the effect are the same events, so no kill can separate them. Refusals of the use case come
 * back as the record's refusal, with the code REST answers.
 */
@ApplicationScoped
public class AppliedOnce {

    /** The REST API's 404 for a national caller: the pathway's enrolment was abandoned. */
    static final String NOT_FOUND = "NOT_FOUND";

    private final MongoEventStore store;

    public AppliedOnce(MongoEventStore store) {
        this.store = store;
    }

    /**
     * Runs {@code useCase} as {@code actor} unless {@code doneOn}'s stream shows it ran before.
     *
     * @param conflict what a concurrent change of the stream means when the fact was not applied meanwhile: a
     *                 refusal to return, or the exception itself to have the loop try the record again
     */
    public void apply(String doneOn, String actor, Supplier<?> useCase,
                      Function<ConcurrencyException, RuntimeException> conflict) {
        if (appliedBefore(doneOn, actor)) {
            return;
        }
        try {
            RecordedBy.as(actor, useCase);
        } catch (RuleViolationException refused) {
            throw new RejectedEventException(refused.code(), refused.getMessage(), refused);
        } catch (NotFoundException gone) {
            throw new RejectedEventException(NOT_FOUND, gone.getMessage(), gone);
        } catch (ConcurrencyException raced) {
            if (appliedBefore(doneOn, actor)) {
                return; // applied meanwhile by another delivery of this very fact
            }
            throw conflict.apply(raced);
        }
    }

    /** True if an event of the pathway's stream was recorded by {@code actor}. */
    public boolean appliedBefore(String pathwayId, String actor) {
        return store.eventsOf(Streams.pathway(pathwayId), 0).stream()
                .anyMatch(event -> actor.equals(event.getMetaData().get(RecordedBy.KEY)));
    }
}
