package org.convergence.enrolment.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.Topics;
import org.convergence.contracts.transitions.TransitionCompletedV1;
import org.convergence.contracts.transitions.TransitionEvents;
import org.convergence.enrolment.application.Exit;
import org.convergence.enrolment.application.PathwayFacts;
import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.query.EnrolmentReads;
import org.convergence.platform.messaging.BatchEventHandler;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.messaging.ConsumerDeclaration;
import org.convergence.platform.messaging.Fact;
import org.convergence.platform.messaging.HandlerSet;
import org.convergence.platform.messaging.RejectedEventException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cross-service process of an employer transition's completion (issue 10, ADR 0025): a
 * {@code transition.completed} fact of {@link Topics#TRANSITIONS} ends the Convergence pathway it names in durable
 * employment on the completion date, through {@link PathwayFacts#recordExit}, the use case of
 * {@code POST /pathways/{id}/exit}: no rule of the exit is written here.
 *
 * <ul>
 *   <li><b>Exactly once</b>: the exit is recorded by {@code transition:<transitionId>}; a fact whose pathway already
 *   holds an event recorded so (a redelivery, a restart between the exit and the offset commit) changes nothing
 *   ({@link AppliedOnce}). The actor is the transition, not the record: a completion published twice under two
 *   event ids still ends the pathway once.</li>
 *   <li><b>Where it came from</b>: that actor is the exit's {@code recordedBy}; the pathway shows it as
 *   {@code exitTransitionId}.</li>
 *   <li><b>Refusals</b>: an exit the pathway refuses (already ended, before the entry, past the program's limit), a
 *   pathway of another chantier than the envelope's, or an abandoned enrolment is dead-lettered with its code on
 *   {@code convergence.transitions.v1.dlq}; nothing is lost silently.</li>
 * </ul>
 * Other transition facts are not this consumer's business and are passed over.
 */
@ApplicationScoped
public class TransitionExits implements BatchEventHandler {

    public static final String CONSUMER = "transition-exits";

    private final PathwayFacts facts;
    private final AppliedOnce once;
    private final IntegrationEventCodec codec;
    private final HandlerSet<Void> handlers;

    public TransitionExits(PathwayFacts facts, AppliedOnce once, IntegrationEventCodec codec) {
        this.facts = facts;
        this.once = once;
        this.codec = codec;
        this.handlers = HandlerSet.<Void>forTopic(Topics.TRANSITIONS)
                .on(TransitionEvents.TRANSITION_COMPLETED, (fact, none) -> completed(fact))
                .build();
    }

    /** Not rebuildable: its effects are commands, which a new read-model generation must not send again. */
    public ConsumerDeclaration declaration() {
        return new ConsumerDeclaration(CONSUMER, Set.of(Topics.TRANSITIONS), this, false);
    }

    @Override
    public Map<Integer, RuntimeException> handleAll(List<ConsumedEvent> events) {
        Map<Integer, RuntimeException> refused = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            ConsumedEvent event = events.get(i);
            if (!Topics.TRANSITIONS.equals(event.topic())) {
                continue;
            }
            try {
                handlers.bind(event, codec).ifPresent(fact -> fact.apply(null));
            } catch (RejectedEventException refusal) {
                refused.put(i, refusal);
            }
        }
        return refused;
    }

    private void completed(Fact<TransitionCompletedV1> fact) {
        TransitionCompletedV1 completed = fact.payload();
        if (fact.territoryId() == null || fact.chantierId() == null) {
            throw new RejectedEventException("transition.completed without territoryId and chantierId in its "
                    + "envelope");
        }
        TransitionAccess access = new TransitionAccess(fact.territoryId(), fact.chantierId());
        once.apply(completed.pathwayId(), actorOf(completed.transitionId()),
                () -> facts.recordExit(completed.pathwayId(), new Exit(completed.completedOn(),
                        ExitCategory.DURABLE_EMPLOYMENT, null), access),
                conflict -> conflict); // a concurrent change of the pathway: the loop tries the record again
    }

    /** The recorder of the exit a completed transition causes. */
    public static String actorOf(String transitionId) {
        return EnrolmentReads.TRANSITION_ACTOR + transitionId;
    }
}
